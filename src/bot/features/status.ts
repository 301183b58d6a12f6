import { statusArgs } from '../../../commands/arguments.js';
import { shortNoticeTitle } from '../../domain/notice-label.js';
import { shorten } from '../../domain/short-text.js';
import { parseStateWords, type ReportableState } from '../../domain/task-state.js';
import type { Translate } from '../../i18n.js';
import type { MessageEvent } from '../../messaging/port.js';
import { findAssignmentByMessage, findReportableAssignment, directiveOfAssignment, openAssignmentsOfUnit, recordStatus, reportableAssignmentsOfUnit, type ReportableAssignment } from '../../store/assignments.js';
import { pendingReasonRequest, recordReasonRequest } from '../../store/reason-requests.js';
import { alertOfficeOfBlocker } from '../blocker-alert.js';
import type { BotContext } from '../context.js';
import { showReportOnDirectiveMessages } from '../directive-state.js';
import { formatDate, formatDateTime } from '../dates.js';
import { UserError } from '../errors.js';
import { requireWithinCap } from '../length-caps.js';
import { parseArgs } from '../parse-args.js';
import { toastFor } from '../platform-text.js';
import type { Feature } from '../router.js';

const buttonStates: Record<string, ReportableState> = { D: 'DONE', P: 'IN_PROGRESS', B: 'BLOCKED' };

/** A document number given as evidence: `12/BC-UBND`, `87-TB/HU`, `Công văn số 45/UBND-NN`. */
const documentNumber = /\b\d{1,5}[/-][A-ZĐ][A-ZĐ0-9&-]*(?:\/[A-ZĐ0-9&-]+)*\b/u;

/**
 * Status reporting: `/status` lists the unit's open directives and `/status N xong ghi chú`
 * records one; the buttons under a directive; a reply to the directive's message (with a file
 * as evidence); `/mine`. A unit can report only on its own assignments.
 */
export const statusFeature: Feature = {
  commands: {
    async status(ctx, args) {
      const unit = unitOf(ctx);
      const parsed = parseArgs(statusArgs, args);
      if (!parsed) {
        await ctx.reply(await renderOpenList(ctx, unit.id, unit.name, unit.office.timeZone));
        return;
      }
      const wanted = parsed.ordinal.toLowerCase();
      const matches = (await reportableAssignmentsOfUnit(ctx.services.db, ctx.services.provider, unit.id)).filter((a) => a.ordinal.toLowerCase() === wanted);
      if (matches.length === 0) throw new UserError('status-unknown-number', { ordinal: parsed.ordinal });
      if (matches.length > 1) throw new UserError('status-ambiguous', { ordinal: parsed.ordinal, notices: matches.map((a) => a.noticeNumber ?? '?').join(', ') });
      await recordOrAskReason(ctx, matches[0]!, parsed.state, parsed.note, ctx.event.messageId);
    },

    async mine(ctx) {
      if (ctx.unit) {
        await ctx.reply(await renderOpenList(ctx, ctx.unit.id, ctx.unit.name, ctx.unit.office.timeZone));
        return;
      }
      const memberships = await ctx.services.db.membership.findMany({ where: { personId: ctx.person.id, role: 'OFFICIAL', unitId: { not: null } }, include: { unit: true, office: true } });
      if (memberships.length === 0) throw new UserError('mine-no-unit');
      const lists = await Promise.all(memberships.map((m) => renderOpenList(ctx, m.unitId!, m.unit!.name, m.office.timeZone)));
      await ctx.reply(lists.join('\n\n'));
    },
  },

  buttons: {
    async st(ctx, payload) {
      const [assignmentId = '', code = ''] = payload.split(':');
      const state = buttonStates[code];
      const assignment = await findReportableAssignment(ctx.services.db, ctx.services.provider, assignmentId);
      if (!assignment || !state) {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('button-expired'));
        return;
      }
      // Checked on every press: a keyboard forwarded to another group must not report for this unit.
      if (ctx.unit?.id !== assignment.unitId) {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('status-not-your-unit'), true);
        return;
      }
      // Nor may someone outside the unit: a public group's buttons reach people who never joined it.
      if (!(await isUnitMember(ctx, assignment.unitId))) {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('status-members-only'), true);
        return;
      }
      if (state === 'BLOCKED') {
        // Nothing is recorded until the reason comes: a blocker without one tells the office nothing.
        await ctx.messenger.answerButton(ctx.event.buttonId, toastFor(ctx.event.platform, ctx.t('status-reason-asked-short')));
        await askReason(ctx, assignment);
        return;
      }
      await record(ctx, assignment, state, null, null, ctx.event.messageId);
      // One confirmation per report: the acknowledgement already says it.
      await ctx.messenger.answerButton(ctx.event.buttonId, toastFor(ctx.event.platform, ctx.t('status-recorded-short', { state: ctx.t(`state-${state}`) })));
    },
  },

  messages: [
    /**
     * The reason for a blocker the bot asked for: on Telegram the reply to its question, on Zalo
     * (which cannot reply to a message) the next message from that person in that chat.
     */
    async function reasonForBlocker(ctx) {
      const { event } = ctx;
      // A reply to someone else's message is a conversation between people, never the answer.
      if (!ctx.unit || event.text.trim() === '' || (event.replyTo && !event.replyTo.fromThisBot)) return false;
      const pending = await pendingReasonRequest(ctx.services.db, { officeId: ctx.unit.officeId, personId: ctx.person.id, chatId: ctx.chat.id, threadId: event.threadId, now: ctx.services.now() });
      // A reply to another of the bot's messages (a directive's) is that message's business.
      if (!pending || (event.replyTo && event.replyTo.messageId !== pending.promptMessageId)) return false;
      const assignment = await findReportableAssignment(ctx.services.db, ctx.services.provider, pending.assignmentId);
      if (!assignment || assignment.unitId !== ctx.unit.id) return false;
      await record(ctx, assignment, 'BLOCKED', event.text, event.messageId);
      return true;
    },

    /** A reply to a directive's message: state words at the start, the rest is the note; a file is evidence. */
    async function replyToDirective(ctx) {
      const replyTo = ctx.event.replyTo;
      if (!replyTo?.fromThisBot) return false;
      const assignment = await findAssignmentByMessage(ctx.services.db, ctx.chat.id, replyTo.messageId);
      if (!assignment) return false;
      if (ctx.unit?.id !== assignment.unitId) throw new UserError('status-not-your-unit');
      const parsed = parseStateWords(ctx.event.text);
      // Words without a state keep the current one (at least "in progress"): a note or evidence only.
      const current = assignment.state === 'NOT_STARTED' ? 'IN_PROGRESS' : assignment.state;
      await recordOrAskReason(ctx, assignment, parsed?.state ?? current, parsed ? parsed.note : ctx.event.text, ctx.event.messageId);
      return true;
    },
  ],
};

