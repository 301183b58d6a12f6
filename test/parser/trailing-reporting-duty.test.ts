import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';

const notice = `THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại phiên họp thường kỳ tháng 3

Chủ tịch UBND huyện kết luận như sau:
1. Phòng Giáo dục và Đào tạo xây dựng kế hoạch ôn tập cho học sinh lớp 9, xong trước ngày 15/4/2024.
2. Ban Chỉ huy Quân sự huyện tổ chức huấn luyện lực lượng dân quân năm 2024.
Các phòng, ban, ngành và UBND các xã, thị trấn báo cáo tình hình thực hiện về Văn phòng HĐND và UBND huyện vào thứ Sáu hằng tuần.
`;

describe('a reporting duty written after the last item', () => {
  it('does not make its reporters leads of the item it follows, and is still read as a schedule', () => {
    const parsed = parseNotice(notice, { referenceDate: '2024-03-20' });
    const last = parsed.directives.at(-1)!;
    expect(last.ordinal).toBe('2');
    expect(last.lead).toEqual(['Ban Chỉ huy Quân sự huyện']);
    expect(parsed.schedules.map((schedule) => schedule.rule)).toContain('weekly:fri');
  });

  it('stays the lead of an item that is nothing but that duty', () => {
    const parsed = parseNotice(notice.replace('2. Ban Chỉ huy', 'Ban Chỉ huy').replace('\nCác phòng, ban', '\n2. Các phòng, ban'), { referenceDate: '2024-03-20' });
    const reporting = parsed.directives.find((d) => d.text.startsWith('Các phòng, ban, ngành'))!;
    expect(reporting.lead.length).toBeGreaterThan(0);
  });
});
