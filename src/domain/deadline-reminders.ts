import { addWorkingDays, moveToWorkingDay, workingDaysBetween, type Direction, type WorkingCalendar } from './calendar.js';
import type { LocalDate } from './local-date.js';

/**
 * When to keep reminding after a missed deadline, in working days after it: the first time
 * `firstAfter` days after, then every `every` days, `times` times in all. Escalating to the office
 * or the leader is the planner's business; this only says on which days.
 */
export interface OverdueRule {
  readonly firstAfter: number;
  readonly every: number;
  readonly times: number;
}

/** How an office wants its deadline reminders; every field has a default. */
export interface DeadlineReminderOptions {
  /** Working days relative to the due date: negative before, 0 on the day, positive late. Default `[-3, -1, 0]`. */
  readonly offsets?: readonly number[];
  /** Reminders after the deadline. Default: 1, 3 and 5 working days after. */
  readonly overdue?: OverdueRule;
  /**
   * Where the on-the-day reminder goes when the due date is not a working day: `'previous'`
   * (default) warns on the last working day before it, `'next'` on the day the deadline legally ends.
   */
  readonly onNonWorkingDay?: Direction;
}

/** `before`, `due` (on the day) or `overdue`: decides the reminder's wording. */
export type ReminderKind = 'before' | 'due' | 'overdue';

/** One planned reminder: its local date, and how many working days from the deadline it is. */
export interface DeadlineReminder {
  readonly kind: ReminderKind;
  readonly offset: number;
  readonly date: LocalDate;
}

/** The reminders' working-day offsets when the office has not chosen: 3 days and 1 day before, and on the day. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-3, -1, 0];

/** The overdue reminders when the office has not chosen: 1, 3 and 5 working days late. */
export const DEFAULT_OVERDUE_RULE: OverdueRule = { firstAfter: 1, every: 2, times: 3 };

/**
 * The local dates on which to remind about a deadline, in date order, all on working days.
 *
 * Days before count back from the due date itself, so "3 working days before" a Sunday deadline
 * is the Wednesday. Days after count from {@link effectiveDueDate}, so the reminder `n` days late
 * goes out on the day {@link overdueWorkingDays} first reads `n`. When two offsets land on the
 * same day (a Sunday deadline's "1 day before" and "on the day" are both Friday) only the one
 * nearer the deadline's end is kept.
 *
 * ```ts
 * deadlineReminderDates(parseIsoDate('2025-02-03'), calendar);
 * // before on 22/01 and 24/01 (Tết in between), due on 03/02, overdue on 04/02, 06/02, 10/02
 * ```
 */
export function deadlineReminderDates(
  due: LocalDate,
  calendar: WorkingCalendar,
  options: DeadlineReminderOptions = {},
): DeadlineReminder[] {
  const { offsets = DEFAULT_REMINDER_OFFSETS, overdue = DEFAULT_OVERDUE_RULE, onNonWorkingDay = 'previous' } = options;
  assertOverdueRule(overdue);
  const lateOffsets = Array.from({ length: overdue.times }, (_, i) => overdue.firstAfter + i * overdue.every);
  const end = effectiveDueDate(due, calendar);
  const byDate = new Map<LocalDate, DeadlineReminder>();
  for (const offset of [...offsets, ...lateOffsets].sort((a, b) => a - b)) {
    const reminder: DeadlineReminder =
      offset < 0
        ? { kind: 'before', offset, date: addWorkingDays(due, offset, calendar) }
        : offset === 0
          ? { kind: 'due', offset, date: moveToWorkingDay(due, onNonWorkingDay, calendar) }
          : { kind: 'overdue', offset, date: addWorkingDays(end, offset, calendar) };
    // Offsets come in increasing order, so a later one on the same date is nearer the end.
    byDate.set(reminder.date, reminder);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The day a deadline really ends: the due date, or when that is a weekend or holiday, the next
 * working day. This is the civil-law rule for time limits (Bộ luật Dân sự 2015, Điều 148), and
 * what the government's statistics of on-time and late work go by.
 */
export function effectiveDueDate(due: LocalDate, calendar: WorkingCalendar): LocalDate {
  return moveToWorkingDay(due, 'next', calendar);
}

/**
 * How many working days late work is on `today` if still not done: 0 up to and including the
 * deadline's {@link effectiveDueDate}, then 1 on the next working day, and so on.
 */
export function overdueWorkingDays(due: LocalDate, today: LocalDate, calendar: WorkingCalendar): number {
  const end = effectiveDueDate(due, calendar);
  return today <= end ? 0 : workingDaysBetween(end, today, calendar);
}

function assertOverdueRule({ firstAfter, every, times }: OverdueRule): void {
  const wholes = [firstAfter, every, times].every(Number.isInteger);
  if (!wholes || firstAfter < 1 || every < 1 || times < 0) {
    throw new RangeError(`an overdue rule needs firstAfter ≥ 1, every ≥ 1 and times ≥ 0, all whole: ${firstAfter}, ${every}, ${times}`);
  }
}
