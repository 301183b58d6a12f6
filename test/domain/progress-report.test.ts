import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../../src/domain/local-date.js';
import { buildProgressReport, openBlocker, silentUnits, type ProgressRow } from '../../src/domain/progress-report.js';
import { previousReportingDay } from '../../src/domain/reporting-days.js';
import { createWorkingCalendar, moveToWorkingDay } from '../../src/domain/calendar.js';
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
        row({ ordinal: '2', unitId: 'u2', unitName: 'UBND xã Thuận', state: 'DONE', completed: d('2020-12-02'), lastReport: d('2020-12-02') }),
        row({ ordinal: '3', due: d('2020-12-31'), state: 'IN_PROGRESS', lastReport: d('2020-11-27') }),
        row({ ordinal: '4', unitId: 'u2', unitName: 'UBND xã Thuận', due: d('2020-11-25') }),
        row({ ordinal: '5', unitId: 'u2', unitName: 'UBND xã Thuận', due: d('2020-12-05'), lastReport: d('2020-11-29') }),
      ],
      { today: d('2020-12-10'), reportedSince: d('2020-11-28') },
    );
    expect(report?.counts).toEqual({ ON_TIME: 1, LATE: 1, IN_TIME: 1, OVERDUE: 2 });
    expect(report?.overdue).toEqual([{ unitName: 'UBND xã Thuận', items: [{ ordinal: '4', due: d('2020-11-25'), daysLate: 15 }, { ordinal: '5', due: d('2020-12-05'), daysLate: 5 }] }]);
    // xã Thuận has reported since 28/11 (on 29/11 and 02/12), even if not on item 4; Nội vụ last
    // reported on 27/11, the day before the reporting day, and its item 3 is still open.
    expect(report?.notReported).toEqual(['Phòng Nội vụ']);
  });

  it('counts a blocked directive where its deadline puts it, and lists it apart with its reason and age', () => {
    const [report] = buildProgressReport(
      [
        row({ ordinal: '1', due: d('2020-12-31'), state: 'BLOCKED', lastReport: d('2020-12-05'), lastNote: 'Thiếu kinh phí đối ứng' }),
        row({ ordinal: '2', unitId: 'u2', unitName: 'UBND xã Thuận', due: d('2020-11-30'), state: 'BLOCKED', lastReport: d('2020-12-09'), lastNote: 'Chờ hướng dẫn của Sở' }),
        row({ ordinal: '3', unitId: 'u3', unitName: 'Phòng Tài chính', due: d('2020-12-31'), state: 'IN_PROGRESS', lastReport: d('2020-12-09') }),
      ],
      { today: d('2020-12-10'), reportedSince: d('2020-11-28') },
    );
    expect(report?.counts).toEqual({ ON_TIME: 0, LATE: 0, IN_TIME: 2, OVERDUE: 1 });
    expect(report?.blockedCounts).toEqual({ ON_TIME: 0, LATE: 0, IN_TIME: 1, OVERDUE: 1 });
    expect(report?.blocked).toEqual([
      { unitName: 'Phòng Nội vụ', ordinal: '1', reason: 'Thiếu kinh phí đối ứng', since: d('2020-12-05'), days: 5, category: 'IN_TIME' },
      { unitName: 'UBND xã Thuận', ordinal: '2', reason: 'Chờ hướng dẫn của Sở', since: d('2020-12-09'), days: 1, category: 'OVERDUE' },
    ]);
  });

  it('closes a blocker as soon as the unit reports any other state', () => {
    expect(openBlocker(row({ state: 'IN_PROGRESS', lastReport: d('2020-12-09'), lastNote: 'Đã có kinh phí' }), d('2020-12-10'))).toBeNull();
    expect(openBlocker(row({ state: 'BLOCKED', lastReport: d('2020-12-10'), lastNote: '  ' }), d('2020-12-10'))).toMatchObject({ reason: null, days: 0 });
  });
});

describe('silent units on a timeline of reporting days (the 14th and 28th)', () => {
  const unit = (unitId: string, state: ProgressRow['state'], lastReport: string | null) => ({ unitId, unitName: unitId, state, lastReport: lastReport ? d(lastReport) : null });
  // A: reported on the 14th itself; B: the day before; C: never; D: done, nothing open; E: reported on the 15th.
  const rows = [
    unit('A', 'IN_PROGRESS', '2020-12-14'),
    unit('B', 'IN_PROGRESS', '2020-12-13'),
    unit('C', 'NOT_STARTED', null),
    unit('D', 'DONE', '2020-11-20'),
    unit('E', 'BLOCKED', '2020-12-15'),
  ];

  it('takes the previous reporting day before today, across months, and none without a schedule', () => {
    expect(previousReportingDay([14, 28], d('2020-12-14'))).toBe('2020-11-28');
    expect(previousReportingDay([14, 28], d('2020-12-15'))).toBe('2020-12-14');
    expect(previousReportingDay([14, 30], d('2021-03-01'))).toBe('2021-02-28');
    expect(previousReportingDay([], d('2020-12-15'))).toBeNull();
  });

  it('holds a reporting day that falls on a weekend where the office holds it', () => {
    const calendar = createWorkingCalendar();
    // 28/11/2020 is a Saturday: held on Friday 27/11, or on Monday 30/11.
    expect(previousReportingDay([14, 28], d('2020-11-29'), (date) => moveToWorkingDay(date, 'previous', calendar))).toBe('2020-11-27');
    // 14/11/2020 was a Saturday too, held on Monday 16/11.
    expect(previousReportingDay([14, 28], d('2020-11-29'), (date) => moveToWorkingDay(date, 'next', calendar))).toBe('2020-11-16');
    expect(previousReportingDay([14, 28], d('2020-12-01'), (date) => moveToWorkingDay(date, 'next', calendar))).toBe('2020-11-30');
  });

  it('on the reporting day, a unit that reported since the one before is not silent', () => {
    const since = previousReportingDay([14, 28], d('2020-12-14'));
    expect(silentUnits(rows.filter((r) => r.unitId !== 'E'), since)).toEqual(['C']);
  });

  it('the day after, only the reports from the reporting day on count', () => {
    expect(silentUnits(rows, previousReportingDay([14, 28], d('2020-12-15')))).toEqual(['B', 'C']);
  });

  it('without a schedule, a unit with open work is silent until it first reports', () => {
    expect(silentUnits(rows, null)).toEqual(['C']);
  });
});