/**
 * Whether the presser may report for the unit: an official of it, or someone in the unit's chat
 * now (a colleague reporting for the first time). A message needs no such check, as only people
 * in a chat can write in it; a press in someone's own private chat is theirs.
 */
async function isUnitMember(ctx: BotContext, unitId: string): Promise<boolean> {
  const official = await ctx.services.db.membership.count({ where: { personId: ctx.person.id, unitId, role: 'OFFICIAL' } });
  if (official > 0 || ctx.event.chat.kind === 'PRIVATE') return true;
  return ctx.messenger.isChatMember(ctx.event.chat.id, ctx.event.from.id);
}

function unitOf(ctx: BotContext) {
  if (!ctx.unit) throw new UserError('wrong-place-office');
  return ctx.unit;
}

/** Records a report, except a blocker typed without its reason ("vướng" alone), whose reason is asked for first. */
async function recordOrAskReason(ctx: BotContext<MessageEvent>, assignment: ReportableAssignment, state: ReportableState, note: string | null, messageId: number) {
  if (state === 'BLOCKED' && !note?.trim() && !ctx.event.file) {
    await askReason(ctx, assignment, messageId);
    return;
  }
  await record(ctx, assignment, state, note, messageId);
}

/**
 * Asks the person for the reason an assignment is blocked and remembers the question. On
 * Telegram the question opens a reply box for that person alone (a force reply naming them), so
 * a group under privacy mode sees the answer; on Zalo their next message here is the answer.
 */
async function askReason(ctx: BotContext, assignment: ReportableAssignment, replyTo?: number) {
  const unit = unitOf(ctx);
  const prompt = await ctx.reply(
    ctx.t('status-ask-reason', {
      ordinal: assignment.ordinal,
      notice: await noticeLabel(ctx, assignment.id),
      person: ctx.person.displayName,
      user: ctx.event.from.id,
    }),
    { forceReply: true, replyToMessageId: replyTo },
  );
  await recordReasonRequest(ctx.services.db, {
    officeId: unit.officeId,
    personId: ctx.person.id,
    chatId: ctx.chat.id,
    threadId: ctx.event.threadId,
    assignmentId: assignment.id,
    promptMessageId: prompt.messageId,
    at: ctx.services.now(),
  });
}

