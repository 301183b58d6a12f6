import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';

/** A district notice around the given body, dated so that deadlines resolve. */
function notice(body: string[]): string {
  return [
    'UỶ BAN NHÂN DÂN HUYỆN TÂN PHƯỚC',
    'Số: 41/TB-UBND',
    'Tân Phước, ngày 08 tháng 01 năm 2024',
    'THÔNG BÁO',
    'Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tháng 01/2024',
    ...body,
    'Trên đây là kết luận của Chủ tịch UBND huyện.',
  ].join('\n');
}

const rows = (text: string) => parseNotice(text).directives.map((d) => ({ ordinal: d.ordinal, lead: d.lead, support: d.support, due: d.due }));

describe('an item holding several units\' tasks', () => {
  it('gives each unit its own directive, numbered under the item, with its own deadline', () => {
    const found = rows(
      notice([
        'Sau khi nghe báo cáo, Chủ tịch UBND huyện kết luận như sau:',
        '1. Về lĩnh vực kinh tế: Phòng Nông nghiệp và PTNT chỉ đạo các xã hoàn thành gieo cấy vụ đông xuân trong quý I/2024; Phòng Tài chính - Kế hoạch phối hợp với Chi cục Thuế đôn đốc thu ngân sách trong tháng 02/2024; Phòng Kinh tế và Hạ tầng hoàn thành thẩm định thiết kế cầu Bến Đá trong tháng 5/2024.',
        '2. Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp rà soát thủ tục hành chính, hoàn thành trước ngày 30/3/2024.',
      ]),
    );
    expect(found).toEqual([
      { ordinal: '1.1', lead: ['Phòng Nông nghiệp và PTNT'], support: [], due: '2024-03-31' },
      { ordinal: '1.2', lead: ['Phòng Tài chính - Kế hoạch'], support: ['Chi cục Thuế'], due: '2024-02-29' },
      { ordinal: '1.3', lead: ['Phòng Kinh tế và Hạ tầng'], support: [], due: '2024-05-31' },
      { ordinal: '2', lead: ['Phòng Nội vụ'], support: ['Phòng Tư pháp'], due: '2024-03-30' },
    ]);
  });

  it('keeps the topic label as the tasks\' parent text and leaves it out of their own', () => {
    const directives = parseNotice(
      notice(['Chủ tịch UBND huyện kết luận:', '1. Về y tế: Trung tâm Y tế huyện tăng cường phòng dịch; Phòng Y tế kiểm tra an toàn thực phẩm.', '2. Phòng Nội vụ rà soát biên chế.']),
    ).directives;
    expect(directives.map((d) => d.text)).toEqual(['Trung tâm Y tế huyện tăng cường phòng dịch', 'Phòng Y tế kiểm tra an toàn thực phẩm.', 'Phòng Nội vụ rà soát biên chế.']);
  });

  it('splits sentences that each open with a different unit, and keeps a continuation with the sentence before', () => {
    const found = parseNotice(
      notice([
        'Chủ tịch UBND huyện yêu cầu:',
        '1. Phòng Văn hóa và Thông tin tổ chức tốt các hoạt động mừng Đảng, mừng Xuân. Trung tâm Y tế huyện tăng cường phòng chống dịch bệnh, đồng thời kiểm tra an toàn thực phẩm; tăng cường truyền thông tiêm chủng trong tháng 3/2024.',
        '2. Công an huyện bảo đảm an ninh trật tự dịp Tết.',
      ]),
    ).directives;
    expect(found.map((d) => [d.ordinal, d.lead, d.due])).toEqual([
      ['1.1', ['Phòng Văn hóa và Thông tin'], null],
      ['1.2', ['Trung tâm Y tế huyện'], '2024-03-31'],
      ['2', ['Công an huyện'], null],
    ]);
    expect(found[1]!.text).toContain('tăng cường truyền thông tiêm chủng');
  });

  it('does not split a lead that coordinates with others, nor units that share one verb', () => {
    const found = rows(
      notice([
        'Chủ tịch UBND huyện yêu cầu:',
        '1. Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp rà soát thủ tục hành chính; Phòng Tư pháp phối hợp.',
        '2. Phòng Giáo dục và Đào tạo, Phòng Lao động - Thương binh và Xã hội rà soát học sinh khó khăn; báo cáo trong tháng 02/2024.',
        '3. UBND các xã báo cáo tiến độ về Văn phòng HĐND và UBND huyện; Văn phòng HĐND và UBND huyện tổng hợp, báo cáo Chủ tịch UBND huyện.',
      ]),
    );
    expect(found.map((d) => d.ordinal)).toEqual(['1', '2', '3']);
    expect(found[1]!.lead).toEqual(['Phòng Giáo dục và Đào tạo', 'Phòng Lao động - Thương binh và Xã hội']);
  });

  it('gives each assignment a speaker makes in one item to the unit addressed, not to the speaker', () => {
    const found = parseNotice(
      notice([
        'Chủ tịch UBND huyện kết luận như sau:',
        '1. Đồng chí Chủ tịch UBND huyện giao Phòng Tài chính - Kế hoạch phối hợp với Kho bạc Nhà nước huyện rà soát toàn bộ các khoản chi thường xuyên, chi đầu tư phát triển của các đơn vị dự toán cấp huyện và cấp xã, bảo đảm đúng định mức, đúng chế độ, hoàn thành trước ngày 30/6/2024. Đồng chí Chủ tịch UBND huyện giao Phòng Nội vụ rà soát biên chế trong tháng 7/2024.',
      ]),
    ).directives;
    expect(found.map((d) => [d.ordinal, d.lead, d.support, d.due])).toEqual([
      ['1.1', ['Phòng Tài chính - Kế hoạch'], ['Kho bạc Nhà nước huyện'], '2024-06-30'],
      ['1.2', ['Phòng Nội vụ'], [], '2024-07-31'],
    ]);
  });

  it('splits clauses that open with "Giao X", "đề nghị X" or "đối với X," as well', () => {
    const found = rows(
      notice([
        'Chủ tịch UBND huyện kết luận như sau:',
        '1. Về xây dựng nông thôn mới: Giao Phòng Nông nghiệp và PTNT hướng dẫn các xã hoàn thiện hồ sơ trong quý II/2024; đề nghị Ủy ban MTTQ huyện vận động nhân dân hiến đất làm đường; đối với UBND các xã, rà soát các tiêu chí chưa đạt, báo cáo trước ngày 15/5/2024.',
      ]),
    );
    expect(found).toEqual([
      { ordinal: '1.1', lead: ['Phòng Nông nghiệp và PTNT'], support: [], due: '2024-06-30' },
      { ordinal: '1.2', lead: ['Ủy ban MTTQ huyện'], support: [], due: null },
      { ordinal: '1.3', lead: ['UBND các xã'], support: [], due: '2024-05-15' },
    ]);
  });
});
