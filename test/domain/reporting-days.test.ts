import { describe, expect, it } from 'vitest';
import { moveToWorkingDay, createWorkingCalendar } from '../../src/domain/calendar.js';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { occurrencesBetween, reportingDatesInMonth } from '../../src/domain/reporting-days.js';

const d = parseIsoDate;

describe('reporting days', () => {
  it('reads day 30 as the last day of February: the 29th in 2024, the 28th in 2025', () => {
    expect(reportingDatesInMonth([15, 30], 2024, 2)).toEqual(['2024-02-15', '2024-02-29']);
    expect(reportingDatesInMonth([15, 30], 2025, 2)).toEqual(['2025-02-15', '2025-02-28']);
  });

  it('reads day 31 as the 30th in April and merges days that land on the same date', () => {
    expect(reportingDatesInMonth([31], 2025, 4)).toEqual(['2025-04-30']);
    expect(reportingDatesInMonth([31, 30, 29], 2025, 2)).toEqual(['2025-02-28']);
    expect(reportingDatesInMonth([28, 14], 2025, 3)).toEqual(['2025-03-14', '2025-03-28']);
  });

  it('refuses a day that no month has', () => {
    expect(() => reportingDatesInMonth([0], 2025, 1)).toThrow(RangeError);
    expect(() => reportingDatesInMonth([32], 2025, 1)).toThrow(RangeError);
  });

  it('lists the 14th and 28th of every month over two years, February included', () => {
    const dates = occurrencesBetween([14, 28], d('2024-01-01'), d('2025-12-31'));
    expect(dates).toHaveLength(48);
    expect(dates.slice(0, 4)).toEqual(['2024-01-14', '2024-01-28', '2024-02-14', '2024-02-28']);
    expect(dates.filter((date) => date.startsWith('2025-02'))).toEqual(['2025-02-14', '2025-02-28']);
    expect(dates.at(-1)).toBe('2025-12-28');
    expect([...dates].sort()).toEqual(dates);
  });

  it('keeps only the occurrences within the bounds, both included', () => {
    expect(occurrencesBetween([14, 28], d('2024-01-14'), d('2024-02-27'))).toEqual(['2024-01-14', '2024-01-28', '2024-02-14']);
    expect(occurrencesBetween([30], d('2024-02-01'), d('2024-03-30'))).toEqual(['2024-02-29', '2024-03-30']);
    expect(occurrencesBetween([14], d('2024-03-15'), d('2024-03-31'))).toEqual([]);
    expect(occurrencesBetween([14], d('2024-12-01'), d('2025-01-31'))).toEqual(['2024-12-14', '2025-01-14']);
  });

  it('leaves moving a reporting day off a weekend to the office', () => {
    // 14/09/2024 is a Saturday.
    const calendar = createWorkingCalendar();
    const [saturday] = reportingDatesInMonth([14], 2024, 9);
    expect(saturday).toBe('2024-09-14');
    expect(moveToWorkingDay(saturday!, 'previous', calendar)).toBe('2024-09-13');
    expect(moveToWorkingDay(saturday!, 'next', calendar)).toBe('2024-09-16');
  });
});
