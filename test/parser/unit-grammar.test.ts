import { describe, expect, it } from 'vitest';
import { scanUnits } from '../../src/parser/unit-grammar.js';
import { findDirectiveUnits, splitUnitList } from '../../src/parser/units.js';

const unitsAt = (text: string) => scanUnits(text, 0, true)?.units.map((unit) => unit.text) ?? null;

describe('a unit phrase ends where the unit’s name ends, whatever verb follows', () => {
  it.each([
    ['Phòng Nội vụ nâng tỷ lệ cán bộ có trình độ', ['Phòng Nội vụ']],
    ['Công an huyện mở đợt cao điểm', ['Công an huyện']],
    ['Phòng Tài nguyên và Môi trường hướng dẫn', ['Phòng Tài nguyên và Môi trường']],
    ['Phòng Kinh tế - Hạ tầng rà soát', ['Phòng Kinh tế - Hạ tầng']],
    ['Phòng Lao động - Thương binh và Xã hội chi trả', ['Phòng Lao động - Thương binh và Xã hội']],
    ['Sở Giao thông vận tải sửa chữa', ['Sở Giao thông vận tải']],
    ['Trạm Khí tượng thủy văn cung cấp', ['Trạm Khí tượng thủy văn']],
    ['Ban Quản lý dự án đầu tư xây dựng huyện đẩy nhanh', ['Ban Quản lý dự án đầu tư xây dựng huyện']],
    ['Ban chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn huyện họp', ['Ban chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn huyện']],
    ['Ban Tuyên giáo Huyện ủy biên soạn', ['Ban Tuyên giáo Huyện ủy']],
    ['Chi cục Thuế khu vực, Kho bạc Nhà nước huyện đối soát', ['Chi cục Thuế khu vực', 'Kho bạc Nhà nước huyện']],
  ])('%s', (text, expected) => {
    expect(unitsAt(text)).toEqual(expected);
  });

  it('keeps collectives whole, with their level and their qualifier', () => {
    expect(unitsAt('UBND các xã, thị trấn kiểm tra')).toEqual(['UBND các xã, thị trấn']);
    expect(unitsAt('Các ban, phòng, ngành, MTTQ, đoàn thể cấp huyện thực hiện')).toEqual(['Các ban, phòng, ngành, MTTQ, đoàn thể cấp huyện']);
    expect(unitsAt('UBND các xã có dự án đi qua bàn giao')).toEqual(['UBND các xã có dự án đi qua']);
    expect(unitsAt('Các phòng, ban phụ trách tiêu chí báo cáo')).toEqual(['Các phòng, ban phụ trách tiêu chí']);
  });

  it('does not take verbs spelled like heads for units', () => {
    for (const text of ['phòng, chống thiên tai', 'ban hành kế hoạch', 'Hội nghị thống nhất', 'trường hợp chậm trễ']) expect(unitsAt(text)).toBeNull();
  });

  it('reads a person with their roles and keeps the name apart', () => {
    const scan = scanUnits('đồng chí Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện, Phó trưởng Ban chỉ đạo xây dựng nông thôn mới huyện chủ trì theo dõi', 0);
    expect(scan?.units).toEqual([expect.objectContaining({ kind: 'person', name: 'Lê Phú Quốc' })]);
    expect(scan?.next).toBe('chủ');
  });

  it('keeps a commune’s officials together with the commune', () => {
    expect(unitsAt('Các đồng chí Bí thư, Phó Bí thư, Chủ tịch UBND xã và Ban chấp hành Đảng bộ xã Bình Sơn phải nhận thức')).toEqual([
      'Các đồng chí Bí thư, Phó Bí thư, Chủ tịch UBND xã và Ban chấp hành Đảng bộ xã Bình Sơn',
    ]);
    expect(unitsAt('Ban chỉ đạo xây dựng NTM của xã kiện toàn')).toEqual(['Ban chỉ đạo xây dựng NTM xã']);
  });

  it('reads a long paragraph without punctuation in bounded time', () => {
    const long = `Phòng ${'Tài nguyên '.repeat(5000)}làm`;
    const started = performance.now();
    scanUnits(long, 0);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('leads and coordinating units of a directive', () => {
  it('takes a clause subject before any verb as the lead', () => {
    expect(findDirectiveUnits('Phòng Nội vụ nâng tỷ lệ cán bộ đạt chuẩn lên 95%.').lead).toEqual(['Phòng Nội vụ']);
    expect(findDirectiveUnits('Trong tháng 10, Công an huyện mở đợt cao điểm trấn áp tội phạm.').lead).toEqual(['Công an huyện']);
  });

  it('reads "X chủ trì, Y phối hợp" and "phối hợp với Y"', () => {
    expect(findDirectiveUnits('Sở Xây dựng chủ trì, Sở Tài chính phối hợp thẩm định giá.')).toMatchObject({ lead: ['Sở Xây dựng'], support: ['Sở Tài chính'] });
    expect(findDirectiveUnits('Giao Phòng Y tế phối hợp với Trung tâm Y tế huyện kiểm tra.')).toMatchObject({ lead: ['Phòng Y tế'], support: ['Trung tâm Y tế huyện'] });
  });

  it('takes a heading "Đối với Sở Xây dựng:" or "Sở Tài chính:" as the lead of what follows', () => {
    expect(findDirectiveUnits('Đối với Sở Xây dựng:').lead).toEqual(['Sở Xây dựng']);
    expect(findDirectiveUnits('Sở Tài chính:').lead).toEqual(['Sở Tài chính']);
  });

  it('never takes the closing formula or an evaluation for a lead', () => {
    expect(findDirectiveUnits('Tổ chức tổng kết. Văn phòng UBND huyện thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.').lead).toEqual([]);
    expect(findDirectiveUnits('Ghi nhận những nỗ lực của UBND xã Bình Sơn trong thời gian qua.').lead).toEqual([]);
  });

  it('names a person apart, and the units they direct as leads', () => {
    const units = findDirectiveUnits('Giao đồng chí Nguyễn Văn Hải - Phó Chủ tịch UBND huyện chủ trì, chỉ đạo UBND các xã ven biển thực hiện.');
    expect(units).toMatchObject({ persons: ['Nguyễn Văn Hải'], lead: ['UBND các xã ven biển'] });
  });

  it('splits a table cell into its units', () => {
    expect(splitUnitList('Phòng Tài chính - Kế hoạch; Kho bạc Nhà nước huyện, UBND các xã')).toEqual(['Phòng Tài chính - Kế hoạch', 'Kho bạc Nhà nước huyện', 'UBND các xã']);
  });
});

describe('names written the newer way, and organs named inside names', () => {
  it.each([
    ['Phòng Kinh tế, Hạ tầng và Đô thị, Công an phường Bắc Thành ra quân', ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Công an phường Bắc Thành']],
    ['Sở Văn hóa, Thể thao và Du lịch hướng dẫn', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['Phòng Nội vụ, Phòng Tư pháp rà soát', ['Phòng Nội vụ', 'Phòng Tư pháp']],
    ['Văn phòng HĐND và UBND huyện tổng hợp', ['Văn phòng HĐND và UBND huyện']],
    ['Phòng Y tế và UBND xã kiểm tra', ['Phòng Y tế', 'UBND xã']],
    ['Văn phòng Thường trực Ban Chỉ đạo 389 tỉnh tổng hợp', ['Văn phòng Thường trực Ban Chỉ đạo 389 tỉnh']],
    ['Kho bạc Nhà nước khu vực VII kiểm soát chi', ['Kho bạc Nhà nước khu vực VII']],
    ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Chi cục Hải quan khu vực XII mở đợt', ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Chi cục Hải quan khu vực XII']],
    ['Các đảng ủy xã, phường tổ chức hội nghị', ['Các đảng ủy xã, phường']],
  ])('%s', (text, expected) => {
    expect(unitsAt(text)).toEqual(expected);
  });
});

describe('who leads and who only oversees', () => {
  it('makes a department that only guides and checks a coordinating unit', () => {
    expect(findDirectiveUnits('Xã tập trung xử lý các điểm rác thải tự phát; giao Phòng Tài nguyên và Môi trường kiểm tra, hướng dẫn.')).toMatchObject({
      lead: ['Xã'],
      support: ['Phòng Tài nguyên và Môi trường'],
    });
  });

  it('reads a subject with a parenthesis before its verb, and "chủ trì, cùng X"', () => {
    expect(findDirectiveUnits('Phòng Nông nghiệp và Phát triển nông thôn (cơ quan thường trực Ban Chỉ huy huyện) rà soát phương án.').lead).toEqual(['Phòng Nông nghiệp và Phát triển nông thôn']);
    expect(findDirectiveUnits('Giao đồng chí Trần Văn Bảo - Phó Chủ tịch UBND huyện chủ trì, cùng Phòng Tài chính - Kế hoạch rà soát.')).toMatchObject({ lead: [], support: ['Phòng Tài chính - Kế hoạch'], persons: ['Trần Văn Bảo'] });
  });
});
