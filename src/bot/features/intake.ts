import { assignArgs, dueArgs } from '../../../commands/arguments.js';
import { lastByKey } from '../../domain/group-by.js';
import { parseIsoDate } from '../../domain/local-date.js';
import { shortNoticeTitle } from '../../domain/notice-label.js';
import type { KnownPerson } from '../../domain/routing/index.js';
import { instantAt, localDateOf } from '../../domain/zoned-time.js';
import type { IncomingFile, MessageEvent } from '../../messaging/port.js';
import type { ParsedNotice } from '../../parser/index.js';
import { NOTICE_LIMITS } from '../../parser/limits.js';
import {
  addLeadUnit,
  appendPart,
  createDraftNotice,
  findOpenDraft,
  listPublished,
  loadNotice,
  markCancelled,
  saveDraftContent,
  setDirectiveDue,
  setDirectiveUnits,
  type DraftContent,
  startCollecting,
} from '../../store/notices.js';
import { listLeaders } from '../../store/leaders.js';
import { rolesIn } from '../../store/offices.js';
import { listUnits, type UnitWithChannels } from '../../store/units.js';
import type { BotContext } from '../context.js';
import { defaultDueTime, formatDate } from '../dates.js';
import { UserError } from '../errors.js';
import { parseNoticeText, readNoticeText } from '../notice-source.js';
import { editPreview, retirePreview, sendPreview, showCorrection } from '../draft-preview.js';
import { sendEditorLinkPrivately } from '../editor-link.js';
import { toastFor } from '../platform-text.js';
import { parseArgs } from '../parse-args.js';
import { requireRole } from '../permissions.js';
import type { Feature } from '../router.js';
import { knownPeople, resolveTypedUnits, routeDirectives } from '../unit-routing.js';
import { publishNotice } from './publish.js';

/**
 * Notice intake: `/notice` with text, a file, a reply, or several messages ended by `/done`;
 * the preview with its buttons; `/assign` and `/due` corrections; `/cancel`; `/notices`.
 */
