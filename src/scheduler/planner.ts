/**
 * The reminder planner: pure. Given what the offices look like now (schedules, units, open
 * assignments) and a window of time, it says which reminders fall due in that window, each
 * with a unique occurrence key. The clock is a parameter, so a tick can be replayed, run twice
 * or run by three instances at once: the outbox's unique key turns repeats into no-ops.
 *
 * Keys (what makes an occurrence "the same" one):
 * - `report:<unitId>:<nominal date>:<chatId>:<threadId>`: a unit's reporting day, per channel;
 * - `deadline:<assignmentId>:<due date>:<offset>:<chatId>:<threadId>`: before, on and after a deadline;
 *   the due date is in the key, so an approved extension plans afresh;
 * - `escalate-office:<assignmentId>:<due date>` and `escalate-leader:<assignmentId>:<due date>:<chatId>`;
 * - `summary:<officeId>:<nominal date>:<chatId>`: the consolidated summary.
 * A nominal date is the schedule's own date ("the 28th"), before it is moved off a weekend or
 * holiday, so a calendar announcement made later cannot give one occurrence a second key.
 */
import { cached } from '../domain/cached.js';
import { addWorkingDays, moveToWorkingDay, type Direction, type WorkingCalendar } from '../domain/calendar.js';
import { deadlineReminderDates, effectiveDueDate, type DeadlineReminder } from '../domain/deadline-reminders.js';
import { addDays, daysBetween, formatDdMmYyyy, type LocalDate } from '../domain/local-date.js';
import { nextAllowedTime, type QuietHours } from '../domain/quiet-hours.js';
import { occurrencesBetween } from '../domain/reporting-days.js';
import { instantAt, localDateOf } from '../domain/zoned-time.js';
import type { OutboxEntry } from '../store/outbox.js';

/** A chat, or a forum topic of it, that reminders go to. `chatId` is the `Chat` row id. */
export interface Recipient {
  chatId: string;
  threadId: number;
}

/** A unit's channel; `muted` is the group's `/remind off`. */
export interface PlanningChannel extends Recipient {
  muted: boolean;
}

export interface PlanningUnit {
  id: string;
  name: string;
  /** Channels whose chat has not blocked the bot. */
  channels: PlanningChannel[];
}

/** An open (not done) assignment of a published notice. */
export interface PlanningAssignment {
  id: string;
  unitId: string;
  noticeId: string;
  /** The notice's short name in the office's language, as `shortNoticeTitle` words it. */
  noticeLabel: string;
  ordinal: string;
  /** The deadline in force, as a local date in the office's zone. */
  due: LocalDate | null;
  /** When the unit last reported on it. */
  lastReportAt: Date | null;
  /** When the notice was published: occurrences before it are not planned, the work did not exist yet. */
  createdAt: Date;
}

/**
 * A unit's open work on one notice, as reporting days need it: whether the unit has kept
 * silent is decided by its least recently reported assignment, so one row stands for all of
 * them, and the list itself is read when the reminder is sent (see {@link ReminderPayload.openWork}).
 */
export interface PlanningOpenWork {
  unitId: string;
  noticeId: string;
  /** When the notice was published: occurrences before it are not planned. */
  publishedAt: Date;
  /** The oldest of the open assignments' last reports; null when one of them has none. */
  oldestReportAt: Date | null;
}

/** An active reporting schedule: `noticeId` null means it covers the whole office. */
export interface PlanningSchedule {
  id: string;
  noticeId: string | null;
  daysOfMonth: number[];
}

