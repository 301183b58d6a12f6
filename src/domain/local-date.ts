/**
 * A calendar date with no time and no zone: the day a notice names ("trước ngày 30/11/2020"),
 * a reporting day, a holiday. It is an ISO `YYYY-MM-DD` string, so it sorts and compares with
 * `<`, serialises to JSON and the database as is, and reads well in a reminder's unique key.
 *
 * The brand keeps an arbitrary string from passing as a date: make one with {@link localDate},
 * {@link parseIsoDate} or {@link parseDdMmYyyy}.
 *
 * All arithmetic goes through a day count on the UTC time line, never through host-local `Date`
 * getters, so the result does not depend on the machine's `TZ`.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** The parts of a {@link LocalDate}; `month` is 1–12. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Builds a date from its parts; throws a `RangeError` for a day that does not exist (31/02). */
export function localDate(year: number, month: number, day: number): LocalDate {
  if (!isValidDate(year, month, day)) {
    throw new RangeError(`not a calendar date: year ${year}, month ${month}, day ${day}`);
  }
  return format(year, month, day);
}

/** Reads `YYYY-MM-DD` from trusted data (config, the database); throws a `RangeError` otherwise. */
export function parseIsoDate(text: string): LocalDate {
  if (!isIsoDate(text)) throw new RangeError(`not an ISO date YYYY-MM-DD: ${JSON.stringify(text)}`);
  return text;
}

/** Whether `text` is an existing date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): text is LocalDate {
  const match = ISO_DATE.exec(text);
  return match !== null && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The year, month (1–12) and day of a date. */
export function dateParts(date: LocalDate): DateParts {
  // The brand guarantees the shape, so the slices are always numbers.
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * Days since 1970-01-01 (negative before). Day counts make date differences exact integers;
 * the lunar calendar uses them as Julian day numbers minus a constant.
 */
export function epochDayOf(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The date `epochDay` days after 1970-01-01 (the inverse of {@link epochDayOf}). */
export function dateOfEpochDay(epochDay: number): LocalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return format(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfEpochDay(epochDayOf(date) + days);
}

/** How many days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDayOf(to) - epochDayOf(from);
}

/** Day of the week, as JavaScript counts it: 0 = Sunday (Chủ nhật), 1 = Monday (thứ Hai) … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 non-negative.
  return (((epochDayOf(date) + 4) % 7) + 7) % 7;
}

/** Number of days in a month (`month` 1–12), leap Februaries included. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month: 29/02/2024, 28/02/2025, 30/04/…, the "30" of a February report. */
export function lastDayOfMonth(year: number, month: number): LocalDate {
  return localDate(year, month, daysInMonth(year, month));
}

/** Formats as Vietnamese documents write dates: `05/09/2024`. */
export function formatDdMmYyyy(date: LocalDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * Reads a day/month/year date as users type it: `5/9/2024`, `05/09/2024`.
 * Returns `undefined` rather than throwing, because this reads people's text and a wrong date
 * there is an answer to give back, not a bug; `31/02/2024` is refused rather than rolled over.
 */
export function parseDdMmYyyy(text: string): LocalDate | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (match === null) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? format(year, month, day) : undefined;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    // Four-digit years only: `Date.UTC` reads years 0–99 as 1900–1999, and no notice needs them.
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function format(year: number, month: number, day: number): LocalDate {
  return `${year}-${pad2(month)}-${pad2(day)}` as LocalDate;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