export const intakeFeature: Feature = {
  commands: {
    async notice(ctx, args) {
      const office = await secretaryOffice(ctx);
      const open = await findOpenDraft(ctx.services.db, office.id);
      if (open) throw new UserError(open.state === 'COLLECTING' ? 'notice-collecting-open' : 'notice-draft-open');

      const source = await sourceOf(ctx, args);
      if (!source) {
        await startCollecting(ctx.services.db, { officeId: office.id, createdById: ctx.person.id, chatId: ctx.chat.id, firstPart: '' });
        await ctx.reply(ctx.t('notice-collect-start'), { forceReply: true });
        return;
      }
      const notice = await createDraftNotice(ctx.services.db, { officeId: office.id, createdById: ctx.person.id, chatId: ctx.chat.id, sourceText: source.text });
      await parseAndPreview(ctx, office, notice.id, source.text, source.fileName);
    },

    async done(ctx) {
      const office = await secretaryOffice(ctx);
      const draft = await findOpenDraft(ctx.services.db, office.id);
      if (!draft || draft.state !== 'COLLECTING') throw new UserError('notice-nothing-collecting');
      if (draft.sourceText.trim() === '') throw new UserError('notice-empty');
      await parseAndPreview(ctx, office, draft.id, draft.sourceText, null);
    },

    async assign(ctx, args) {
      const office = await secretaryOffice(ctx);
      const { ordinal, lead, support } = parseArgs(assignArgs, args);
      const { draft, directive } = await draftDirective(ctx, office.id, ordinal);
      const units = await listUnits(ctx.services.db, office.id);
      const leadIds = resolveOrFail(lead, units);
      const supportIds = resolveOrFail(support, units);
      await setDirectiveUnits(ctx.services.db, directive.id, leadIds, supportIds);
      await showCorrection(ctx, office, draft.id);
      await ctx.reply(ctx.t('assign-done', { ordinal: directive.ordinal }));
    },

    async due(ctx, args) {
      const office = await secretaryOffice(ctx);
      const { ordinal, due } = parseArgs(dueArgs, args);
      const { draft, directive } = await draftDirective(ctx, office.id, ordinal);
      const dueAt = instantAt(due, defaultDueTime.hour, defaultDueTime.minute, office.timeZone);
      await setDirectiveDue(ctx.services.db, directive.id, dueAt, ctx.t('due-set-by-secretary', { date: formatDate(dueAt, office.timeZone) }));
      await showCorrection(ctx, office, draft.id);
      await ctx.reply(ctx.t('due-done', { ordinal: directive.ordinal, date: formatDate(dueAt, office.timeZone) }));
    },

    async cancel(ctx) {
      const office = await secretaryOffice(ctx);
      const draft = await findOpenDraft(ctx.services.db, office.id);
      if (!draft) throw new UserError('notice-no-draft');
      await markCancelled(ctx.services.db, draft.id);
      await retirePreview(ctx.services, draft.id);
      await ctx.reply(ctx.t('notice-cancelled'));
    },

    async publish(ctx) {
      const office = await secretaryOffice(ctx);
      const draft = await findOpenDraft(ctx.services.db, office.id);
      if (!draft || draft.state !== 'DRAFT') throw new UserError('notice-no-draft');
      await publishNotice(ctx, office, draft.id);
    },

    async notices(ctx) {
      const office = await secretaryOffice(ctx, ['SECRETARY', 'LEADER']);
      const notices = await listPublished(ctx.services.db, office.id);
      if (notices.length === 0) {
        await ctx.reply(ctx.t('notices-empty'));
        return;
      }
      const lines = notices.map((notice) =>
        ctx.t('notices-line', {
          notice: shortNoticeTitle(notice, ctx.locale),
          date: notice.publishedAt ? formatDate(notice.publishedAt, office.timeZone) : '',
          count: notice._count.directives,
          title: notice.title ? ` — ${notice.title}` : '',
        }),
      );
      await ctx.reply([ctx.t('notices-header'), ...lines].join('\n'));
    },
  },

  buttons: {
    async nt(ctx, payload) {
      const [noticeId = '', action] = payload.split(':');
      const notice = await ctx.services.db.notice.findUnique({ where: { id: noticeId } });
      if (!notice || notice.state !== 'DRAFT') {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('button-expired'));
        return;
      }
      // Buttons can be forwarded: check the presser's role on every press.
      await requireRole(ctx, notice.officeId, ['SECRETARY']);
      const office = await ctx.services.db.office.findUniqueOrThrow({ where: { id: notice.officeId } });
      if (action === 'pub') {
        // On Zalo the delivery report that follows is the one confirmation of the choice.
        await ctx.messenger.answerButton(ctx.event.buttonId, toastFor(ctx.event.platform, ctx.t('publish-started')));
        await publishNotice(ctx, office, notice.id);
      } else if (action === 'cancel') {
        await markCancelled(ctx.services.db, notice.id);
        await ctx.messenger.answerButton(ctx.event.buttonId);
        await retirePreview(ctx.services, notice.id);
        await ctx.reply(ctx.t('notice-cancelled'));
      } else if (action === 'edit') {
        await sendEditorLinkPrivately(ctx, notice.id);
      } else {
        // The commands where the preview is; a fresh editor link (the preview's may have expired) where only the presser reads it.
        if (ctx.event.chat.kind !== 'PRIVATE') await ctx.reply(ctx.t('notice-fix-help'));
        await sendEditorLinkPrivately(ctx, notice.id, ctx.event.chat.kind === 'PRIVATE' ? ctx.t('notice-fix-help') : undefined);
      }
    },

    /** A suggested unit tapped under the preview: it becomes the directive's lead, as `/assign` would make it. */
    async rs(ctx, payload) {
      const [directiveId = '', unitId = ''] = payload.split(':');
      const directive = await ctx.services.db.directive.findUnique({ where: { id: directiveId }, include: { notice: true } });
      if (!directive || directive.notice.state !== 'DRAFT') {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('button-expired'));
        return;
      }
      // Buttons can be forwarded: check the presser's role on every press.
      await requireRole(ctx, directive.notice.officeId, ['SECRETARY']);
      const unit = await ctx.services.db.unit.findFirst({ where: { id: unitId, officeId: directive.notice.officeId, removedAt: null } });
      if (!unit) {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('suggest-unit-gone'));
        return;
      }
      await addLeadUnit(ctx.services.db, directive.id, unit.id);
      // On Zalo the edited preview arrives as a new message, which says it already.
      await ctx.messenger.answerButton(ctx.event.buttonId, toastFor(ctx.event.platform, ctx.t('suggest-done', { ordinal: directive.ordinal, unit: unit.name })));
      await editPreview(ctx.services, directive.noticeId);
    },
  },

  messages: [
    /** A part of a notice sent over several messages: a reply to the bot's prompt (groups) or any message (private chat). */
    async function collectPart(ctx) {
      const { event } = ctx;
      if (event.chat.kind !== 'PRIVATE' && !event.replyTo?.fromThisBot) return false;
      const office = ctx.office ?? (event.chat.kind === 'PRIVATE' ? await singleSecretaryOffice(ctx) : null);
      if (!office) return false;
      const draft = await findOpenDraft(ctx.services.db, office.id);
      if (!draft || draft.state !== 'COLLECTING' || draft.createdById !== ctx.person.id || draft.draftChatId !== ctx.chat.id) return false;
      const source = await sourceOf(ctx, event.text);
      if (!source) return false;
      // The parts are held to a notice's character limit as they come, so a draft cannot grow without end before /done.
      const characters = draft.sourceText.length + source.text.length;
      if (characters > NOTICE_LIMITS.characters) throw new UserError('notice-limit-characters', { actual: characters, max: NOTICE_LIMITS.characters });
      const updated = await appendPart(ctx.services.db, draft.id, source.text);
      await ctx.reply(ctx.t('notice-collect-part', { characters: updated.sourceText.length }), { forceReply: true });
      return true;
    },
  ],
};

