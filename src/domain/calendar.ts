import type { CalendarOverrides, YearOverrides } from './calendar-overrides.js';
import { HOLIDAY_NAMES, statutoryHolidays, type Holiday, type HolidayDay } from './holidays.js';
import { addDays, dateParts, dayOfWeek, type LocalDate } from './local-date.js';

/**
 * The Vietnamese working calendar of a public office: which days are working days, and why the
 * others are not. Build one with {@link createWorkingCalendar}; it is immutable and caches each
 * year it has worked out.
 */
export interface WorkingCalendar {
  /** What kind of day `date` is. Throws a `RangeError` outside 1900–2100 (see `lunar.ts`). */
  describe(date: LocalDate): DayInfo;
}

/**
 * Why a day is or is not a working day:
 * - `working`: an ordinary Monday–Friday;
 * - `weekend`: Saturday or Sunday;
 * - `holiday`: a statutory holiday, or a day inside an announced holiday break;
 * - `compensatory`: nghỉ bù for a holiday that fell on a weekend;
 * - `dayOff`: an extra day off announced in the overrides;
 * - `madeUpWorking`: a day that would be off but is worked (làm bù), from the overrides.
 */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'compensatory' | 'dayOff' | 'madeUpWorking';

/** A day on the calendar; `name` is the Vietnamese name of a holiday, nghỉ bù or announced day off. */
export interface DayInfo {
  readonly date: LocalDate;
  readonly kind: DayKind;
  readonly working: boolean;
  readonly name?: string;
}

// What the calendar knows about a day, before the date is attached.
type DayFacts = Omit<DayInfo, 'date'>;

/** Which way to move a date that falls on a non-working day: the office's choice for its reminders. */
export type Direction = 'previous' | 'next';

/**
 * Builds the calendar from the rules in code plus announcements. Pass the national overrides
 * first and an office's own after them: for the same day, or the same holiday's break, the later
 * set wins.
 *
 * ```ts
 * const calendar = createWorkingCalendar(await loadCalendarOverrides());
 * isWorkingDay(parseIsoDate('2025-01-30'), calendar); // false: Tết Nguyên đán
 * ```
 */
export function createWorkingCalendar(...overrides: CalendarOverrides[]): WorkingCalendar {
  const years = new Map<number, ReadonlyMap<LocalDate, DayFacts>>();
  return {
    describe(date) {
      const { year } = dateParts(date);
      let special = years.get(year);
      if (special === undefined) {
        special = specialDaysOf(year, overrides.flatMap((set) => set.years[String(year)] ?? []));
        years.set(year, special);
      }
      return { date, ...(special.get(date) ?? ordinaryDay(date)) };
    },
  };
}

/** Whether people are at work on `date`: the question behind every reminder. */
export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  return calendar.describe(date).working;
}

/**
 * The Vietnamese name of the holiday, nghỉ bù or announced day off on `date` ("Tết Nguyên đán",
 * "Nghỉ bù Quốc khánh"); `undefined` on working days and ordinary weekends.
 */
export function holidayName(date: LocalDate, calendar: WorkingCalendar): string | undefined {
  const day = calendar.describe(date);
  return day.working ? undefined : day.name;
}

/** The first working day after `date`. */
export function nextWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  return stepToWorkingDay(date, 1, calendar);
}

/** The last working day before `date`. */
export function previousWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  return stepToWorkingDay(date, -1, calendar);
}

/** `date` itself when it is a working day, otherwise the nearest working day in `direction`. */
export function moveToWorkingDay(date: LocalDate, direction: Direction, calendar: WorkingCalendar): LocalDate {
  if (isWorkingDay(date, calendar)) return date;
  return direction === 'next' ? nextWorkingDay(date, calendar) : previousWorkingDay(date, calendar);
}

/**
 * The `n`-th working day after `date` (before it when `n` is negative), counting from the day
 * after: from Friday, +1 is Monday. With `n = 0` it is `date` moved forward to a working day, so
 * the result is always a working day.
 */
export function addWorkingDays(date: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`a whole number of working days, not ${n}`);
  if (n === 0) return moveToWorkingDay(date, 'next', calendar);
  let current = date;
  for (let left = Math.abs(n); left > 0; left -= 1) current = stepToWorkingDay(current, Math.sign(n), calendar);
  return current;
}

/**
 * How many working days one passes going from `from` to `to`, so that
 * `addWorkingDays(from, n)` is `to` exactly when `to` is a working day: forwards it counts the
 * days after `from` up to and including `to` ("quá hạn 3 ngày làm việc"); backwards it counts the
 * days from `to` up to but excluding `from`, negated. 0 when both fall in the same run of days off.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: WorkingCalendar): number {
  const [first, last, sign] = from <= to ? [addDays(from, 1), to, 1] : [to, addDays(from, -1), -1];
  let count = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += sign;
  }
  return count;
}

function stepToWorkingDay(date: LocalDate, step: number, calendar: WorkingCalendar): LocalDate {
  // Terminates: no year is all days off, and past 2100 `describe` throws.
  let day = addDays(date, step);
  while (!isWorkingDay(day, calendar)) day = addDays(day, step);
  return day;
}

function ordinaryDay(date: LocalDate): DayFacts {
  return isWeekend(date) ? { kind: 'weekend', working: false } : { kind: 'working', working: true };
}

/**
 * Saturday and Sunday are the weekly rest days of state offices (the 40-hour week of
 * Quyết định 188/1999/QĐ-TTg); everything else here is worked out around them.
 */
function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** Every day of `year` that is not an ordinary working day or weekend, with what it is. */
function specialDaysOf(year: number, announced: YearOverrides[]): Map<LocalDate, DayFacts> {
  const days = new Map<LocalDate, DayFacts>();
  // A later set's break for the same holiday replaces an earlier one.
  const breaks = new Map(announced.flatMap((set) => set.breaks).map((span) => [span.holiday, span]));
  const owed: HolidayDay[] = [];
  for (const statutory of statutoryHolidays(year)) {
    if (breaks.has(statutory.holiday)) continue;
    // A holiday on a weekend, or on a day another holiday already took (Giỗ Tổ on 30/4), still owes its day off.
    if (isWeekend(statutory.date) || days.has(statutory.date)) owed.push(statutory);
    if (!days.has(statutory.date)) days.set(statutory.date, holidayDay(statutory.holiday));
  }
  for (const { holiday, from, to } of breaks.values()) {
    for (let date = from; date <= to; date = addDays(date, 1)) days.set(date, holidayDay(holiday));
  }
  // Nghỉ bù (Bộ luật Lao động 2019, Điều 111 khoản 3): the next working day, in date order, so
  // 30/4 on a Saturday and 1/5 on a Sunday give Monday and Tuesday. An announced break already
  // places its days on working days, which is why its holiday owes nothing.
  for (const { date, holiday } of owed) {
    let day = addDays(date, 1);
    while (isWeekend(day) || days.has(day)) day = addDays(day, 1);
    days.set(day, { kind: 'compensatory', working: false, name: `Nghỉ bù ${HOLIDAY_NAMES[holiday]}` });
  }
  for (const set of announced) {
    for (const { date, name } of set.daysOff) days.set(date, { kind: 'dayOff', working: false, name });
    for (const { date } of set.workingDays) days.set(date, { kind: 'madeUpWorking', working: true, name: 'Ngày làm bù' });
  }
  return days;
}

function holidayDay(holiday: Holiday): DayFacts {
  return { kind: 'holiday', working: false, name: HOLIDAY_NAMES[holiday] };
}