/** An office with its reminder policy and everything the planner reads. */
export interface PlanningOffice {
  id: string;
  name: string;
  timeZone: string;
  /** Minutes after local midnight at which reminders go out (480 = 08:00). */
  reminderMinute: number;
  quiet: QuietHours;
  /** Working-day offsets of deadline reminders: `[-3, -1, 0]` by default. */
  deadlineOffsets: number[];
  /** Overdue by this many working days: to the office group. */
  escalateAfterDays: number;
  /** Overdue by this many working days: to the leaders in private. */
  escalateLeaderAfter: number;
  nonWorkingDayPolicy: Direction;
  unitsMayMute: boolean;
  homeChat: Recipient | null;
  leadershipChat: Recipient | null;
  /** Private chats of the office's leaders who have started the bot. */
  leaders: Recipient[];
  reportSchedules: PlanningSchedule[];
  consolidateSchedules: PlanningSchedule[];
  units: PlanningUnit[];
  /** Open assignments whose deadline is within reach of the window (see {@link deadlineReach}). */
  assignments: PlanningAssignment[];
  /** Open work per unit and notice; read only for offices with a reporting day in the window. */
  openWork: PlanningOpenWork[];
}

/** The half-open window `(from, to]` of occurrence times a tick plans. */
export interface PlanningWindow {
  from: Date;
  to: Date;
}

/** One assignment line of a reminder. */
export interface ReminderItem {
  ordinal: string;
  notice: string;
  /** dd/mm/yyyy, or null when there is no deadline. */
  due: string | null;
  /**
   * The unit, in `chat-blocked` items and in rows planned before the payload named it once
   * (see {@link ReminderPayload.unit}).
   */
  unit?: string;
  /** Working days left (before) or late (overdue); not on reporting-day lists, which say no number. */
  days?: number;
  /**
   * Calendar days past the deadline on the reminder's date, when past: "quá hạn 14 ngày" counts
   * calendar days, as government follow-up statistics do (working days decide only when
   * reminders go out).
   */
  overdueDays?: number;
}

/**
 * What a reminder row carries to the renderer; `date` is the occurrence's dd/mm/yyyy. Only what
 * the message says is stored, and on PostgreSQL parsing these payloads is a good part of
 * inserting a reporting day's rows.
 */
export interface ReminderPayload {
  date: string;
  /** The unit the reminder is about (every kind but `summary` and `chat-blocked`), once per row. */
  unit?: string;
  /** Empty on a reporting day's row, whose list is read when it is sent (`openWork`). */
  items: ReminderItem[];
  /**
   * A reporting day's list, to read when the reminder is sent: the unit's open assignments on
   * notices published by `asOf` (of `notices` only, when the schedule is a notice's), not
   * reported on since `since` (ever, when null). Read then, it leaves out what the unit
   * reported while the fan-out was on its way, and a reporting day no longer loads every open
   * assignment of every office.
   */
  openWork?: { unitId: string; since: string | null; notices: string[] | null; asOf: string };
  /** For `chat-blocked`: the title of the chat that blocked the bot. */
  chat?: string;
}

/** The kinds of reminder rows, which decide their wording. */
export type ReminderKind = 'report' | 'deadline-before' | 'deadline-due' | 'deadline-overdue' | 'escalate-office' | 'escalate-leader' | 'summary' | 'chat-blocked';

/** A reminder the planner wants in the outbox. */
export type PlannedReminder = OutboxEntry & { kind: ReminderKind; payload: ReminderPayload };

// Moving a date to a working day shifts it by at most a Tết break plus weekends.
const MOVE_MARGIN_DAYS = 16;
// How far back to look for the previous reporting day.
const PREVIOUS_REPORT_LOOKBACK_DAYS = 93;

/**
 * Every reminder whose occurrence time (the office's hour on its day) falls in `window`, for
 * every office. Each is due at that time, or when the quiet hours end.
 *
 * ```ts
 * const planned = planReminders(offices, { from: lastTick, to: now }, calendar);
 * await outbox.insert(planned); // repeats are ignored by key
 * ```
 */
export function planReminders(offices: readonly PlanningOffice[], window: PlanningWindow, calendar: WorkingCalendar): PlannedReminder[] {
  const clockOf = officeClocks(window, calendar);
  return offices.flatMap((office) => planOffice(office, clockOf(office)));
}

/** The offices with one of their reporting days in `window`: only those need their open work per unit. */
export function withReportingDay<T extends ClockSettings & Pick<PlanningOffice, 'reportSchedules'>>(offices: readonly T[], window: PlanningWindow, calendar: WorkingCalendar): T[] {
  const clockOf = officeClocks(window, calendar);
  return offices.filter((office) => {
    const clock = clockOf(office);
    return office.reportSchedules.some((schedule) => clock.occurrences(schedule.daysOfMonth).length > 0);
  });
}

