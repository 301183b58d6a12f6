import type { RouteFlag } from '../domain/routing/index.js';
import type { Prisma } from '../generated/prisma/sqlite/client.js';
import type { DueKind } from '../generated/prisma/sqlite/enums.js';
import type { Db } from './database.js';

/** What the parser read as a directive's addressees, kept so that the draft can be routed again. */
export interface DirectivePhrases {
  lead: string[];
  support: string[];
  persons: string[];
  leadSource: string;
}

/** A person a directive names as its lead or follower, with the known person routing matched (or null). */
export interface RoutedPerson {
  name: string;
  personId: string | null;
}

/** Where routing sends one directive, and what it left for the secretary. */
export interface DirectiveRoute {
  lead: string[];
  support: string[];
  flags: RouteFlag[];
  persons: RoutedPerson[];
}

/** A collective addressee ("UBND các xã, thị trấn") and the registered units it reached. */
export interface Expansion {
  phrase: string;
  unitIds: string[];
}

/** A directive as the intake hands it over: units already routed to registered units. */
export interface DraftDirective extends DirectiveRoute {
  ordinal: string;
  text: string;
  dueAt: Date | null;
  dueText: string | null;
  dueKind: DueKind;
  recurrence: Prisma.InputJsonValue | null;
  phrases: DirectivePhrases;
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
  /** The locality the notice is about ("xã Bình Sơn") and the units it asks to act, for routing again. */
  locality: string | null;
  addressee: string[];
  expansions: Expansion[];
  directives: DraftDirective[];
  schedules: DraftSchedule[];
}

/** Routing's structured values as JSON columns take them (interfaces carry no index signature). */
function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/**
 * The flags stored with a directive. Drafts from before routing flags stored the bare phrases
 * no unit matched; they read as unmatched flags without suggestions.
 */
export function storedFlags(value: Prisma.JsonValue): RouteFlag[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): RouteFlag[] => {
    if (typeof item === 'string') return [{ kind: 'unmatched', phrase: item, message: item, suggestions: [] }];
    return item && typeof item === 'object' && 'kind' in item ? [item as unknown as RouteFlag] : [];
  });
}

/** The persons stored with a directive. */
export function storedPersons(value: Prisma.JsonValue): RoutedPerson[] {
  return Array.isArray(value) ? (value as unknown as RoutedPerson[]) : [];
}

/** The parser's phrases stored with a directive; null for drafts from before they were kept. */
export function storedPhrases(value: Prisma.JsonValue): DirectivePhrases | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as unknown as DirectivePhrases) : null;
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
        locality: content.locality,
        addressee: content.addressee,
        expansions: asJson(content.expansions),
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
          unmatched: asJson(directive.flags),
          phrases: asJson(directive.phrases),
          persons: asJson(directive.persons),
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

/** A notice with everything the preview and publishing need; with `onlyDirectiveId`, that one directive alone (to re-render its message). */
export function loadNotice(db: Db, noticeId: string, onlyDirectiveId?: string) {
  return db.notice.findUniqueOrThrow({
    where: { id: noticeId },
    include: {
      directives: { ...(onlyDirectiveId ? { where: { id: onlyDirectiveId } } : {}), orderBy: { position: 'asc' }, include: { assignments: { include: { unit: { include: { channels: { include: { chat: true } } } } }, orderBy: { role: 'asc' } } } },
      schedules: true,
    },
  });
}

export type LoadedNotice = Awaited<ReturnType<typeof loadNotice>>;

/**
 * Sets the units of one directive of a draft by hand (`/assign`), replacing the previous routing
 * and its flags. Routing the draft again leaves the directive as the secretary set it.
 */
export async function setDirectiveUnits(db: Db, directiveId: string, lead: string[], support: string[]) {
  const directive = await db.directive.findUniqueOrThrow({ where: { id: directiveId } });
  await db.$transaction([
    db.assignment.deleteMany({ where: { directiveId } }),
    db.directive.update({ where: { id: directiveId }, data: { unmatched: [], handRouted: true, assignments: { create: assignmentRows(lead, support, directive.dueAt) } } }),
  ]);
}

/**
 * Makes a unit a lead of one directive of a draft (a suggestion tapped in the preview), keeping
 * its other units; the flags that suggested the unit are settled, the others stay. Routing the
 * draft again leaves the directive as the secretary set it.
 */
export async function addLeadUnit(db: Db, directiveId: string, unitId: string) {
  const directive = await db.directive.findUniqueOrThrow({ where: { id: directiveId } });
  const flags = storedFlags(directive.unmatched).filter((flag) => !flag.suggestions.some((suggestion) => suggestion.unitId === unitId));
  await db.$transaction([
    db.assignment.deleteMany({ where: { directiveId, unitId } }),
    db.directive.update({
      where: { id: directiveId },
      data: { unmatched: asJson(flags), handRouted: true, assignments: { create: assignmentRows([unitId], [], directive.dueAt) } },
    }),
  ]);
}

