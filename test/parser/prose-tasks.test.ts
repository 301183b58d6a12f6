import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';

/** A commune notice whose conclusion is one paragraph of prose. */
function communeNotice(paragraph: string): string {
  return [
    'ỦY BAN NHÂN DÂN XÃ HÒA AN',
    'Số: 12/TB-UBND',
    'Hòa An, ngày 10 tháng 3 năm 2024',
    'THÔNG BÁO',
    'Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 3 năm 2024',
    paragraph,
    'Trên đây là kết luận của Chủ tịch UBND xã.',
  ].join('\n');
}

describe('a conclusion written as one paragraph of semicolon-separated tasks', () => {
  const parsed = parseNotice(
    communeNotice(
      'Chiều ngày 08/3/2024, UBND xã tổ chức họp giao ban. Sau khi nghe các bộ phận báo cáo, Chủ tịch UBND xã kết luận: yêu cầu các bộ phận chuyên môn nâng cao tinh thần trách nhiệm, thực hiện nghiêm kỷ luật hành chính; giao công chức Văn hóa - Xã hội phối hợp với Trạm Y tế xã tuyên truyền phòng chống sốt xuất huyết trong tháng 3/2024; giao công chức Địa chính - Xây dựng kiểm tra, xử lý các trường hợp xây dựng trái phép trước ngày 25/3/2024; Ban Chỉ huy quân sự xã phối hợp với Công an xã chuẩn bị lễ giao nhận quân; Công an xã tăng cường tuần tra ban đêm; các trường học trên địa bàn xã phối hợp với Đoàn Thanh niên xã tổ chức ngày hội đọc sách.',
    ),
  );

  it('makes each unit\'s clause a directive of its own, with its own lead and deadline', () => {
    expect(parsed.directives.map((d) => [d.ordinal, d.lead, d.due])).toEqual([
      ['1', ['công chức Văn hóa - Xã hội'], '2024-03-31'],
      ['2', ['công chức Địa chính - Xây dựng'], '2024-03-25'],
      ['3', ['Ban Chỉ huy quân sự xã Hòa An'], null],
      ['4', ['Công an xã Hòa An'], null],
      ['5', ['Các trường học trên địa bàn xã'], null],
    ]);
  });

  it('does not make the opening exhortation to every section a directive', () => {
    expect(parsed.directives.some((d) => d.text.includes('nâng cao tinh thần trách nhiệm'))).toBe(false);
  });

  it('gives the coordinating unit of each clause to that clause only', () => {
    expect(parsed.directives.map((d) => d.support)).toEqual([['Trạm Y tế xã Hòa An'], [], ['Công an xã Hòa An'], [], ['Đoàn Thanh niên xã Hòa An']]);
  });
});

describe('a press article about a working session', () => {
  const parsed = parseNotice(
    [
      'Phó Chủ tịch UBND tỉnh kiểm tra công tác phòng chống bệnh dịch tả lợn châu Phi',
      'Sáng 12/3/2024, đồng chí Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh dẫn đầu đoàn công tác kiểm tra công tác phòng chống dịch bệnh tại huyện Tây Sơn. Theo báo cáo, Sở Nông nghiệp và PTNT đã phối hợp với UBND các huyện tiêu hủy 1.200 con lợn bệnh. Sở Giao thông vận tải đã phối hợp kiểm soát phương tiện vận chuyển.',
      'Phát biểu kết luận, đồng chí Phó Chủ tịch UBND tỉnh giao Sở Tài chính bố trí kinh phí hỗ trợ người chăn nuôi trước ngày 30/3/2024. Sở Nông nghiệp và PTNT chỉ đạo Chi cục Chăn nuôi và Thú y cung ứng đủ hóa chất khử trùng cho các địa phương. Chi cục Thú y cho biết lượng hóa chất còn đủ dùng một tháng.',
      'Đối với huyện Tây Sơn, đồng chí yêu cầu UBND huyện chỉ đạo các xã lập chốt kiểm dịch. Phòng Tài nguyên và Môi trường huyện phối hợp với xã Bình Thành lựa chọn vị trí chôn lấp trong tháng 3/2024.',
    ].join('\n'),
    { referenceDate: '2024-03-12' },
  );

  it('makes every task sentence after the conclusion starts a directive, not only the first of its paragraph', () => {
    expect(parsed.directives.map((d) => [d.lead, d.due])).toEqual([
      [['Sở Tài chính'], '2024-03-30'],
      [['Sở Nông nghiệp và PTNT'], null],
      [expect.arrayContaining(['UBND huyện']), null],
      [['Phòng Tài nguyên và Môi trường huyện'], '2024-03-31'],
    ]);
  });

  it('takes neither the results reported before the conclusion nor what a unit said for tasks', () => {
    const texts = parsed.directives.map((d) => d.text).join('\n');
    expect(texts).not.toContain('tiêu hủy');
    expect(texts).not.toContain('cho biết');
  });
});
