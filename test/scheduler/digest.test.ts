import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n.js';
import { renderDigest, type DigestRow } from '../../src/scheduler/digest.js';

const t = translator('vi');
const context = { missed: false, office: 'Văn phòng NTM' };
const line = { ordinal: '2', notice: '55/TB-BCĐ', due: '31/03/2025' };

describe('the reminder digest', () => {
  it('names the unit a payload names once, with the working days of deadlines and escalations', () => {
    const html = renderDigest(
      [
        { kind: 'report', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [line] } },
        { kind: 'deadline-before', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [{ ...line, days: 3 }] } },
        { kind: 'escalate-office', payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [{ ...line, days: 5 }] } },
      ],
      t,
      context,
    );
    expect(html).toContain('<b>UBND xã Tân Phú</b> chưa báo cáo');
    expect(html).toContain('còn 3 ngày làm việc');
    expect(html).toContain('• UBND xã Tân Phú: nhiệm vụ <b>2</b> (TB 55/TB-BCĐ), hạn 31/03/2025, quá hạn 5 ngày làm việc');
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
});
