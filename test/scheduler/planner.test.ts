import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar, isWorkingDay, type WorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { instantAt, localDateOf } from '../../src/domain/zoned-time.js';
import { planReminders, type PlanningAssignment, type PlanningOffice, type PlannedReminder } from '../../src/scheduler/planner.js';
import { openWorkOf } from './open-work.js';

const zone = 'Asia/Ho_Chi_Minh';
/** 08:00 in Hà Nội on a date, the default reminder time. */
const at8 = (iso: string) => instantAt(parseIsoDate(iso), 8, 0, zone);

function office(overrides: Partial<PlanningOffice> = {}): PlanningOffice {
  const assignments = overrides.assignments ?? [];
  return {
    id: 'office',
    name: 'Văn phòng NTM huyện',
    timeZone: zone,
    reminderMinute: 480,
    quiet: { start: '21:00', end: '07:00' },
    deadlineOffsets: [-3, -1, 0],
    escalateAfterDays: 2,
    escalateLeaderAfter: 5,
    nonWorkingDayPolicy: 'previous',
    unitsMayMute: false,
    homeChat: { chatId: 'home', threadId: 0 },
    leadershipChat: { chatId: 'leaders', threadId: 0 },
    leaders: [{ chatId: 'leader-private', threadId: 0 }],
    reportSchedules: [],
    consolidateSchedules: [],
    units: [
      { id: 'tnmt', name: 'Phòng TN&MT', channels: [{ chatId: 'tnmt-group', threadId: 0, muted: false }] },
      { id: 'ktht', name: 'Phòng KT-HT', channels: [{ chatId: 'district', threadId: 7, muted: false }] },
    ],
    assignments,
    openWork: openWorkOf(assignments),
    ...overrides,
  };
}

