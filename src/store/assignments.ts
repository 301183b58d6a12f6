import { randomUUID } from 'node:crypto';
import { groupBy, lastByKey } from '../domain/group-by.js';
import type { TaskState } from '../domain/task-state.js';
import { Prisma } from '../generated/prisma/sqlite/client.js';
import type { Provider } from './database-url.js';
import type { Db } from './database.js';
import { batchWhileBusyPerDatabase } from './batch-while-busy.js';
import { jsonRows } from './json-rows.js';

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

/**
 * The directive an assignment is for, with its notice: what a message about one report names
 * (`shortNoticeTitle`, the ordinal, the text). Read apart from the batched status lookup, which
 * stays lean for reporting-day bursts. Null when the assignment is gone.
 */
export async function directiveOfAssignment(db: Db, assignmentId: string) {
  const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: { directive: { select: { ordinal: true, text: true, notice: true } } } });
  return row?.directive ?? null;
}

/**
 * What a status report needs to know of an assignment, read in one query: reports come in
 * bursts on reporting days, and the model API would read each relation with a query of its own.
 */
export interface ReportableAssignment {
  id: string;
  unitId: string;
  state: TaskState;
  ordinal: string;
  noticeNumber: string | null;
}

const reportableSelect = `SELECT a."id", a."unitId", a."state", d."ordinal", n."number" AS "noticeNumber"
  FROM "Assignment" a JOIN "Directive" d ON d."id" = a."directiveId" JOIN "Notice" n ON n."id" = d."noticeId"`;
const reportable = Prisma.raw(reportableSelect);

/**
 * Every assignment of a unit on published notices, done ones too (a unit may correct a
 * report). Units asking together are answered by one query.
 */
export function reportableAssignmentsOfUnit(db: Db, provider: Provider, unitId: string): Promise<ReportableAssignment[]> {
  return reportableOfUnits(db, provider, unitId);
}

/** The assignment a status button names. Buttons pressed together are answered by one query. */
export async function findReportableAssignment(db: Db, provider: Provider, assignmentId: string): Promise<ReportableAssignment | null> {
  const [row] = await reportableByIds(db, provider, assignmentId);
  return row ?? null;
}

