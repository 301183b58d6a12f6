import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n.js';
import { digestMessages, renderDigest, type DigestRow } from '../../src/scheduler/digest.js';

const t = translator('vi');
const context = { missed: false, office: 'Văn phòng NTM' };
const line = { ordinal: '2', notice: 'TB số 55/TB-BCĐ', due: '31/03/2025' };

describe('the reminder digest', () => {
  it('names the unit a payload names once, with the working days left before a deadline and the calendar days of escalations', () => {
    const html = renderDigest(
      [
        { kind: 'report', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [line] } },
        { kind: 'deadline-before', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [{ ...line, days: 3 }] } },
        { kind: 'escalate-office', payload: { date: '07/04/2025', unit: 'UBND xã Tân Phú', items: [{ ...line, days: 5, overdueDays: 7 }] } },
      ],
      t,
      context,
    );
    expect(html).toContain('<b>UBND xã Tân Phú</b> chưa báo cáo');
    expect(html).toContain('còn 3 ngày làm việc');
    expect(html).toContain('• UBND xã Tân Phú: nhiệm vụ <b>2</b>, hạn 31/03/2025, <b>quá hạn 7 ngày</b>');
  });

  it('names each notice once above its items, not on every line, and flags what is overdue with its deadline', () => {
    const title = 'TB kết luận ngày 17/11/2020 (xã Bình Sơn)';
    const html = renderDigest(
      [
        {
          kind: 'report',
          payload: {
            date: '14/12/2020',
            unit: 'UBND xã Bình Sơn',
            items: [
              { ordinal: '2', notice: title, due: '30/11/2020', overdueDays: 14 },
              { ordinal: '4', notice: title, due: '31/12/2020' },
              { ordinal: '5', notice: title, due: null },
              { ordinal: '1', notice: 'TB số 87/TB-BCĐ', due: '31/01/2021' },
            ],
          },
        },
      ],
      t,
      context,
    );
    expect(html.split(title)).toHaveLength(2);
    expect(html).toContain(`📄 <b>${title}</b>\n• Nhiệm vụ <b>2</b> — hạn 30/11/2020, <b>quá hạn 14 ngày</b>\n• Nhiệm vụ <b>4</b> — hạn 31/12/2020\n• Nhiệm vụ <b>5</b> — không nêu thời hạn`);
    expect(html).toContain('📄 <b>TB số 87/TB-BCĐ</b>\n• Nhiệm vụ <b>1</b> — hạn 31/01/2021');
  });

  it('groups deadline reminders and escalations of several rows by notice', () => {
    const other = { ordinal: '7', notice: 'TB số 12/TB-UBND', due: '10/03/2025' };
    const html = renderDigest(
      [
        { kind: 'deadline-overdue', payload: { date: '14/03/2025', unit: 'Phòng KT-HT', items: [{ ...other, days: 4, overdueDays: 4 }] } },
        { kind: 'deadline-due', payload: { date: '14/03/2025', unit: 'Phòng KT-HT', items: [{ ...line, ordinal: '3', due: '14/03/2025', days: 0 }] } },
        { kind: 'deadline-before', payload: { date: '14/03/2025', unit: 'Phòng KT-HT', items: [{ ...other, ordinal: '8', due: '19/03/2025', days: 3 }] } },
      ],
      t,
      context,
    );
    expect(html).toContain('📄 <b>TB số 12/TB-UBND</b>\n❗ Nhiệm vụ <b>7</b> đã <b>quá hạn 4 ngày</b> (hạn 10/03/2025).\n⏳ Nhiệm vụ <b>8</b> đến hạn ngày <b>19/03/2025</b>, còn 3 ngày làm việc.');
    expect(html).toContain('📄 <b>TB số 55/TB-BCĐ</b>\n⏰ Nhiệm vụ <b>3</b> đến hạn ngày <b>14/03/2025</b>.');
  });

  it('renders rows planned when every item named its unit and days as it renders them now', () => {
    const now: DigestRow[] = [
      { kind: 'report', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [line, { ...line, ordinal: '3' }] } },
      { kind: 'deadline-due', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [{ ...line, days: 0 }] } },
      { kind: 'escalate-leader', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [{ ...line, days: 7 }] } },
    ];
    const before: DigestRow[] = [
      { kind: 'report', payload: { date: '14/03/2025', items: [{ ...line, unit: 'UBND xã Tân Phú', days: 0 }, { ...line, ordinal: '3', unit: 'UBND xã Tân Phú', days: 0 }] } },
      { kind: 'deadline-due', payload: { date: '14/03/2025', items: [{ ...line, unit: 'UBND xã Tân Phú', days: 0 }] } },
      { kind: 'escalate-leader', payload: { date: '14/03/2025', items: [{ ...line, unit: 'UBND xã Tân Phú', days: 7 }] } },
    ];
    expect(renderDigest(before, t, context)).toBe(renderDigest(now, t, context));
  });

  it('cuts a long digest between notices, each message within the limit, the section header with the first notice and the how-to with the last', () => {
    const items = Array.from({ length: 6 }, (_, n) => Array.from({ length: 12 }, (_, k) => ({ ordinal: `${k + 1}`, notice: `TB số ${n + 1}/TB-BCĐ`, due: '31/03/2025' }))).flat();
    const rows: DigestRow[] = [{ kind: 'report', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items } }];
    const limit = 700;
    const messages = digestMessages(rows, t, context, limit);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.replace(/<[^>]*>/g, '').length).toBeLessThanOrEqual(limit);
      // Every message starts a notice's group (the first after the section's header) and holds whole groups.
      const groups = message.split('📄').slice(1);
      for (const group of groups) expect(group.match(/• Nhiệm vụ/g)).toHaveLength(12);
    }
    expect(messages[0]).toMatch(/^📅 Ngày 14\/03\/2025 là ngày báo cáo định kỳ/);
    expect(messages.at(-1)).toMatch(/<code>\/status SỐ xong\|đang\|vướng ghi chú<\/code>\.$/);
    expect(messages.join('\n')).toBe(renderDigest(rows, t, context));
  });
});
