import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';

const notice = (header: string, body: string) => `${header}\nTHÔNG BÁO\n${body}\nNơi nhận:\n- Lưu: VT.`;
const district = 'UBND HUYỆN AN LẠC\nSố: 21/TB-UBND\nAn Lạc, ngày 10 tháng 6 năm 2024';

describe('the locality a notice is about', () => {
  it('is the commune of the working session, and a bare "Địa phương" or "của xã" is that commune', () => {
    const parsed = parseNotice(notice(district, [
      'Kết luận của Chủ tịch UBND huyện tại buổi làm việc với xã Tân Hòa',
      'Ngày 07/6/2024, Chủ tịch UBND huyện làm việc với xã Tân Hòa. Chủ tịch UBND huyện kết luận như sau:',
      '1. Địa phương chủ động rà soát các hộ nghèo, hoàn thành trong tháng 7/2024.',
      '2. Ban chỉ đạo xây dựng nông thôn mới của xã kiện toàn bộ máy.',
      '3. Phòng Nội vụ nâng tỷ lệ cán bộ đạt chuẩn.',
    ].join('\n')));
    expect(parsed.notice.locality).toBe('xã Tân Hòa');
    expect(parsed.directives.map((d) => d.lead)).toEqual([['xã Tân Hòa'], ['Ban chỉ đạo xây dựng nông thôn mới xã Tân Hòa'], ['Phòng Nội vụ']]);
  });

  it('is none for a district notice that only names communes here and there', () => {
    const parsed = parseNotice(notice(district, [
      'Kết luận của Chủ tịch UBND huyện tại cuộc họp về giải phóng mặt bằng',
      'Ngày 07/6/2024, Chủ tịch UBND huyện chủ trì họp. Chủ tịch UBND huyện kết luận:',
      '1. UBND xã Kim Sơn bàn giao mặt bằng trước ngày 30/6/2024.',
      '2. UBND xã Kim Sơn phối hợp với UBND thị trấn Kim Phụng vận động các hộ dân.',
      '3. Phòng Tài nguyên và Môi trường hướng dẫn UBND xã Kim Sơn lập hồ sơ.',
    ].join('\n')));
    expect(parsed.notice.locality).toBeNull();
  });

  it('gives unnamed tasks of a session to the commune body it was held with', () => {
    const parsed = parseNotice(notice('HUYỆN ỦY AN LẠC\nSố: 55-TB/HU\nAn Lạc, ngày 10 tháng 6 năm 2024', [
      'Thường trực Huyện ủy làm việc với Đảng ủy xã An Phú',
      'Ngày 07/6/2024, Thường trực Huyện ủy làm việc với Đảng ủy xã An Phú. Đồng chí Bí thư Huyện ủy kết luận:',
      '1. Tập trung hoàn thành các chỉ tiêu thu ngân sách trong quý III/2024.',
      '2. Giao đồng chí Đinh Thị Hoa - Trưởng Ban Dân vận Huyện ủy theo dõi, giúp đỡ xã.',
    ].join('\n')));
    expect(parsed.directives[0]).toMatchObject({ lead: ['Đảng ủy xã An Phú'], leadSource: 'addressee' });
    expect(parsed.directives[1]).toMatchObject({ lead: [], persons: ['Đinh Thị Hoa'] });
  });
});

describe('the addressee at the top level', () => {
  it('is who the lead-in asks to act, and never the closing formula’s "cơ quan, đơn vị, địa phương"', () => {
    const asked = parseNotice(notice(district, 'Kết luận của Chủ tịch UBND huyện\nNgày 07/6/2024, Chủ tịch UBND huyện chủ trì họp. Chủ tịch UBND huyện yêu cầu Phòng Nội vụ, UBND các xã, thị trấn thực hiện các nội dung sau:\n1. Rà soát biên chế.'));
    expect(asked.addressee).toEqual(['Phòng Nội vụ', 'UBND các xã, thị trấn']);
    const closing = parseNotice(notice(district, 'Kết luận của Chủ tịch UBND huyện\nChủ tịch UBND huyện kết luận:\n1. Rà soát biên chế.\nVăn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.'));
    expect(closing.addressee).toEqual([]);
  });
});
