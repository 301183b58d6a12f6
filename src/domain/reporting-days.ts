import { addDays, dateParts, daysInMonth, localDate, type LocalDate } from './local-date.js';

/**
 * The dates of a month on which a reporting schedule falls, in order. `daysOfMonth` are the days
 * the notice names ("ngày 14 và 28 hằng tháng"); a day the month does not have means its last
 * day, because "ngày 30" in a notice means the end of the month: 30 → 29/02/2024 or 28/02/2025,
 * 31 → 30/04. Days that collapse onto the same date give one occurrence.
 *
 * These are calendar dates; moving one off a weekend or holiday is the office's choice, made with
 * `moveToWorkingDay`.
 */
export function reportingDatesInMonth(daysOfMonth: readonly number[], year: number, month: number): LocalDate[] {
  const length = daysInMonth(year, month);
  const days = new Set(
    daysOfMonth.map((day) => {
      if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`not a day of the month: ${day}`);
      return Math.min(day, length);
    }),
  );
  return [...days].sort((a, b) => a - b).map((day) => localDate(year, month, day));
}

/** Every date of the schedule from `from` to `to`, both included, in order. */
export function occurrencesBetween(daysOfMonth: readonly number[], from: LocalDate, to: LocalDate): LocalDate[] {
  const occurrences: LocalDate[] = [];
  const last = dateParts(to);
  let { year, month } = dateParts(from);
  while (year < last.year || (year === last.year && month <= last.month)) {
    occurrences.push(...reportingDatesInMonth(daysOfMonth, year, month).filter((date) => date >= from && date <= to));
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return occurrences;
}

/**
 * The schedule's last date strictly before `today`: the reporting day whose reports the office
 * reads now. Reports made on it or later answer the current reporting period. `move` puts a
 * date that falls on a weekend or holiday where the office holds it (28/11/2020, a Saturday,
 * on Friday 27/11), as the reminders did. Null when the schedule has no date in the
 * `lookbackDays` before today.
 */
export function previousReportingDay(daysOfMonth: readonly number[], today: LocalDate, move: (date: LocalDate) => LocalDate = (date) => date, lookbackDays = 62): LocalDate | null {
  if (daysOfMonth.length === 0) return null;
  // A date moved to the next working day may land on or after today: look a week ahead of it.
  const held = occurrencesBetween(daysOfMonth, addDays(today, -lookbackDays), addDays(today, 7)).map(move).filter((date) => date < today);
  return held.at(-1) ?? null;
}