type Office = NonNullable<BotContext['office']>;

/** The office a secretary works for: the group's office, or in a private chat the one office they are secretary of. */
async function secretaryOffice(ctx: BotContext<MessageEvent>, roles: ('SECRETARY' | 'LEADER')[] = ['SECRETARY']): Promise<Office> {
  const office = ctx.office ?? (ctx.event.chat.kind === 'PRIVATE' ? await singleSecretaryOffice(ctx) : null);
  if (!office) throw new UserError('not-allowed', { roles: ctx.t('role-secretary') });
  await requireRole(ctx, office.id, roles);
  return office;
}

async function singleSecretaryOffice(ctx: BotContext): Promise<Office | null> {
  const memberships = await ctx.services.db.membership.findMany({ where: { personId: ctx.person.id, role: { in: ['SECRETARY', 'ADMIN'] } }, include: { office: true } });
  const offices = lastByKey(memberships, (m) => m.officeId).map((m) => m.office);
  if (offices.length > 1) throw new UserError('notice-which-office');
  if (offices.length === 1) {
    const roles = await rolesIn(ctx.services.db, offices[0]!.id, ctx.person.id);
    if (roles.size > 0) return offices[0]!;
  }
  return null;
}

/** The notice text from, in order: an attached file, the text after the command, the replied-to file or text. */
async function sourceOf(ctx: BotContext<MessageEvent>, text: string): Promise<{ text: string; fileName: string | null } | null> {
  const { event } = ctx;
  const file: IncomingFile | null = event.file ?? (text.trim() === '' ? (event.replyTo?.file ?? null) : null);
  if (file) return { text: await readNoticeText(ctx.messenger, file), fileName: file.fileName };
  if (text.trim() !== '') return { text, fileName: null };
  const replied = event.replyTo?.text.trim();
  if (replied && !event.replyTo?.fromThisBot) return { text: replied, fileName: null };
  return null;
}

