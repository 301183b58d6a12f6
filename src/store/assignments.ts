import type { TaskState } from '../domain/task-state.js';
import type { Db } from './database.js';

const withDirective = { directive: { include: { notice: true } }, unit: true } as const;

/** A unit's assignments on published notices that are not done yet, in notice then directive order. */
export function openAssignmentsOfUnit(db: Db, unitId: string) {
  return db.assignment.findMany({
    where: { unitId, state: { not: 'DONE' }, directive: { notice: { state: 'PUBLISHED' } } },
    include: withDirective,
    orderBy: [{ directive: { notice: { publishedAt: 'asc' } } }, { directive: { position: 'asc' } }],
  });
}

export type AssignmentWithDirective = Awaited<ReturnType<typeof openAssignmentsOfUnit>>[number];

export function findAssignment(db: Db, assignmentId: string) {
  return db.assignment.findUnique({ where: { id: assignmentId }, include: withDirective });
}

/** The assignment a bot message was posted for, so a reply to that message reports on it. */
export async function findAssignmentByMessage(db: Db, chatId: string, messageId: number) {
  const delivery = await db.directiveMessage.findUnique({ where: { chatId_messageId: { chatId, messageId } }, include: { assignment: { include: withDirective } } });
  return delivery?.assignment ?? null;
}

/** Remembers the message a directive was posted as, in a unit's chat or topic. */
export function recordDelivery(db: Db, input: { assignmentId: string; chatId: string; threadId: number; messageId: number }) {
  return db.directiveMessage.create({ data: input });
}

export interface StatusInput {
  assignmentId: string;
  state: Exclude<TaskState, 'NOT_STARTED'>;
  note: string | null;
  evidenceRef: string | null;
  evidenceFileId: string | null;
  evidenceFileName: string | null;
  reporterId: string;
  chatId: string;
  messageId: number | null;
  at: Date;
}

/**
 * Appends a status report and moves the assignment's current state with it, in one
 * transaction. Reports are never updated or deleted: the history is the audit trail.
 */
export async function recordStatus(db: Db, input: StatusInput) {
  const { assignmentId, at, ...report } = input;
  const [saved] = await db.$transaction([
    db.statusReport.create({ data: { assignmentId, createdAt: at, ...report } }),
    db.assignment.update({
      where: { id: assignmentId },
      data: { state: input.state, lastReportAt: at, completedAt: input.state === 'DONE' ? at : null },
    }),
  ]);
  return saved;
}

/** Every assignment of the office's published notices (optionally one notice), for /report. */
export function assignmentsForReport(db: Db, officeId: string, noticeId?: string) {
  return db.assignment.findMany({
    where: { directive: { notice: { officeId, state: 'PUBLISHED', ...(noticeId ? { id: noticeId } : {}) } } },
    include: withDirective,
    orderBy: [{ directive: { notice: { publishedAt: 'asc' } } }, { directive: { position: 'asc' } }],
  });
}

/** The active reporting days of an office's schedules for units (the 14th and 28th, say). */
export async function unitReportingDays(db: Db, officeId: string): Promise<number[]> {
  const schedules = await db.reportingSchedule.findMany({ where: { officeId, active: true, kind: 'REPORT' } });
  return [...new Set(schedules.flatMap((schedule) => schedule.daysOfMonth as number[]))].sort((a, b) => a - b);
}
