import type { Direction } from '../domain/calendar.js';
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
    db.assignment.findMany({
      where: { state: { not: 'DONE' }, directive: { notice: { state: 'PUBLISHED' } } },
      select: {
        id: true,
        unitId: true,
        dueAt: true,
        lastReportAt: true,
        directive: { select: { ordinal: true, notice: { select: { id: true, officeId: true, number: true, title: true, publishedAt: true } } } },
      },
    }),
  ]);

  const unitsByOffice = groupBy(units, (unit) => unit.officeId);
  const assignmentsByOffice = groupBy(assignments, (assignment) => assignment.directive.notice.officeId);
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
        (assignment): PlanningAssignment => ({
          id: assignment.id,
          unitId: assignment.unitId,
          noticeId: assignment.directive.notice.id,
          noticeLabel: assignment.directive.notice.number ?? assignment.directive.notice.title ?? '',
          ordinal: assignment.directive.ordinal,
          due: assignment.dueAt ? localDateOf(assignment.dueAt, office.timeZone) : null,
          lastReportAt: assignment.lastReportAt,
          // Published by the office's clock (tests move it); the row's own createdAt is the host's.
          createdAt: assignment.directive.notice.publishedAt ?? new Date(0),
        }),
      ),
    };
  });
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
