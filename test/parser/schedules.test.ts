import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';
import { findRepeat } from '../../src/parser/repeats.js';

const notice = (body: string) => `UBND HUYỆN AN LẠC\nSố: 15/TB-UBND\nAn Lạc, ngày 03 tháng 3 năm 2025\nTHÔNG BÁO\nKết luận của Chủ tịch UBND huyện\n${body}\nNơi nhận:\n- Lưu: VT.`;

describe('reporting rules as notices write them', () => {
  it.each([
    ['báo cáo UBND tỉnh vào thứ Sáu hằng tuần', 'weekly:fri', []],
    ['trước 16 giờ thứ Sáu hằng tuần', 'weekly:fri', []],
    ['báo cáo Phó Chủ tịch vào thứ Hai hàng tuần', 'weekly:mon', []],
    ['trước ngày 10 của tháng cuối quý', 'quarterly:last-month:10', [10]],
    ['vào ngày 28 hằng tháng', 'monthly:28', [28]],
    ['định kỳ ngày 20 hằng tháng', 'monthly:20', [20]],
    ['2 lần/tháng vào các ngày 14, 28', 'monthly:14,28', [14, 28]],
    ['vào các ngày 15 và 30 hàng tháng', 'monthly:15,30', [15, 30]],
    ['Ngày 05 và 20 hằng tháng', 'monthly:5,20', [5, 20]],
  ])('%s → %s', (text, rule, days) => {
    expect(findRepeat(text)).toMatchObject({ rule, daysOfMonth: days });
  });
});

describe('the schedules of a notice', () => {
  it('finds several schedules, in items and in the paragraph after them, once each', () => {
    const parsed = parseNotice(notice([
      'Ngày 01/3/2025, Chủ tịch UBND huyện chủ trì họp về cải cách hành chính. Chủ tịch UBND huyện kết luận:',
      '1. Phòng Nội vụ rà soát thủ tục hành chính, hoàn thành trước ngày 30/4/2025; báo cáo UBND huyện vào thứ Sáu hằng tuần.',
      '2. UBND các xã, thị trấn niêm yết công khai thủ tục hành chính trong tháng 3/2025.',
      'Chế độ báo cáo: UBND các xã, thị trấn báo cáo kết quả về Phòng Nội vụ trước ngày 10 của tháng cuối quý; Phòng Nội vụ tổng hợp, báo cáo UBND huyện vào ngày 28 hằng tháng.',
    ].join('\n')));
    expect(parsed.schedules.map((s) => [s.rule, s.reporters, s.kind])).toEqual([
      ['weekly:fri', ['Phòng Nội vụ'], 'report'],
      ['quarterly:last-month:10', ['UBND các xã, thị trấn'], 'report'],
      ['monthly:28', ['Phòng Nội vụ'], 'consolidate'],
    ]);
    expect(parsed.schedules[1]!.recipient).toBe('Phòng Nội vụ');
  });

  it('reads a weekly duty as the directive’s recurrence', () => {
    const parsed = parseNotice(notice('Chủ tịch UBND huyện kết luận:\n1. Văn phòng HĐND và UBND huyện tổng hợp tình hình, báo cáo Chủ tịch UBND huyện vào thứ Năm hằng tuần.'));
    expect(parsed.directives[0]).toMatchObject({ dueKind: 'recurring', recurrence: { kind: 'weekly' } });
  });
});