async function parseAndPreview(ctx: BotContext<MessageEvent>, office: Office, noticeId: string, text: string, fileName: string | null) {
  const today = localDateOf(ctx.services.now(), office.timeZone);
  const parsed = await parseNoticeText(text, { referenceDate: today });
  if (parsed.directives.length === 0) throw new UserError('notice-no-directives');
  const units = await listUnits(ctx.services.db, office.id);
  const people = knownPeople(await listLeaders(ctx.services.db, office.id));
  await saveDraftContent(ctx.services.db, noticeId, office.id, draftContent(parsed, units, people, office.timeZone, fileName));
  await sendPreview(ctx, office, noticeId);
}

/**
 * Turns the parser's output into what the store keeps: directives routed over the office's
 * units and leaders by the routing core, deadlines as instants, and what routing read (phrases,
 * persons, locality, addressee) so that the draft can be routed again when its units change.
 */
export function draftContent(parsed: ParsedNotice, units: readonly UnitWithChannels[], people: readonly KnownPerson[], timeZone: string, fileName: string | null): DraftContent {
  const calendarDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  const routing = routeDirectives(parsed, units, people);
  return {
    number: parsed.notice.number,
    issuer: parsed.notice.issuer,
    issuedOn: calendarDate(parsed.notice.issuedOn),
    meetingOn: calendarDate(parsed.notice.meetingOn),
    title: parsed.notice.title,
    signer: parsed.notice.signer,
    recipients: parsed.notice.recipients,
    warnings: parsed.warnings,
    sourceFileName: fileName,
    locality: parsed.notice.locality,
    addressee: parsed.addressee,
    expansions: routing.expansions,
    directives: parsed.directives.map((directive, index) => {
      const [hour, minute] = (directive.dueTime ?? '').split(':').map(Number);
      const time = directive.dueTime ? { hour: hour!, minute: minute! } : defaultDueTime;
      return {
        ordinal: directive.ordinal,
        text: directive.text,
        dueAt: directive.due ? instantAt(parseIsoDate(directive.due), time.hour, time.minute, timeZone) : null,
        dueText: directive.dueText,
        dueKind: dueKindOf(directive.dueKind),
        recurrence: directive.recurrence ? { ...directive.recurrence } : null,
        phrases: { lead: directive.lead, support: directive.support, persons: directive.persons ?? [], leadSource: directive.leadSource ?? 'none' },
        ...routing.directives[index]!,
      };
    }),
    schedules: parsed.schedules.map((schedule) => ({
      kind: schedule.kind === 'consolidate' ? 'CONSOLIDATE' : 'REPORT',
      text: schedule.text,
      daysOfMonth: schedule.daysOfMonth,
      rule: schedule.rule,
      recipient: schedule.recipient,
    })),
  };
}

function dueKindOf(kind: ParsedNotice['directives'][number]['dueKind']) {
  return ({ date: 'DATE', month: 'MONTH', quarter: 'QUARTER', 'half-year': 'HALF_YEAR', year: 'YEAR', immediate: 'IMMEDIATE', recurring: 'RECURRING', none: 'NONE' } as const)[kind];
}

/** A directive of the open draft by its ordinal as written (`3.a`), or by its position. */
async function draftDirective(ctx: BotContext, officeId: string, ordinal: string) {
  const draft = await findOpenDraft(ctx.services.db, officeId);
  if (!draft || draft.state !== 'DRAFT') throw new UserError('notice-no-draft');
  const notice = await loadNotice(ctx.services.db, draft.id);
  const wanted = ordinal.toLowerCase();
  const directive =
    notice.directives.find((d) => d.ordinal.toLowerCase() === wanted) ?? notice.directives.find((d) => String(d.position) === wanted);
  if (!directive) throw new UserError('directive-unknown', { ordinal });
  return { draft, directive };
}

function resolveOrFail(names: string[], units: readonly UnitWithChannels[]): string[] {
  const { ids, unknown } = resolveTypedUnits(names, units);
  if (unknown.length > 0) throw new UserError('assign-unknown-units', { units: unknown.join(', ') });
  return ids;
}

