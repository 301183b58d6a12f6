import type { Direction } from '../domain/calendar.js';
import type { LocalDate } from '../domain/local-date.js';
import { localDateOf } from '../domain/zoned-time.js';
import type { Db } from '../store/database.js';
import type { PlanningAssignment, PlanningOffice, PlanningUnit, Recipient } from './planner.js';

/**
 * Reads what the planner needs for every office, in four queries whatever the number of
 * offices (one per table, grouped in memory), so a tick over 1,000 offices costs the same
 * round trips as one over a single office. Chats that blocked the bot are left out here, so
 * nothing is planned for them.
 */
export async function loadPlanningOffices(db: Db): Promise<PlanningOffice[]> {
  const [offices, units, assignments] = await Promise.all([
    db.office.findMany({
      include: {
        homeChat: true,
        leadershipChat: true,
        schedules: { where: { active: true } },
        memberships: { where: { role: 'LEADER' }, include: { person: { include: { privateChat: true } } } },
      },
    }),
    db.unit.findMany({
      where: { removedAt: null },
      select: { id: true, name: true, officeId: true, channels: { select: { chatId: true, threadId: true, remindersMuted: true, chat: { select: { blockedAt: true } } } } },
    }),
    openAssignments(db),
  ]);

  // Many assignments share a deadline instant; reading a date in a zone goes through Intl, so once each.
  const dueDates = new Map<string, LocalDate>();
  const dueDateOf = (dueAt: Date, zone: string) => {
    const key = `${dueAt.getTime()}@${zone}`;
    let date = dueDates.get(key);
    if (date === undefined) {
      date = localDateOf(dueAt, zone);
      dueDates.set(key, date);
    }
    return date;
  };
  const unitsByOffice = groupBy(units, (unit) => unit.officeId);
  const assignmentsByOffice = groupBy(assignments, (assignment) => assignment.officeId);
  return offices.map((office): PlanningOffice => {
    const reachable = (chat: { id: string; blockedAt: Date | null } | null): Recipient | null => (chat && !chat.blockedAt ? { chatId: chat.id, threadId: 0 } : null);
    return {
      id: office.id,
      name: office.name,
      timeZone: office.timeZone,
      reminderMinute: office.reminderMinute,
      quiet: { start: office.quietStart, end: office.quietEnd },
      deadlineOffsets: Array.isArray(office.deadlineOffsets) ? (office.deadlineOffsets as number[]) : [-3, -1, 0],
      escalateAfterDays: office.escalateAfterDays,
      escalateLeaderAfter: office.escalateLeaderAfter,
      nonWorkingDayPolicy: office.nonWorkingDayPolicy === 'next' ? 'next' : ('previous' satisfies Direction),
      unitsMayMute: office.unitsMayMute,
      homeChat: reachable(office.homeChat),
      leadershipChat: office.leadershipChatId !== office.homeChatId ? reachable(office.leadershipChat) : null,
      leaders: office.memberships.flatMap((membership) => {
        const chat = reachable(membership.person.privateChat);
        return chat ? [chat] : [];
      }),
      reportSchedules: office.schedules.filter((s) => s.kind === 'REPORT').map((s) => ({ id: s.id, noticeId: s.noticeId, daysOfMonth: s.daysOfMonth as number[] })),
      consolidateSchedules: office.schedules.filter((s) => s.kind === 'CONSOLIDATE').map((s) => ({ id: s.id, noticeId: s.noticeId, daysOfMonth: s.daysOfMonth as number[] })),
      units: (unitsByOffice.get(office.id) ?? []).map(
        (unit): PlanningUnit => ({
          id: unit.id,
          name: unit.name,
          channels: unit.channels.filter((channel) => !channel.chat.blockedAt).map((channel) => ({ chatId: channel.chatId, threadId: channel.threadId, muted: channel.remindersMuted })),
        }),
      ),
      assignments: (assignmentsByOffice.get(office.id) ?? []).map(
        (row): PlanningAssignment => ({
          id: row.id,
          unitId: row.unitId,
          noticeId: row.noticeId,
          noticeLabel: row.number ?? row.title ?? '',
          ordinal: row.ordinal,
          due: row.dueAt ? dueDateOf(new Date(row.dueAt), office.timeZone) : null,
          lastReportAt: row.lastReportAt ? new Date(row.lastReportAt) : null,
          // Published by the office's clock (tests move it); the row's own createdAt is the host's.
          createdAt: row.publishedAt ? new Date(row.publishedAt) : new Date(0),
        }),
      ),
    };
  });
}

/** An open assignment of a published notice, flat, as {@link openAssignments} reads it. */
interface OpenAssignmentRow {
  id: string;
  unitId: string;
  dueAt: Date | string | null;
  lastReportAt: Date | string | null;
  ordinal: string;
  noticeId: string;
  officeId: string;
  number: string | null;
  title: string | null;
  publishedAt: Date | string | null;
}

/**
 * Every open assignment of a published notice, as flat rows in one join. On a reporting day
 * the planner needs all of them, and Prisma's nested selects cost several times the time and
 * memory of this query at 100,000 rows.
 */
function openAssignments(db: Db): Promise<OpenAssignmentRow[]> {
  return db.$queryRawUnsafe<OpenAssignmentRow[]>(
    `SELECT a."id", a."unitId", a."dueAt", a."lastReportAt", d."ordinal", n."id" AS "noticeId", n."officeId", n."number", n."title", n."publishedAt"
     FROM "Assignment" a JOIN "Directive" d ON d."id" = a."directiveId" JOIN "Notice" n ON n."id" = d."noticeId"
     WHERE a."state" <> 'DONE' AND n."state" = 'PUBLISHED'`,
  );
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
