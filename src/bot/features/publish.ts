import { addressKey, DeliveryError, type Address, type Button } from '../../messaging/port.js';
import type { Translate } from '../../i18n.js';
import { recordDelivery } from '../../store/assignments.js';
import { loadNotice, markPublished, type LoadedNotice } from '../../store/notices.js';
import type { BotContext } from '../context.js';
import { formatDate } from '../dates.js';
import { UserError } from '../errors.js';
import { escapeHtml } from '../html.js';
import { groupBy } from '../../domain/group-by.js';
import { formatDdMmYyyy } from '../../domain/local-date.js';
import { shortNoticeTitle } from '../../domain/notice-label.js';
import { shorten } from '../../domain/short-text.js';
import { localDateOf } from '../../domain/zoned-time.js';
import { retirePreview } from '../draft-preview.js';
import { deadlineCheck } from '../notice-preview.js';

type Office = NonNullable<BotContext['office']>;
/**
 * What publishing needs of where it was asked: a chat's button or command, or the web editor,
 * which answers in the preview's chat.
 */
export type PublishContext = Pick<BotContext, 'services' | 'person' | 't' | 'tFor' | 'locale' | 'reply'>;
type Directive = LoadedNotice['directives'][number];
type Assignment = Directive['assignments'][number];

/** Room left for the header, role and deadline lines of a directive message within 4096 characters. */
const maxDirectiveText = 3500;

/** How often a send that failed for a passing reason is tried again after the first round. */
const retryRounds = 2;

/**
 * Publishes a draft: marks it published (once: a second press finds it published), then posts
 * each directive to every chat or topic of each assigned unit with the status buttons. Chats
 * are served concurrently and each chat in order; a failing chat does not stop the others and
 * is retried; the secretary gets a delivery summary, which names deadlines already past. Every
 * copy of the preview loses its buttons first.
 */
export async function publishNotice(ctx: PublishContext, office: Pick<Office, 'timeZone'>, noticeId: string): Promise<void> {
  const { db } = ctx.services;
  if (!(await markPublished(db, noticeId, ctx.person.id, ctx.services.now()))) throw new UserError('notice-already-published');
  await retirePreview(ctx.services, noticeId);
  const notice = await loadNotice(db, noticeId);

  const jobs = deliveryJobs(notice);
  const failed: DeliveryJob[] = [];
  let pending = [...groupBy(jobs, (job) => addressKey(job.to)).values()];
  for (let round = 0; round <= retryRounds && pending.length > 0; round += 1) {
    const failures = await Promise.all(pending.map((chatJobs) => deliverInOrder(ctx, chatJobs, notice, office.timeZone)));
    pending = failures.filter((list) => list.length > 0 && list.every((job) => job.retryable));
    failed.push(...failures.flat().filter((job) => !job.retryable));
    if (round === retryRounds) failed.push(...pending.flat());
  }

  const failedKeys = new Set(failed.map(jobKey));
  const unitsReached = new Set(jobs.filter((job) => !failedKeys.has(jobKey(job))).map((job) => job.assignment.unitId));
  const unrouted = notice.directives.filter((directive) => directive.assignments.length === 0).map((directive) => directive.ordinal);
  const lines = [ctx.t('publish-summary', { notice: shortNoticeTitle(notice, ctx.locale, undefined, 'formal'), messages: jobs.length - failed.length, units: unitsReached.size })];
  for (const job of failed) lines.push(ctx.t('publish-failed-line', { unit: job.assignment.unit.name, ordinal: job.directive.ordinal, reason: job.reason ?? '' }));
  if (unrouted.length > 0) lines.push(ctx.t('publish-unrouted', { ordinals: unrouted.join(', ') }));
  const today = localDateOf(ctx.services.now(), office.timeZone);
  for (const directive of notice.directives) {
    const deadline = deadlineCheck(directive, today, office.timeZone);
    if (deadline?.past) lines.push(ctx.t('publish-past-due', { ordinal: directive.ordinal, date: deadline.date, today: formatDdMmYyyy(today) }));
  }
  const noChannel = [...new Set(notice.directives.flatMap((d) => d.assignments).filter((a) => a.unit.channels.length === 0).map((a) => a.unit.name))];
  if (noChannel.length > 0) lines.push(ctx.t('publish-no-channel', { units: noChannel.join(', ') }));
  await ctx.reply(lines.join('\n'));
}