/** A batched lookup of reportable assignments whose `column` is one of the keys asked for, with an extra condition. */
function reportableBy(column: 'id' | 'unitId', condition: string) {
  return batchWhileBusyPerDatabase(async (db: Db, provider: Provider, keys: readonly string[]) => {
    const wanted = jsonRows(provider, [['key', 'text']]);
    const rows = await db.$queryRawUnsafe<ReportableAssignment[]>(
      `${reportableSelect} WHERE ${condition} a."${column}" IN (SELECT "key" FROM ${wanted.from()})`,
      wanted.encode([...new Set(keys)].map((key) => [key])),
    );
    const byKey = groupBy(rows, (row) => row[column]);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

const reportableOfUnits = reportableBy('unitId', `n."state" = 'PUBLISHED' AND`);
const reportableByIds = reportableBy('id', '');

/** The assignment a bot message was posted for, so a reply to that message reports on it. */
export async function findAssignmentByMessage(db: Db, chatId: string, messageId: number): Promise<ReportableAssignment | null> {
  const [row] = await db.$queryRaw<ReportableAssignment[]>`${reportable}
    JOIN "DirectiveMessage" m ON m."assignmentId" = a."id" WHERE m."chatId" = ${chatId} AND m."messageId" = ${messageId}`;
  return row ?? null;
}

/**
 * A reporting day's list, read when the reminder is sent: the unit's open assignments on notices
 * published by `asOf` (of `notices` only, when given) that it has not reported on since `since`
 * (ever, when null), in notice then directive order.
 */
export function silentWorkOfUnit(db: Db, query: { unitId: string; since: Date | null; notices: string[] | null; asOf: Date }) {
  return db.assignment.findMany({
    where: {
      unitId: query.unitId,
      state: { not: 'DONE' },
      directive: { notice: { state: 'PUBLISHED', OR: [{ publishedAt: null }, { publishedAt: { lte: query.asOf } }], ...(query.notices ? { id: { in: query.notices } } : {}) } },
      OR: [{ lastReportAt: null }, ...(query.since ? [{ lastReportAt: { lt: query.since } }] : [])],
    },
    include: { directive: { include: { notice: true } } },
    orderBy: [{ directive: { notice: { publishedAt: 'asc' } } }, { directive: { position: 'asc' } }],
  });
}

/** Remembers the message a directive was posted as, in a unit's chat or topic. */
export function recordDelivery(db: Db, input: { assignmentId: string; chatId: string; threadId: number; messageId: number }) {
  return db.directiveMessage.create({ data: input });
}

export interface StatusInput {
  assignmentId: string;
  /** The assignment's unit and office: the reporter becomes one of the unit's officials. */
  unitId: string;
  officeId: string;
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
 * Appends a status report, moves the assignment's current state with it, and records the
 * reporter as an official of the unit (so that /mine works for them in private), in one
 * transaction. Reports are never updated or deleted: the history is the audit trail.
 * Reports arriving together are written together (see {@link batchWhileBusyPerDatabase}).
 */
export const recordStatus: (db: Db, provider: Provider, input: StatusInput) => Promise<void> = batchWhileBusyPerDatabase(writeStatuses);

const reportRows = (provider: Provider) =>
  jsonRows(provider, [
    ['id', 'text'], ['assignmentId', 'text'], ['state', { enum: 'TaskState' }], ['note', 'text'], ['evidenceRef', 'text'], ['evidenceFileId', 'text'],
    ['evidenceFileName', 'text'], ['reporterId', 'text'], ['chatId', 'text'], ['messageId', 'int'], ['createdAt', 'timestamp'],
  ]);
const stateRows = (provider: Provider) => jsonRows(provider, [['id', 'text'], ['state', { enum: 'TaskState' }], ['at', 'timestamp'], ['completedAt', 'timestamp']]);
const officialRows = (provider: Provider) =>
  jsonRows(provider, [['id', 'text'], ['personId', 'text'], ['officeId', 'text'], ['role', { enum: 'Role' }], ['unitId', 'text'], ['createdAt', 'timestamp']]);

/** Three statements whatever the number of reports, each reading its rows from one JSON parameter. */
async function writeStatuses(db: Db, provider: Provider, inputs: readonly StatusInput[]): Promise<void[]> {
  const [reports, states, officials] = [reportRows(provider), stateRows(provider), officialRows(provider)];
  // The latest report of an assignment sets its state, and one row per person and office
  // (PostgreSQL refuses to upsert the same row twice in one statement).
  const latest = lastByKey(inputs, (input) => input.assignmentId);
  const enrolled = lastByKey(inputs, (input) => `${input.reporterId} ${input.officeId}`);
  await db.$transaction([
    db.$executeRawUnsafe(
      `INSERT INTO "StatusReport" ("id", "assignmentId", "state", "note", "evidenceRef", "evidenceFileId", "evidenceFileName", "reporterId", "chatId", "messageId", "createdAt")
       ${reports.selectAll()}`,
      reports.encode(inputs.map((r) => [randomUUID(), r.assignmentId, r.state, r.note, r.evidenceRef, r.evidenceFileId, r.evidenceFileName, r.reporterId, r.chatId, r.messageId, r.at])),
    ),
    db.$executeRawUnsafe(
      `UPDATE "Assignment" SET "state" = r."state", "lastReportAt" = r."at", "completedAt" = r."completedAt" FROM ${states.from('$1', 'r')} WHERE "Assignment"."id" = r."id"`,
      states.encode(latest.map((r) => [r.assignmentId, r.state, r.at, r.state === 'DONE' ? r.at : null])),
    ),
    db.$executeRawUnsafe(
      `INSERT INTO "Membership" ("id", "personId", "officeId", "role", "unitId", "createdAt")
       ${officials.selectAll()}
       ON CONFLICT ("personId", "officeId", "role") DO UPDATE SET "unitId" = excluded."unitId"`,
      officials.encode(enrolled.map((r) => [randomUUID(), r.reporterId, r.officeId, 'OFFICIAL', r.unitId, r.at])),
    ),
  ]);
  return inputs.map(() => undefined);
}

/**
 * Every assignment of the office's published notices (optionally one notice), for /report, with
 * `lastNote`: the note of a blocked assignment's last report, which is its reason (null for the
 * others, whose notes the report does not show).
 */
export async function assignmentsForReport(db: Db, officeId: string, noticeId?: string) {
  const assignments = await db.assignment.findMany({
    where: { directive: { notice: { officeId, state: 'PUBLISHED', ...(noticeId ? { id: noticeId } : {}) } } },
    include: withDirective,
    orderBy: [{ directive: { notice: { publishedAt: 'asc' } } }, { directive: { position: 'asc' } }],
  });
  const reasons = await lastNotes(db, assignments.filter((a) => a.state === 'BLOCKED').map((a) => a.id));
  return assignments.map((a) => ({ ...a, lastNote: reasons.get(a.id) ?? null }));
}

/** Ids bound in one query: well under SQLite's limit of bound parameters (32,766). */
const NOTE_BATCH = 500;

/**
 * The note of each assignment's last report. Read in batches of ids rather than as an include
 * with `take: 1`, which Prisma runs as one IN list over every assignment of the office, past
 * SQLite's parameter limit on a large office, and loading every report of each.
 */
async function lastNotes(db: Db, assignmentIds: readonly string[]): Promise<Map<string, string | null>> {
  const notes = new Map<string, string | null>();
  for (let from = 0; from < assignmentIds.length; from += NOTE_BATCH) {
    const reports = await db.statusReport.findMany({
      where: { assignmentId: { in: assignmentIds.slice(from, from + NOTE_BATCH) } },
      orderBy: { createdAt: 'desc' },
      select: { assignmentId: true, note: true },
    });
    for (const report of reports) if (!notes.has(report.assignmentId)) notes.set(report.assignmentId, report.note);
  }
  return notes;
}

/** The active reporting days of an office's schedules for units (the 14th and 28th, say). */
export async function unitReportingDays(db: Db, officeId: string): Promise<number[]> {
  const schedules = await db.reportingSchedule.findMany({ where: { officeId, active: true, kind: 'REPORT' } });
  return [...new Set(schedules.flatMap((schedule) => schedule.daysOfMonth as number[]))].sort((a, b) => a - b);
}

/** The messages an assignment's directive was posted as, with their chats, oldest first. */
export function directiveMessagesOf(db: Db, assignmentId: string) {
  return db.directiveMessage.findMany({
    where: { assignmentId },
    include: { chat: true, assignment: { select: { directive: { select: { id: true, noticeId: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
}

/**
 * A directive with every unit's assignment and the whole report history of each, oldest report
 * first: what the office opens from a blocker alert. Null when the assignment is gone.
 */
export async function directiveHistory(db: Db, assignmentId: string) {
  const found = await db.assignment.findUnique({ where: { id: assignmentId }, select: { directiveId: true } });
  if (!found) return null;
  return db.directive.findUnique({
    where: { id: found.directiveId },
    include: {
      notice: true,
      assignments: {
        orderBy: { role: 'asc' },
        include: { unit: { select: { name: true } }, reports: { orderBy: { createdAt: 'asc' }, include: { reporter: { select: { displayName: true } } } } },
      },
    },
  });
}