/** What of an office a window can plan anything from; see {@link windowReach}. */
export interface OfficeReach {
  /** Whether the office's reminder time falls in the window on any day: every reminder is at that time. */
  active: boolean;
  /** The instants between which a deadline has a reminder or an escalation in the window, in order. */
  dueRanges: readonly { from: Date; to: Date }[];
}

/**
 * For each office, what a window can plan from it, so that a tick reads only that: nothing at
 * all in the minutes that are not the office's reminder time (most ticks), and on its minute
 * only the work due on the dates whose reminders fall in the window (a few days of the year),
 * instead of every deadline within reach. Offices with the same settings share the answer.
 */
export function windowReach(window: PlanningWindow, calendar: WorkingCalendar): (office: ClockSettings & DeadlineSettings) => OfficeReach {
  const clockOf = officeClocks(window, calendar);
  const reaches = new Map<string, OfficeReach>();
  return (office) => {
    const key = `${clockKey(office)}|${office.deadlineOffsets.join(',')}|${office.escalateAfterDays}|${office.escalateLeaderAfter}`;
    return cached(reaches, key, () => {
      const clock = clockOf(office);
      const active = datesBetween(clock.firstDate, clock.lastDate).some((date) => clock.inWindow(date) !== null);
      if (!active) return { active, dueRanges: [] };
      const reach = deadlineReach(office);
      const dueRanges: { from: Date; to: Date }[] = [];
      for (const due of datesBetween(addDays(clock.firstDate, -reach), addDays(clock.lastDate, reach))) {
        const escalation = clock.escalations(due, office.escalateAfterDays, office.escalateLeaderAfter);
        const planned =
          clock.deadlineDates(due, office.deadlineOffsets).some((reminder) => clock.inWindow(reminder.date) !== null) ||
          clock.inWindow(escalation.office) !== null ||
          clock.inWindow(escalation.leader) !== null;
        if (!planned) continue;
        const from = clock.midnight(due);
        const to = clock.midnight(addDays(due, 1));
        // Consecutive dates make one range.
        const last = dueRanges.at(-1);
        if (last && last.to.getTime() === from.getTime()) last.to = to;
        else dueRanges.push({ from, to });
      }
      return { active, dueRanges };
    });
  };
}