function assignment(overrides: Partial<PlanningAssignment> = {}): PlanningAssignment {
  return {
    id: 'a4',
    unitId: 'tnmt',
    noticeId: 'n1',
    noticeLabel: '55/TB-BCĐ',
    ordinal: '4',
    due: null,
    lastReportAt: null,
    createdAt: new Date('2020-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** Plans day by day from `first` to `last` (inclusive), as a scheduler that ticks every day would. */
function planDaily(offices: PlanningOffice[], first: string, last: string, calendar: WorkingCalendar): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (let from = instantAt(parseIsoDate(first), 0, 0, zone); from < instantAt(parseIsoDate(last), 23, 59, zone); ) {
    const to = new Date(from.getTime() + 86_400_000);
    planned.push(...planReminders(offices, { from, to }, calendar));
    from = to;
  }
  return planned;
}

const datesOf = (planned: PlannedReminder[]) => planned.map((reminder) => localDateOf(reminder.dueAt, zone));

describe('the reminder planner', () => {
  let calendar: WorkingCalendar;
  beforeAll(async () => {
    calendar = createWorkingCalendar(await loadCalendarOverrides());
  });

  it('reminds on the 14th and 28th for two years, each moved to the working day before, February included', () => {
    const offices = [office({ reportSchedules: [{ id: 's', noticeId: null, daysOfMonth: [14, 28] }], assignments: [assignment()] })];
    const planned = planDaily(offices, '2025-01-01', '2026-12-31', calendar);
    expect(planned).toHaveLength(48);
    expect(new Set(planned.map((r) => r.key)).size).toBe(48);
    for (const date of datesOf(planned)) expect(isWorkingDay(date, calendar), date).toBe(true);
    // February 2025: the 14th is a Friday, the 28th a Friday. February 2026: the 14th a Saturday, the 28th a Saturday.
    expect(datesOf(planned)).toEqual(expect.arrayContaining(['2025-02-14', '2025-02-28', '2026-02-13', '2026-02-27']));
    // Planned at 08:00 Hà Nội, whatever the host's zone.
    expect(planned[0]!.dueAt.toISOString()).toBe('2025-01-14T01:00:00.000Z');
    // One tick over the two years plans the same occurrences as the daily ticks.
    const once = planReminders(offices, { from: instantAt(parseIsoDate('2025-01-01'), 0, 0, zone), to: instantAt(parseIsoDate('2026-12-31'), 23, 59, zone) }, calendar);
    expect(once.map((r) => r.key).sort()).toEqual(planned.map((r) => r.key).sort());
  });

  it('"30" is the last day of February for the consolidated summary, to the office and the leadership chat', () => {
    const offices = [office({ consolidateSchedules: [{ id: 'c', noticeId: null, daysOfMonth: [15, 30] }], nonWorkingDayPolicy: 'next' })];
    const planned = planDaily(offices, '2025-02-01', '2025-03-31', calendar);
    expect(planned.every((r) => r.kind === 'summary')).toBe(true);
    expect(planned.filter((r) => r.chatId === 'home').map((r) => r.payload.date)).toEqual(['03/02/2025', '17/02/2025', '28/02/2025', '17/03/2025', '31/03/2025']);
    // 30/01 fell in the Tết break: the office chose the next working day, 03/02.
    expect(planned.filter((r) => r.chatId === 'leaders')).toHaveLength(5);
  });

  it('reminds only units with open work not reported since the previous reporting day', () => {
    const offices = [
      office({
        reportSchedules: [{ id: 's', noticeId: null, daysOfMonth: [14, 28] }],
        assignments: [
          assignment({ lastReportAt: new Date('2025-03-20T03:00:00Z') }),
          assignment({ id: 'a7', unitId: 'ktht', ordinal: '7', lastReportAt: new Date('2025-03-10T03:00:00Z'), due: parseIsoDate('2025-12-31') }),
        ],
      }),
    ];
    const planned = planReminders(offices, { from: at8('2025-03-27'), to: at8('2025-03-28') }, calendar);
    expect(planned.map((r) => r.key)).toEqual(['report:ktht:2025-03-28:district:7']);
    // The list is read when the reminder goes out: the row says which work, reported on since the 14th.
    expect(planned[0]!.payload).toEqual({
      date: '28/03/2025',
      unit: 'Phòng KT-HT',
      items: [],
      openWork: { unitId: 'ktht', since: instantAt(parseIsoDate('2025-03-14'), 0, 0, zone).toISOString(), notices: null, asOf: at8('2025-03-28').toISOString() },
    });
  });

  it('moves a deadline on Tết 2025 and Tết 2026 to the working day before, or after, as the office chose', () => {
    const due = (iso: string, policy: 'previous' | 'next') => {
      const offices = [office({ nonWorkingDayPolicy: policy, assignments: [assignment({ due: parseIsoDate(iso) })] })];
      return planDaily(offices, '2025-01-01', '2026-03-31', calendar).filter((r) => r.kind === 'deadline-due').map((r) => localDateOf(r.dueAt, zone));
    };
    // Mùng 1 Tết Ất Tỵ (29/01/2025) is inside the announced break 25/01–02/02.
    expect(due('2025-01-29', 'previous')).toEqual(['2025-01-24']);
    expect(due('2025-01-29', 'next')).toEqual(['2025-02-03']);
    // Mùng 2 Tết Bính Ngọ (18/02/2026): the statutory break 16/02–20/02.
    expect(due('2026-02-18', 'previous')).toEqual(['2026-02-13']);
    expect(due('2026-02-18', 'next')).toEqual(['2026-02-23']);
  });

  it('counts deadline reminders in working days: before, on the day, overdue, then escalation to the office and the leader', () => {
    const offices = [office({ assignments: [assignment({ due: parseIsoDate('2025-03-14') })] })];
    const planned = planDaily(offices, '2025-03-01', '2025-03-31', calendar);
    const byKind = (kind: string) => planned.filter((r) => r.kind === kind).map((r) => localDateOf(r.dueAt, zone));
    expect(byKind('deadline-before')).toEqual(['2025-03-11', '2025-03-13']);
    expect(byKind('deadline-due')).toEqual(['2025-03-14']);
    expect(byKind('deadline-overdue')).toEqual(['2025-03-17', '2025-03-19', '2025-03-21']);
    expect(byKind('escalate-office')).toEqual(['2025-03-18']);
    expect(planned.find((r) => r.kind === 'escalate-office')!.chatId).toBe('home');
    expect(byKind('escalate-leader')).toEqual(['2025-03-21']);
    expect(planned.find((r) => r.kind === 'escalate-leader')!.chatId).toBe('leader-private');
  });

  it('works out deadline and escalation dates with each office\'s own numbers, though offices on one clock share the work', () => {
    const due = parseIsoDate('2025-03-14');
    const offices = [
      office({ assignments: [assignment({ due })] }),
      office({ id: 'other', deadlineOffsets: [-2], escalateAfterDays: 1, escalateLeaderAfter: 3, assignments: [assignment({ id: 'a9', due })] }),
    ];
    const planned = planDaily(offices, '2025-03-01', '2025-03-31', calendar);
    const byKind = (officeId: string, kind: string) => planned.filter((r) => r.officeId === officeId && r.kind === kind).map((r) => localDateOf(r.dueAt, zone));
    expect(byKind('office', 'deadline-before')).toEqual(['2025-03-11', '2025-03-13']);
    expect(byKind('other', 'deadline-before')).toEqual(['2025-03-12']);
    expect(byKind('office', 'escalate-office')).toEqual(['2025-03-18']);
    expect(byKind('other', 'escalate-office')).toEqual(['2025-03-17']);
    expect(byKind('office', 'escalate-leader')).toEqual(['2025-03-21']);
    expect(byKind('other', 'escalate-leader')).toEqual(['2025-03-19']);
  });

  it('counts a swapped working day (Saturday 26/04/2025, làm bù) as a working day', () => {
    const offices = [office({ assignments: [assignment({ due: parseIsoDate('2025-04-28') })], deadlineOffsets: [-1] })];
    const planned = planDaily(offices, '2025-04-01', '2025-04-30', calendar).filter((r) => r.kind === 'deadline-before');
    expect(datesOf(planned)).toEqual(['2025-04-26']);
  });

  it('keeps quiet hours: a reminder set for 22:00 goes out at 07:00 the next morning', () => {
    const offices = [office({ reminderMinute: 22 * 60, reportSchedules: [{ id: 's', noticeId: null, daysOfMonth: [14] }], assignments: [assignment()] })];
    const planned = planReminders(offices, { from: at8('2025-03-14'), to: instantAt(parseIsoDate('2025-03-14'), 23, 0, zone) }, calendar);
    expect(planned).toHaveLength(1);
    expect(planned[0]!.dueAt.toISOString()).toBe('2025-03-15T00:00:00.000Z');
  });

  it('after three days down, one window catches up everything since the horizon and nothing before it', () => {
    const offices = [
      office({
        reportSchedules: [{ id: 's', noticeId: null, daysOfMonth: [14, 28] }],
        assignments: [assignment({ due: parseIsoDate('2025-03-17') })],
      }),
    ];
    // Down from the evening of 11/03 to 09:00 on Monday 17/03; the horizon is 96 hours.
    const now = instantAt(parseIsoDate('2025-03-17'), 9, 0, zone);
    const planned = planReminders(offices, { from: new Date(now.getTime() - 96 * 3_600_000), to: now }, calendar);
    expect(planned.map((r) => `${r.kind} ${localDateOf(r.dueAt, zone)}`).sort()).toEqual(['deadline-before 2025-03-14', 'deadline-due 2025-03-17', 'report 2025-03-14']);
    // 12/03 (3 working days before) is older than the horizon.
    expect(planDaily(offices, '2025-03-12', '2025-03-12', calendar).map((r) => r.kind)).toEqual(['deadline-before']);
    expect(planned.some((r) => localDateOf(r.dueAt, zone) < '2025-03-14')).toBe(false);
  });

  it('skips muted groups when the office lets units mute, and work published after the occurrence', () => {
    const units = office().units.map((unit) => ({ ...unit, channels: unit.channels.map((c) => ({ ...c, muted: true })) }));
    const base = { reportSchedules: [{ id: 's', noticeId: null, daysOfMonth: [14] }], assignments: [assignment()], units };
    const window = { from: at8('2025-03-13'), to: at8('2025-03-14') };
    expect(planReminders([office({ ...base, unitsMayMute: true })], window, calendar)).toHaveLength(0);
    expect(planReminders([office({ ...base, unitsMayMute: false })], window, calendar)).toHaveLength(1);
    const late = office({ ...base, assignments: [assignment({ createdAt: new Date('2025-03-14T02:00:00Z') })] });
    expect(planReminders([late], window, calendar)).toHaveLength(0);
  });

  it('plans the same keys when run twice over the same window (a tick can run twice)', () => {
    const offices = [office({ reportSchedules: [{ id: 's', noticeId: null, daysOfMonth: [14, 28] }], assignments: [assignment({ due: parseIsoDate('2025-03-17') })] })];
    const window = { from: at8('2025-03-10'), to: at8('2025-03-20') };
    expect(planReminders(offices, window, calendar)).toEqual(planReminders(offices, window, calendar));
  });
});

