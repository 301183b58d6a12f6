import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';

/** A provincial office notice around the given conclusions. */
function notice(body: string[]): string {
  return [
    'UBND TỈNH BÌNH ĐỊNH',
    'VĂN PHÒNG',
    'Số: 88/TB-VPUBND',
    'Bình Định, ngày 15 tháng 4 năm 2024',
    'THÔNG BÁO',
    'Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về tiến độ dự án đường ven biển',
    'Ngày 12/4/2024, đồng chí Phó Chủ tịch UBND tỉnh chủ trì cuộc họp. Phó Chủ tịch UBND tỉnh kết luận như sau:',
    ...body,
    'Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.',
  ].join('\n');
}

describe('a numbered evaluation before the numbered tasks', () => {
  const parsed = parseNotice(
    notice([
      '1. Đánh giá chung',
      'Thời gian qua, Sở Giao thông vận tải đã phối hợp với UBND các huyện giải phóng mặt bằng được 85% diện tích. Ban Quản lý dự án giao thông tỉnh đạt tiến độ gói thầu số 3.',
      '2. Nhiệm vụ thời gian tới',
      'a) Sở Giao thông vận tải đôn đốc nhà thầu tăng ca, hoàn thành gói thầu số 3 trước ngày 30/6/2024.',
      'b) UBND huyện Phù Cát hoàn thành giải phóng mặt bằng đoạn qua xã Cát Tiến.',
      'c) Sở Tài chính thẩm định dự toán bồi thường.',
      'd) Sở Tài nguyên và Môi trường hướng dẫn thủ tục thu hồi đất.',
      'đ) Công an tỉnh bảo đảm an ninh trật tự khu vực thi công.',
      '3. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.',
    ]),
  );

  it('takes the evaluation for no directive, even though it names units', () => {
    expect(parsed.directives.some((d) => d.text.includes('đã phối hợp'))).toBe(false);
  });

  it('makes each sub-item under "Nhiệm vụ thời gian tới" a directive for its own unit, even without deadlines', () => {
    expect(parsed.directives.map((d) => [d.ordinal, d.lead])).toEqual([
      ['2.a', ['Sở Giao thông vận tải']],
      ['2.b', ['UBND huyện Phù Cát']],
      ['2.c', ['Sở Tài chính']],
      ['2.d', ['Sở Tài nguyên và Môi trường']],
      ['2.đ', ['Công an tỉnh']],
      ['3', ['Văn phòng UBND tỉnh']],
    ]);
  });

  it('also skips an evaluation written on the item\'s own line after a colon', () => {
    const found = parseNotice(
      notice([
        '1. Kết quả đạt được: Sở Xây dựng đã hoàn thành thẩm định 12 dự án; UBND huyện Tuy Phước đã bàn giao mặt bằng.',
        '2. Sở Xây dựng hoàn thành thẩm định dự án còn lại trong tháng 5/2024.',
        '3. UBND huyện Tuy Phước bàn giao mặt bằng đoạn còn lại trước ngày 31/5/2024.',
      ]),
    ).directives;
    expect(found.map((d) => d.ordinal)).toEqual(['2', '3']);
  });

  it('keeps an item whose heading speaks of the situation only to ask for work', () => {
    const found = parseNotice(
      notice(['1. Tình hình mưa lũ còn phức tạp, yêu cầu UBND các huyện trực ban 24/24 giờ', '2. Sở Nông nghiệp và PTNT kiểm tra hồ đập.']),
    ).directives;
    expect(found.map((d) => d.ordinal)).toEqual(['1', '2']);
  });
});

describe('praise among the conclusions', () => {
  const party = (body: string[]) =>
    parseNotice(
      [
        'TỈNH ỦY QUẢNG NAM',
        'Số: 1520-TB/TU',
        'Tam Kỳ, ngày 20 tháng 5 năm 2024',
        'THÔNG BÁO',
        'Kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng chống thiên tai năm 2023',
        'Ban Thường vụ Tỉnh ủy kết luận như sau:',
        ...body,
        'Trên đây là kết luận của Ban Thường vụ Tỉnh ủy.',
      ].join('\n'),
    ).directives;

  it('takes a numbered item of praise for no directive, even when its praise says what was done well', () => {
    const found = party([
      '1. Ban Thường vụ Tỉnh ủy ghi nhận sự nỗ lực của các cấp ủy, chính quyền, lực lượng vũ trang trong công tác phòng chống thiên tai năm 2023, đã tập trung chỉ đạo, bảo đảm an toàn tính mạng người dân.',
      '2. Biểu dương các địa phương làm tốt công tác sơ tán dân, trong đó có huyện Đại Lộc, huyện Nông Sơn.',
      '3. Đề nghị Ban cán sự đảng UBND tỉnh chỉ đạo rà soát, sửa chữa các công trình đê kè bị hư hỏng trước ngày 30/8/2024.',
    ]);
    expect(found.map((d) => [d.ordinal, d.lead, d.due])).toEqual([['3', ['Ban cán sự đảng UBND tỉnh'], '2024-08-30']]);
  });

  it('takes a sub-item of praise for no directive, and keeps its sibling tasks', () => {
    const found = party([
      '1. Đối với Huyện ủy Đại Lộc:',
      'a) Thường trực Huyện ủy Đại Lộc đánh giá cao tinh thần của lực lượng xung kích.',
      'b) Xây dựng phương án sơ tán dân trước mùa mưa bão.',
      'c) Rà soát các điểm sạt lở.',
    ]);
    expect(found.map((d) => d.ordinal)).toEqual(['1.b', '1.c']);
  });

  it('keeps the task that follows the praise in the same item', () => {
    const found = party(['1. Ghi nhận kết quả công tác sơ tán dân của huyện Đại Lộc. Đề nghị Huyện ủy Đại Lộc tiếp tục rà soát các điểm sạt lở trong tháng 6/2024.']);
    expect(found.map((d) => [d.lead, d.due])).toEqual([[['Huyện ủy Đại Lộc'], '2024-06-30']]);
  });
});