/** The dates from `first` to `last`, both included. */
function datesBetween(first: LocalDate, last: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** What an office's deadline reminders and escalations depend on. */
type DeadlineSettings = Pick<PlanningOffice, 'deadlineOffsets' | 'escalateAfterDays' | 'escalateLeaderAfter'>;

/** What an office's clock depends on. */
type ClockSettings = Pick<PlanningOffice, 'timeZone' | 'reminderMinute' | 'quiet' | 'nonWorkingDayPolicy'>;

/** Offices whose clock settings give the same key share one clock. */
function clockKey(office: ClockSettings): string {
  return `${office.timeZone}|${office.reminderMinute}|${office.quiet.start}|${office.quiet.end}|${office.nonWorkingDayPolicy}`;
}

/**
 * The clocks of a window, one per distinct set of clock settings: offices that share a zone,
 * hour, quiet hours and policy (most of them) share the zone lookups, which go through Intl.
 */
function officeClocks(window: PlanningWindow, calendar: WorkingCalendar): (office: ClockSettings) => OfficeClock {
  const clocks = new Map<string, OfficeClock>();
  return (office) => {
    const key = clockKey(office);
    let clock = clocks.get(key);
    if (clock === undefined) {
      clock = officeClock(office, window, calendar);
      clocks.set(key, clock);
    }
    return clock;
  };
}

/**
 * How far, in calendar days, an office's deadline reminders and escalations can lie from the
 * deadline (working days, doubled for weekends, plus a Tết break): deadlines further than this
 * from a window plan nothing in it.
 */
export function deadlineReach(office: DeadlineSettings): number {
  return MOVE_MARGIN_DAYS + 2 * Math.max(office.escalateLeaderAfter, office.escalateAfterDays, 5, ...office.deadlineOffsets.map(Math.abs));
}

function planOffice(office: PlanningOffice, clock: OfficeClock): PlannedReminder[] {
  return [...reportingDayReminders(office, clock), ...deadlineReminders(office, clock), ...summaryReminders(office, clock)];
}

/**
 * The office's view of time: local dates, occurrence instants, the window test, and the calendar
 * arithmetic of deadlines. Offices with the same clock settings share one clock, and with it
 * everything it has worked out (zone lookups go through Intl; working days walk the calendar).
 */
interface OfficeClock {
  firstDate: LocalDate;
  lastDate: LocalDate;
  /** The occurrence instant of a local date, if it falls in the window. */
  inWindow(date: LocalDate): Date | null;
  /** When a reminder occurring at `instant` may be sent. */
  dueAt(instant: Date): Date;
  /** A schedule's occurrences near the window: nominal date and the working day it moves to. */
  occurrences(daysOfMonth: number[]): readonly { nominal: LocalDate; actual: LocalDate; instant: Date }[];
  /** Local midnight of a date, as an instant. */
  midnight(date: LocalDate): Date;
  /** The moved date of the schedule's occurrence before `nominal`, or null. */
  previous(daysOfMonth: number[], nominal: LocalDate): LocalDate | null;
  /** The deadline reminders of work due on `due`, at the office's working-day `offsets`. */
  deadlineDates(due: LocalDate, offsets: number[]): readonly DeadlineReminder[];
  /** When work due on `due` escalates to the office and to the leaders, after those numbers of working days. */
  escalations(due: LocalDate, officeDays: number, leaderDays: number): { office: LocalDate; leader: LocalDate };
  /** A date as dd/mm/yyyy. */
  format(date: LocalDate): string;
}

function officeClock(office: ClockSettings, window: PlanningWindow, calendar: WorkingCalendar): OfficeClock {
  const zone = office.timeZone;
  const firstDate = localDateOf(window.from, zone);
  const lastDate = localDateOf(window.to, zone);
  const hour = Math.floor(office.reminderMinute / 60);
  const minute = office.reminderMinute % 60;
  const move = (date: LocalDate) => moveToWorkingDay(date, office.nonWorkingDayPolicy, calendar);
  const instants = new Map<LocalDate, Date | null>();
  const inWindow = (date: LocalDate) =>
    date < firstDate || date > lastDate
      ? null
      : cached(instants, date, () => {
          const at = instantAt(date, hour, minute, zone);
          return at > window.from && at <= window.to ? at : null;
        });
  const dueAts = new Map<number, Date>();
  const occurrences = new Map<string, ReturnType<OfficeClock['occurrences']>>();
  const midnights = new Map<LocalDate, Date>();
  const previous = new Map<string, LocalDate | null>();
  const deadlineDates = new Map<string, readonly DeadlineReminder[]>();
  const escalations = new Map<string, { office: LocalDate; leader: LocalDate }>();
  const formatted = new Map<LocalDate, string>();
  return {
    firstDate,
    lastDate,
    inWindow,
    // Every reminder of an occurrence shares its instant: leave the quiet hours once per instant.
    dueAt: (instant) => new Date(cached(dueAts, instant.getTime(), () => nextAllowedTime(instant, office.quiet, zone))),
    occurrences: (daysOfMonth) =>
      cached(occurrences, daysOfMonth.join(','), () =>
        occurrencesBetween(daysOfMonth, addDays(firstDate, -MOVE_MARGIN_DAYS), addDays(lastDate, MOVE_MARGIN_DAYS)).flatMap((nominal) => {
          const actual = move(nominal);
          const instant = inWindow(actual);
          return instant ? [{ nominal, actual, instant }] : [];
        }),
      ),
    midnight: (date) => cached(midnights, date, () => instantAt(date, 0, 0, zone)),
    previous: (daysOfMonth, nominal) =>
      cached(previous, `${daysOfMonth.join(',')}@${nominal}`, () => {
        const earlier = occurrencesBetween(daysOfMonth, addDays(nominal, -PREVIOUS_REPORT_LOOKBACK_DAYS), addDays(nominal, -1)).at(-1);
        return earlier ? move(earlier) : null;
      }),
    deadlineDates: (due, offsets) =>
      cached(deadlineDates, `${due}@${offsets.join(',')}`, () => deadlineReminderDates(due, calendar, { offsets, onNonWorkingDay: office.nonWorkingDayPolicy })),
    escalations: (due, officeDays, leaderDays) =>
      cached(escalations, `${due}@${officeDays}@${leaderDays}`, () => {
        const end = effectiveDueDate(due, calendar);
        return { office: addWorkingDays(end, officeDays, calendar), leader: addWorkingDays(end, leaderDays, calendar) };
      }),
    format: (date) => cached(formatted, date, () => formatDdMmYyyy(date)),
  };
}

/**
 * On each reporting day, each unit with open work that it has not reported on since the
 * previous reporting day gets one reminder per channel, listing that work. Several schedules
 * on the same day (two notices, both "ngày 14 và 28") make one reminder.
 */
function reportingDayReminders(office: PlanningOffice, clock: OfficeClock): PlannedReminder[] {
  // nominal date → the occurrence, and which notices' schedules fall on it (null: all).
  const days = new Map<LocalDate, { actual: LocalDate; instant: Date; scheduleId: string; previous: LocalDate | null; notices: Set<string | null> }>();
  for (const schedule of office.reportSchedules) {
    for (const { nominal, actual, instant } of clock.occurrences(schedule.daysOfMonth)) {
      const day = days.get(nominal) ?? { actual, instant, scheduleId: schedule.id, previous: clock.previous(schedule.daysOfMonth, nominal), notices: new Set() };
      day.notices.add(schedule.noticeId);
      days.set(nominal, day);
    }
  }
  if (days.size === 0) return [];

  const units = new Map(office.units.map((unit) => [unit.id, unit]));
  const planned: PlannedReminder[] = [];
  for (const [nominal, day] of days) {
    // Reports from the previous reporting day on count.
    const since = day.previous === null ? null : clock.midnight(day.previous);
    const silent = new Set<string>();
    for (const work of office.openWork) {
      if (!day.notices.has(null) && !day.notices.has(work.noticeId)) continue;
      if (work.publishedAt > day.instant) continue;
      if (work.oldestReportAt === null || (since !== null && work.oldestReportAt < since)) silent.add(work.unitId);
    }
    const list = {
      since: since?.toISOString() ?? null,
      notices: day.notices.has(null) ? null : [...day.notices].filter((id): id is string => id !== null).sort(),
      asOf: day.instant.toISOString(),
    };
    for (const unitId of silent) {
      const unit = units.get(unitId);
      if (!unit) continue;
      const openWork = { unitId, ...list };
      const payload: ReminderPayload = { date: clock.format(day.actual), unit: unit.name, items: [], openWork };
      for (const channel of reachable(office, unit)) {
        planned.push(entry(office, channel, {
          key: `report:${unit.id}:${nominal}:${channel.chatId}:${channel.threadId}`,
          kind: 'report',
          scheduleId: day.scheduleId,
          assignmentId: null,
          payload,
          dueAt: clock.dueAt(day.instant),
        }));
      }
    }
  }
  return planned;
}

/**
 * Before, on and after each open deadline (the office's offsets, then overdue reminders), to the
 * unit's channels; escalations to the office group and then to the leaders once the work is
 * overdue by the office's numbers of working days.
 */
function deadlineReminders(office: PlanningOffice, clock: OfficeClock): PlannedReminder[] {
  const units = new Map(office.units.map((unit) => [unit.id, unit]));
  const planned: PlannedReminder[] = [];
  const reach = deadlineReach(office);
  const earliestDue = addDays(clock.firstDate, -reach);
  const latestDue = addDays(clock.lastDate, reach);

  for (const assignment of office.assignments) {
    const { due } = assignment;
    const unit = units.get(assignment.unitId);
    if (due === null || due < earliestDue || due > latestDue || !unit) continue;

    for (const reminder of clock.deadlineDates(due, office.deadlineOffsets)) {
      const instant = clock.inWindow(reminder.date);
      if (!instant || assignment.createdAt > instant) continue;
      const payload: ReminderPayload = { date: clock.format(reminder.date), unit: unit.name, items: [item(assignment, clock, reminder.date, Math.abs(reminder.offset))] };
      for (const channel of reachable(office, unit)) {
        planned.push(entry(office, channel, {
          key: `deadline:${assignment.id}:${due}:${reminder.offset}:${channel.chatId}:${channel.threadId}`,
          kind: `deadline-${reminder.kind}`,
          assignmentId: assignment.id,
          scheduleId: null,
          payload,
          dueAt: clock.dueAt(instant),
        }));
      }
    }

    const escalation = clock.escalations(due, office.escalateAfterDays, office.escalateLeaderAfter);
    const toOffice = clock.inWindow(escalation.office);
    if (toOffice && office.homeChat && assignment.createdAt <= toOffice) {
      planned.push(entry(office, office.homeChat, {
        key: `escalate-office:${assignment.id}:${due}`,
        kind: 'escalate-office',
        assignmentId: assignment.id,
        scheduleId: null,
        payload: { date: clock.format(escalation.office), unit: unit.name, items: [item(assignment, clock, escalation.office, office.escalateAfterDays)] },
        dueAt: clock.dueAt(toOffice),
      }));
    }
    const toLeaders = clock.inWindow(escalation.leader);
    if (toLeaders && assignment.createdAt <= toLeaders) {
      for (const leader of office.leaders) {
        planned.push(entry(office, leader, {
          key: `escalate-leader:${assignment.id}:${due}:${leader.chatId}`,
          kind: 'escalate-leader',
          assignmentId: assignment.id,
          scheduleId: null,
          payload: { date: clock.format(escalation.leader), unit: unit.name, items: [item(assignment, clock, escalation.leader, office.escalateLeaderAfter)] },
          dueAt: clock.dueAt(toLeaders),
        }));
      }
    }
  }
  return planned;
}

/** On the office's consolidation days, the summary to its group and its leadership chat. */
function summaryReminders(office: PlanningOffice, clock: OfficeClock): PlannedReminder[] {
  const recipients = [office.homeChat, office.leadershipChat].filter((chat): chat is Recipient => chat !== null);
  const seen = new Set<string>();
  const planned: PlannedReminder[] = [];
  for (const schedule of office.consolidateSchedules) {
    for (const { nominal, actual, instant } of clock.occurrences(schedule.daysOfMonth)) {
      for (const chat of recipients) {
        const key = `summary:${office.id}:${nominal}:${chat.chatId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        planned.push(entry(office, chat, { key, kind: 'summary', assignmentId: null, scheduleId: schedule.id, payload: { date: clock.format(actual), items: [] }, dueAt: clock.dueAt(instant) }));
      }
    }
  }
  return planned;
}

/** The unit's channels that take reminders: all of them, less the muted ones when the office lets units mute. */
function reachable(office: PlanningOffice, unit: PlanningUnit): PlanningChannel[] {
  return office.unitsMayMute ? unit.channels.filter((channel) => !channel.muted) : unit.channels;
}

/** One assignment's line on a reminder sent on `on`. */
function item(assignment: PlanningAssignment, clock: OfficeClock, on: LocalDate, days?: number): ReminderItem {
  const line: ReminderItem = { ordinal: assignment.ordinal, notice: assignment.noticeLabel, due: assignment.due ? clock.format(assignment.due) : null };
  if (days !== undefined) line.days = days;
  const late = assignment.due ? daysBetween(assignment.due, on) : 0;
  if (late > 0) line.overdueDays = late;
  return line;
}

function entry(office: PlanningOffice, to: Recipient, rest: Omit<PlannedReminder, 'officeId' | 'chatId' | 'threadId'>): PlannedReminder {
  return { officeId: office.id, chatId: to.chatId, threadId: to.threadId, ...rest };
}