/**
 * Routes the directives of a draft again (a unit joined, was renamed, got an alias or another
 * kind): each directive not routed by hand gets the new units, flags and persons, in one
 * transaction; directives the secretary routed stay as they are.
 */
export async function applyRouting(db: Db, noticeId: string, routes: ReadonlyMap<string, DirectiveRoute>, expansions: Expansion[]) {
  await db.$transaction(async (tx) => {
    const directives = await tx.directive.findMany({ where: { noticeId, handRouted: false } });
    for (const directive of directives) {
      const route = routes.get(directive.id);
      if (!route) continue;
      await tx.assignment.deleteMany({ where: { directiveId: directive.id } });
      await tx.directive.update({
        where: { id: directive.id },
        data: {
          unmatched: asJson(route.flags),
          persons: asJson(route.persons),
          assignments: { create: assignmentRows(route.lead, route.support, directive.dueAt) },
        },
      });
    }
    await tx.notice.update({ where: { id: noticeId }, data: { expansions: asJson(expansions) } });
  });
}

/** The office's drafts waiting for corrections or publishing, with what routing them again needs. */
export function listOpenDrafts(db: Db, officeId: string) {
  return db.notice.findMany({ where: { officeId, state: 'DRAFT' }, include: { directives: { orderBy: { position: 'asc' } } }, orderBy: { createdAt: 'asc' } });
}

/** Sets the deadline of one directive of a draft; null for a duty without one ("thường xuyên"). */
export async function setDirectiveDue(db: Db, directiveId: string, dueAt: Date | null, dueText: string) {
  await db.$transaction([
    db.directive.update({ where: { id: directiveId }, data: { dueAt, dueText, dueKind: dueAt ? 'DATE' : 'NONE' } }),
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

/**
 * Remembers where the preview is (every message of it, in order), so the buttons on it find the
 * draft again and routing again can edit it in place.
 */
export function rememberPreview(db: Db, noticeId: string, chatId: string, messageIds: number[]) {
  return db.notice.update({ where: { id: noticeId }, data: { draftChatId: chatId, draftMessageId: messageIds.at(-1) ?? null, previewMessageIds: messageIds } });
}

/** One message of a preview as stored: the chat's row id and the message's id there. */
interface PreviewMessage {
  chatId: string;
  messageId: number;
}

/**
 * Remembers a preview posted anew because editing the old one failed: the old copy's messages
 * join the stale ones, whose buttons publishing or cancelling takes off, and the new copy is
 * the one edited from now on.
 */
export async function replacePreview(db: Db, noticeId: string, chatId: string, messageIds: number[]) {
  const notice = await db.notice.findUniqueOrThrow({ where: { id: noticeId } });
  const stale = [...storedStalePreview(notice.stalePreviewIds), ...currentPreview(notice)];
  await db.notice.update({
    where: { id: noticeId },
    data: { draftChatId: chatId, draftMessageId: messageIds.at(-1) ?? null, previewMessageIds: messageIds, stalePreviewIds: asJson(stale) },
  });
}

/**
 * Every message a notice's preview has been posted in, stale copies first, each with the chat
 * it is in; none for a notice that is gone.
 */
export async function previewMessagesOf(db: Db, noticeId: string) {
  const notice = await db.notice.findUnique({ where: { id: noticeId } });
  if (!notice) return [];
  const messages = [...storedStalePreview(notice.stalePreviewIds), ...currentPreview(notice)];
  const chats = new Map((await db.chat.findMany({ where: { id: { in: messages.map((m) => m.chatId) } } })).map((chat) => [chat.id, chat]));
  return messages.flatMap((message) => {
    const chat = chats.get(message.chatId);
    return chat ? [{ chat, messageId: message.messageId }] : [];
  });
}

/** The messages of the current preview; a draft from before previews were kept whole has its last one only. */
function currentPreview(notice: { draftChatId: string | null; draftMessageId: number | null; previewMessageIds: Prisma.JsonValue }): PreviewMessage[] {
  const { draftChatId: chatId, draftMessageId } = notice;
  if (!chatId) return [];
  const ids = Array.isArray(notice.previewMessageIds) ? (notice.previewMessageIds as number[]) : draftMessageId ? [draftMessageId] : [];
  return ids.map((messageId) => ({ chatId, messageId }));
}

function storedStalePreview(value: Prisma.JsonValue): PreviewMessage[] {
  return Array.isArray(value) ? (value as unknown as PreviewMessage[]) : [];
}

/** The office's published notices, newest first. */
export function listPublished(db: Db, officeId: string) {
  return db.notice.findMany({
    where: { officeId, state: 'PUBLISHED' },
    orderBy: { publishedAt: 'desc' },
    include: { _count: { select: { directives: true } } },
  });
}
