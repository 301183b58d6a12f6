import type { Prisma } from '../generated/prisma/sqlite/client.js';
import type { DueKind } from '../generated/prisma/sqlite/enums.js';
import type { Db } from './database.js';

/** A directive as the intake hands it over: units already routed to registered units. */
export interface DraftDirective {
  ordinal: string;
  text: string;
  dueAt: Date | null;
  dueText: string | null;
  dueKind: DueKind;
  recurrence: Prisma.InputJsonValue | null;
  lead: string[];
  support: string[];
  unmatched: string[];
}

export interface DraftSchedule {
  kind: 'REPORT' | 'CONSOLIDATE';
  text: string;
  daysOfMonth: number[];
  rule: string;
  recipient: string | null;
}

export interface DraftContent {
  number: string | null;
  issuer: string | null;
  issuedOn: Date | null;
  meetingOn: Date | null;
  title: string | null;
  signer: string | null;
  recipients: string[];
  warnings: string[];
  sourceFileName: string | null;
  directives: DraftDirective[];
  schedules: DraftSchedule[];
}

/** The notice a secretary is still entering or correcting in this office, if any. */
export function findOpenDraft(db: Db, officeId: string) {
  return db.notice.findFirst({ where: { officeId, state: { in: ['COLLECTING', 'DRAFT'] } }, orderBy: { createdAt: 'desc' } });
}

/** Starts a notice that arrives over several messages; its parts survive a restart in `sourceText`. */
export function startCollecting(db: Db, input: { officeId: string; createdById: string; chatId: string; firstPart: string }) {
  return db.notice.create({
    data: { officeId: input.officeId, state: 'COLLECTING', createdById: input.createdById, draftChatId: input.chatId, sourceText: input.firstPart, recipients: [], warnings: [] },
  });
}

/** Appends a part to a collecting notice, with a blank line between parts. */
export async function appendPart(db: Db, noticeId: string, part: string) {
  const notice = await db.notice.findUniqueOrThrow({ where: { id: noticeId } });
  const sourceText = notice.sourceText === '' ? part : `${notice.sourceText}\n\n${part}`;
  return db.notice.update({ where: { id: noticeId }, data: { sourceText } });
}

/** Creates a draft straight from a whole text or file. */
export function createDraftNotice(db: Db, input: { officeId: string; createdById: string; chatId: string; sourceText: string }) {
  return db.notice.create({
    data: { officeId: input.officeId, state: 'DRAFT', createdById: input.createdById, draftChatId: input.chatId, sourceText: input.sourceText, recipients: [], warnings: [] },
  });
}

/** Replaces a draft's parsed content (metadata, directives with their assignments, schedules). */
export async function saveDraftContent(db: Db, noticeId: string, officeId: string, content: DraftContent) {
  await db.$transaction(async (tx) => {
    await tx.directive.deleteMany({ where: { noticeId } });
    await tx.reportingSchedule.deleteMany({ where: { noticeId } });
    await tx.notice.update({
      where: { id: noticeId },
      data: {
        state: 'DRAFT',
        number: content.number,
        issuer: content.issuer,
        issuedOn: content.issuedOn,
        meetingOn: content.meetingOn,
        title: content.title,
        signer: content.signer,
        recipients: content.recipients,
        warnings: content.warnings,
        sourceFileName: content.sourceFileName,
      },
    });
    for (const [index, directive] of content.directives.entries()) {
      await tx.directive.create({
        data: {
          noticeId,
          position: index + 1,
          ordinal: directive.ordinal,
          text: directive.text,
          dueAt: directive.dueAt,
          dueText: directive.dueText,
          dueKind: directive.dueKind,
          recurrence: directive.recurrence ?? undefined,
          unmatched: directive.unmatched,
          assignments: { create: assignmentRows(directive.lead, directive.support, directive.dueAt) },
        },
      });
    }
    for (const schedule of content.schedules) {
      await tx.reportingSchedule.create({ data: { officeId, noticeId, active: false, ...schedule } });
    }
  });
}

/** Lead units first; a unit named both as lead and as coordinating is the lead. */
function assignmentRows(lead: string[], support: string[], dueAt: Date | null) {
  const leadSet = new Set(lead);
  return [
    ...[...leadSet].map((unitId) => ({ unitId, role: 'LEAD' as const, dueAt, originalDueAt: dueAt })),
    ...[...new Set(support)].filter((unitId) => !leadSet.has(unitId)).map((unitId) => ({ unitId, role: 'SUPPORT' as const, dueAt, originalDueAt: dueAt })),
  ];
}

/** A notice with everything the preview and publishing need. */
export function loadNotice(db: Db, noticeId: string) {
  return db.notice.findUniqueOrThrow({
    where: { id: noticeId },
    include: {
      directives: { orderBy: { position: 'asc' }, include: { assignments: { include: { unit: { include: { channels: { include: { chat: true } } } } }, orderBy: { role: 'asc' } } } },
      schedules: true,
    },
  });
}

export type LoadedNotice = Awaited<ReturnType<typeof loadNotice>>;

/** Sets the units of one directive of a draft, replacing the previous routing. */
export async function setDirectiveUnits(db: Db, directiveId: string, lead: string[], support: string[]) {
  const directive = await db.directive.findUniqueOrThrow({ where: { id: directiveId } });
  await db.$transaction([
    db.assignment.deleteMany({ where: { directiveId } }),
    db.directive.update({ where: { id: directiveId }, data: { unmatched: [], assignments: { create: assignmentRows(lead, support, directive.dueAt) } } }),
  ]);
}

/** Sets the deadline of one directive of a draft. */
export async function setDirectiveDue(db: Db, directiveId: string, dueAt: Date, dueText: string) {
  await db.$transaction([
    db.directive.update({ where: { id: directiveId }, data: { dueAt, dueText, dueKind: 'DATE' } }),
    db.assignment.updateMany({ where: { directiveId }, data: { dueAt, originalDueAt: dueAt } }),
  ]);
}

/**
 * Marks a draft published and switches its reporting schedules on. Returns false when it was
 * not a draft any more: of two presses on "publish", only the first publishes.
 */
export async function markPublished(db: Db, noticeId: string, actorId: string, now: Date): Promise<boolean> {
  const { count } = await db.notice.updateMany({ where: { id: noticeId, state: 'DRAFT' }, data: { state: 'PUBLISHED', publishedAt: now } });
  if (count === 0) return false;
  const notice = await db.notice.findUniqueOrThrow({ where: { id: noticeId } });
  await db.reportingSchedule.updateMany({ where: { noticeId }, data: { active: true } });
  await db.auditLog.create({ data: { officeId: notice.officeId, actorId, action: 'notice.publish', subject: noticeId, details: {} } });
  return true;
}

export function markCancelled(db: Db, noticeId: string) {
  return db.notice.update({ where: { id: noticeId }, data: { state: 'CANCELLED' } });
}

/** Remembers where the preview is, so the buttons on it find the draft again. */
export function rememberPreview(db: Db, noticeId: string, chatId: string, messageId: number) {
  return db.notice.update({ where: { id: noticeId }, data: { draftChatId: chatId, draftMessageId: messageId } });
}

/** The office's published notices, newest first. */
export function listPublished(db: Db, officeId: string) {
  return db.notice.findMany({
    where: { officeId, state: 'PUBLISHED' },
    orderBy: { publishedAt: 'desc' },
    include: { _count: { select: { directives: true } } },
  });
}