/**
 * Records a report on an assignment of the unit this chat belongs to (callers have checked it
 * is), acknowledges it, tells the office of a blocker, and has the directive's messages show it.
 */
async function record(ctx: BotContext, assignment: ReportableAssignment, state: ReportableState, note: string | null, messageId: number | null, ackReplyTo?: number) {
  const unit = unitOf(ctx);
  const event = ctx.event as MessageEvent;
  const file = event.type === 'message' ? event.file : null;
  const trimmed = note?.trim() || null;
  if (trimmed) requireWithinCap('note', trimmed);
  const now = ctx.services.now();
  await recordStatus(ctx.services.db, ctx.services.provider, {
    assignmentId: assignment.id,
    unitId: unit.id,
    officeId: unit.officeId,
    state,
    note: trimmed,
    evidenceRef: trimmed?.match(documentNumber)?.[0] ?? null,
    evidenceFileId: file?.fileId ?? null,
    evidenceFileName: file?.fileName ?? null,
    reporterId: ctx.person.id,
    chatId: ctx.chat.id,
    messageId,
    at: now,
  });
  const timeZone = unit.office.timeZone;
  const notice = await noticeLabel(ctx, assignment.id);
  // Written for each chat's platform: a Telegram file is named differently on Zalo, which has none.
  const ack = (t: Translate) => {
    const lines = [
      t(state === 'BLOCKED' ? 'status-recorded-blocked' : 'status-recorded', {
        ordinal: assignment.ordinal,
        notice,
        state: t(`state-${state}`),
        person: ctx.person.displayName,
        time: formatDateTime(now, timeZone),
      }),
    ];
    if (trimmed) lines.push(t('status-note', { note: trimmed }));
    if (file) lines.push(t('status-evidence-file', { name: file.fileName }));
    return lines.join('\n');
  };
  ctx.services.acknowledgements.send(ctx.here, ack(ctx.t), ackReplyTo ?? messageId ?? undefined);
  tellOtherChannels(ctx, unit, ack);
  if (state === 'BLOCKED') {
    alertOfficeOfBlocker(ctx.services, { officeId: unit.officeId, unitName: unit.name, assignmentId: assignment.id, reason: trimmed ?? '', person: ctx.person.displayName, at: now });
  }
  showReportOnDirectiveMessages(ctx.services, assignment.id);
}

/**
 * A unit served in several chats (its Telegram group, its officials' Zalo private chats) hears
 * of a report made in any one of them, so nobody reports the same work twice.
 */
function tellOtherChannels(ctx: BotContext, unit: NonNullable<BotContext['unit']>, ack: (t: Translate) => string) {
  for (const channel of unit.channels) {
    if (channel.chatId === ctx.chat.id || channel.chat.blockedAt) continue;
    const t = ctx.tFor(channel.chat.platform);
    ctx.services.acknowledgements.send({ platform: channel.chat.platform, chatId: channel.chat.externalId, threadId: channel.threadId }, `${t('status-told-unit', { unit: unit.name })}\n${ack(t)}`);
  }
}

async function renderOpenList(ctx: BotContext, unitId: string, unitName: string, timeZone: string): Promise<string> {
  const open = await openAssignmentsOfUnit(ctx.services.db, unitId);
  if (open.length === 0) return ctx.t('status-none-open', { unit: unitName });
  const lines = open.map((a) =>
    ctx.t('status-line', {
      ordinal: a.directive.ordinal,
      notice: shortNoticeTitle(a.directive.notice, ctx.locale),
      text: shorten(a.directive.text, 120),
      due: a.dueAt ? formatDate(a.dueAt, timeZone) : '—',
      state: ctx.t(`state-${a.state}`),
      role: ctx.t(a.role === 'LEAD' ? 'role-lead' : 'role-support'),
    }),
  );
  return [ctx.t('status-header', { unit: unitName, count: open.length }), ...lines, '', ctx.t('status-usage')].join('\n');
}

/** The notice's short title for a reply about one of its assignments (`TB số …`, or its date and place). */
async function noticeLabel(ctx: BotContext, assignmentId: string): Promise<string> {
  const directive = await directiveOfAssignment(ctx.services.db, assignmentId);
  return directive ? shortNoticeTitle(directive.notice, ctx.locale) : '—';
}
