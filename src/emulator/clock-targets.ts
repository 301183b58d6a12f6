import { moveToWorkingDay, type Direction, type WorkingCalendar } from '../domain/calendar.js';
import { deadlineReminderDates } from '../domain/deadline-reminders.js';
import { addDays, type LocalDate } from '../domain/local-date.js';
import { occurrencesBetween } from '../domain/reporting-days.js';
import { instantAt, localDateOf } from '../domain/zoned-time.js';
import type { Db } from '../store/database.js';

/** Where the sandbox's clock control can move the bot's clock. */
export type ClockTarget = 'report' | 'deadline' | 'summary';

/** The next reminder time of each kind after now, or null when the offices have none. */
export type ClockTargets = Record<ClockTarget, Date | null>;

/** How far ahead to look for the next reporting or summary day: every schedule has one within two months. */
const LOOKAHEAD_DAYS = 62;

/** An office's settings that place its reminders in time. */
interface OfficeClockSettings {
  timeZone: string;
  reminderMinute: number;
  direction: Direction;
}

/**
 * The next reporting day, deadline and summary day of the offices, each as the instant its
 * reminders go out (the office's reminder time on that day), read from the real data with the
 * domain's own rules, as the planner reads them: a schedule's days of the month
 * ({@link occurrencesBetween}) moved off weekends and holidays the office's way
 * ({@link moveToWorkingDay}); a deadline's on-the-day reminder date ({@link deadlineReminderDates}),
 * for open work of published notices.
 */
export async function nextClockTargets(db: Db, calendar: WorkingCalendar, now: Date): Promise<ClockTargets> {
  const offices = await db.office.findMany({
    select: { id: true, timeZone: true, reminderMinute: true, nonWorkingDayPolicy: true, schedules: { where: { active: true }, select: { kind: true, daysOfMonth: true } } },
  });
  const open = await db.assignment.findMany({
    where: { state: { not: 'DONE' }, dueAt: { not: null }, directive: { notice: { state: 'PUBLISHED' } } },
    select: { dueAt: true, unit: { select: { officeId: true } } },
  });
  const targets: ClockTargets = { report: null, deadline: null, summary: null };
  const earliest = (kind: ClockTarget, instant: Date) => {
    const current = targets[kind];
    if (instant > now && (current === null || instant < current)) targets[kind] = instant;
  };
  for (const office of offices) {
    const settings = clockSettings(office);
    const today = localDateOf(now, settings.timeZone);
    for (const schedule of office.schedules) {
      const days = (schedule.daysOfMonth as number[]) ?? [];
      // A date moved to the previous working day may fall before its nominal date: look from a little before today.
      for (const nominal of occurrencesBetween(days, addDays(today, -16), addDays(today, LOOKAHEAD_DAYS))) {
        earliest(schedule.kind === 'REPORT' ? 'report' : 'summary', reminderInstant(moveToWorkingDay(nominal, settings.direction, calendar), settings));
      }
    }
    for (const assignment of open) {
      if (assignment.unit.officeId !== office.id) continue;
      const due = localDateOf(assignment.dueAt!, settings.timeZone);
      // The on-the-day reminder alone: offset 0 and no overdue ones.
      const [onTheDay] = deadlineReminderDates(due, calendar, { offsets: [0], overdue: { firstAfter: 1, every: 1, times: 0 }, onNonWorkingDay: settings.direction });
      if (onTheDay) earliest('deadline', reminderInstant(onTheDay.date, settings));
    }
  }
  return targets;
}

/**
 * The offices' reminder times strictly between `from` and `to`, in order: where the clock stops
 * when it is moved, so each day's reminders go out on their day (see walkClock).
 */
export async function reminderTimesBetween(db: Db, from: Date, to: Date): Promise<Date[]> {
  const offices = await db.office.findMany({ select: { timeZone: true, reminderMinute: true, nonWorkingDayPolicy: true } });
  const times = new Map<number, Date>();
  for (const office of offices) {
    const settings = clockSettings(office);
    const last = localDateOf(to, settings.timeZone);
    for (let date = localDateOf(from, settings.timeZone); date <= last; date = addDays(date, 1)) {
      const instant = reminderInstant(date, settings);
      if (instant > from && instant < to) times.set(instant.getTime(), instant);
    }
  }
  return [...times.values()].sort((a, b) => a.getTime() - b.getTime());
}

function clockSettings(office: { timeZone: string; reminderMinute: number; nonWorkingDayPolicy: string }): OfficeClockSettings {
  return { timeZone: office.timeZone, reminderMinute: office.reminderMinute, direction: office.nonWorkingDayPolicy === 'next' ? 'next' : 'previous' };
}

function reminderInstant(date: LocalDate, office: OfficeClockSettings): Date {
  return instantAt(date, Math.floor(office.reminderMinute / 60), office.reminderMinute % 60, office.timeZone);
}