/** A delivery is one assignment into one chat or topic; failures are copies of jobs, so they are compared by this key. */
const jobKey = (job: DeliveryJob) => `${job.assignment.id}@${addressKey(job.to)}`;

interface DeliveryJob {
  directive: Directive;
  assignment: Assignment;
  to: Address;
  chatRowId: string;
  retryable: boolean;
  reason?: string;
}

function deliveryJobs(notice: LoadedNotice): DeliveryJob[] {
  return notice.directives.flatMap((directive) =>
    directive.assignments.flatMap((assignment) =>
      assignment.unit.removedAt
        ? []
        : assignment.unit.channels
            .filter((channel) => !channel.chat.blockedAt)
            .map((channel) => ({
              directive,
              assignment,
              to: { platform: channel.chat.platform, chatId: channel.chat.externalId, threadId: channel.threadId },
              chatRowId: channel.chatId,
              retryable: true,
            })),
    ),
  );
}

/** Sends one chat's directives in order and returns those that failed. A retryable failure stops the chat's round. */
async function deliverInOrder(ctx: PublishContext, jobs: DeliveryJob[], notice: LoadedNotice, timeZone: string): Promise<DeliveryJob[]> {
  const failed: DeliveryJob[] = [];
  for (const [index, job] of jobs.entries()) {
    const messenger = ctx.services.messengers.get(job.to.platform);
    if (!messenger) continue;
    // Worded for the chat it goes to: a Telegram office's directive reaches Zalo officials too.
    const t = ctx.tFor(job.to.platform);
    try {
      const sent = await messenger.send(job.to, {
        html: renderDirectiveMessage(notice, job.directive, job.assignment, t, timeZone, ctx.locale),
        buttons: statusButtons(job.assignment.id, t),
      });
      await recordDelivery(ctx.services.db, { assignmentId: job.assignment.id, chatId: job.chatRowId, threadId: job.to.threadId, messageId: sent.messageId });
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      const retryable = error.reason === 'unavailable';
      if (error.reason === 'blocked' || error.reason === 'chat-not-found') {
        await ctx.services.db.chat.update({ where: { id: job.chatRowId }, data: { blockedAt: ctx.services.now() } });
      }
      ctx.services.logger.warn({ reason: error.reason, chat: job.to.chatId }, 'directive delivery failed');
      // The reason names the platform that refused, which need not be the secretary's.
      failed.push({ ...job, retryable, reason: ctx.t(`delivery-${error.reason}`, { platform: job.to.platform === 'ZALO' ? 'Zalo' : 'Telegram' }) });
      // The rest of this chat's directives wait for the retry round, to keep their order.
      if (retryable) return [...failed, ...jobs.slice(index + 1)];
    }
  }
  return failed;
}

/** The message a unit receives for a directive: notice (named in `locale`), ordinal, role, text, deadline. */
export function renderDirectiveMessage(notice: LoadedNotice, directive: Directive, assignment: Assignment, t: Translate, timeZone: string, locale: string): string {
  const text = shorten(directive.text, maxDirectiveText);
  const leads = directive.assignments.filter((a) => a.role === 'LEAD').map((a) => a.unit.name);
  const lines = [
    t('directive-header', { notice: shortNoticeTitle(notice, locale, undefined, 'formal'), ordinal: directive.ordinal }),
    t(assignment.role === 'LEAD' ? 'directive-role-lead' : 'directive-role-support', { leads: leads.join(', ') }),
    '',
    escapeHtml(text),
    '',
    dueLine(directive, t, timeZone),
    t('directive-how-to-report', { ordinal: directive.ordinal }),
  ];
  return lines.join('\n');
}

/** The deadline: its date and the words it came from, whichever there are; never an empty "()". */
function dueLine(directive: Directive, t: Translate, timeZone: string): string {
  const words = directive.dueText?.trim();
  if (!directive.dueAt) return t('directive-no-due', { words: words || t('directive-due-unset') });
  const date = formatDate(directive.dueAt, timeZone);
  return words ? t('directive-due', { date, words }) : t('directive-due-date', { date });
}

/** Hoàn thành / Đang thực hiện / Vướng mắc; the data names the assignment, so permission is checked on each press. */
export function statusButtons(assignmentId: string, t: Translate): Button[][] {
  return [
    [
      { text: t('button-done'), data: `st:${assignmentId}:D` },
      { text: t('button-progress'), data: `st:${assignmentId}:P` },
      { text: t('button-blocked'), data: `st:${assignmentId}:B` },
    ],
  ];
}
