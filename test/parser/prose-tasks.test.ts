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
      ['5', ['các trường học trên địa bàn xã'], null],
    ]);
  });

  it('does not make the opening exhortation to every section a directive', () => {
    expect(parsed.directives.some((d) => d.text.includes('nâng cao tinh thần trách nhiệm'))).toBe(false);
  });

  it('gives the coordinating unit of each clause to that clause only', () => {
    expect(parsed.directives.map((d) => d.support)).toEqual([['Trạm Y tế xã Hòa An'], [], ['Công an xã Hòa An'], [], ['Đoàn Thanh niên xã Hòa An']]);
  });
});
