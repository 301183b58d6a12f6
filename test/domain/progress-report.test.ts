import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../../src/domain/local-date.js';
import { buildProgressReport, type ProgressRow } from '../../src/domain/progress-report.js';
import { categorise } from '../../src/domain/result-category.js';

describe('result categories', () => {
  const today = d('2020-12-10');
  it('done on or before the due day is on time, after it is late with the days', () => {
    expect(categorise({ state: 'DONE', due: d('2020-11-30'), completed: d('2020-11-30') }, today)).toEqual({ category: 'ON_TIME', daysLate: 0 });
    expect(categorise({ state: 'DONE', due: d('2020-11-30'), completed: d('2020-12-03') }, today)).toEqual({ category: 'LATE', daysLate: 3 });
  });
  it('open work is in time until the due day has passed, then overdue by calendar days', () => {
    expect(categorise({ state: 'IN_PROGRESS', due: d('2020-12-10'), completed: null }, today)).toEqual({ category: 'IN_TIME', daysLate: 0 });
    expect(categorise({ state: 'BLOCKED', due: d('2020-11-30'), completed: null }, today)).toEqual({ category: 'OVERDUE', daysLate: 10 });
  });
  it('work without a deadline ("thường xuyên") is never overdue', () => {
    expect(categorise({ state: 'NOT_STARTED', due: null, completed: null }, today).category).toBe('IN_TIME');
  });
});

describe('the progress report', () => {
  const row = (overrides: Partial<ProgressRow>): ProgressRow => ({
    noticeId: 'n1',
    noticeLabel: '87-TB/HU',
    ordinal: '1',
    unitId: 'u1',
    unitName: 'Phòng Nội vụ',
    state: 'NOT_STARTED',
    due: d('2020-11-30'),
    completed: null,
    lastReport: null,
    ...overrides,
  });

  it('counts the four categories, lists overdue items by unit, and names the silent units', () => {
    const [report] = buildProgressReport(
      [
        row({ ordinal: '1', state: 'DONE', completed: d('2020-11-20'), lastReport: d('2020-11-20') }),
        row({ ordinal: '2', unitName: 'UBND xã Thuận', state: 'DONE', completed: d('2020-12-02'), lastReport: d('2020-12-02') }),
        row({ ordinal: '3', due: d('2020-12-31'), state: 'IN_PROGRESS', lastReport: d('2020-11-29') }),
        row({ ordinal: '4', unitName: 'UBND xã Thuận', due: d('2020-11-25') }),
        row({ ordinal: '5', unitName: 'UBND xã Thuận', due: d('2020-12-05'), lastReport: d('2020-11-29') }),
      ],
      { today: d('2020-12-10'), lastReportingDay: d('2020-11-28') },
    );
    expect(report?.counts).toEqual({ ON_TIME: 1, LATE: 1, IN_TIME: 1, OVERDUE: 2 });
    expect(report?.overdue).toEqual([{ unitName: 'UBND xã Thuận', items: [{ ordinal: '4', daysLate: 15 }, { ordinal: '5', daysLate: 5 }] }]);
    // xã Thuận reported on 29/11 for item 5 but never for item 4, which is still open.
    expect(report?.notReported).toEqual(['UBND xã Thuận']);
  });
});
