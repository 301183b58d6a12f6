/**
 * A directive's message shows what happened to it: when a unit reports, the message the
 * directive was posted as in each of the unit's chats is edited to carry the latest state, when
 * and who, under the same status buttons, so a group sees at a glance what is done.
 *
 * Edits run in the background, one queue per chat, and never hold up the report: on a reporting
 * day a group's officials report within seconds while Telegram lets a bot post about 20
 * messages a minute into a group. Each edit renders the assignment's latest report when it is
 * sent, so reports that pile up in a queue make one edit showing the last of them.
 *
 * Editing is a courtesy, never a condition: a message that is gone, too old or unchanged, or a
 * chat that fails, is logged and left as it is, once, with no retry of its own (the adapter
 * already backs off 429s). Zalo cannot edit a sent message (its adapter would post the whole
 * directive again), so Zalo chats are left alone: their acknowledgement already says it.
 */
import { DeliveryError, addressKey, type Address } from '../messaging/port.js';
import { directiveMessagesOf } from '../store/assignments.js';
import { loadNotice } from '../store/notices.js';
import { inBackground } from './background.js';
import type { BotServices } from './context.js';
import { formatDateThenTime } from './dates.js';
import { renderDirectiveMessage, statusButtons } from './features/publish.js';
import { platformTranslator } from './platform-text.js';

/** One directive message to bring up to date. */
interface Edit {
  assignmentId: string;
  to: Address;
  messageId: number;
}

/** The edits of one chat waiting to be sent, one per message (a later report replaces an earlier one's). */
type ChatQueue = Map<number, Edit>;

/** Per running bot, the chats whose edits are being sent. */
const queuesOf = new WeakMap<BotServices, Map<string, ChatQueue>>();

/**
 * Queues the edits that show an assignment's latest report on its directive messages in the
 * unit's Telegram chats, in the background (see {@link inBackground}).
 */
export function showReportOnDirectiveMessages(services: BotServices, assignmentId: string): void {
  inBackground(services, 'directive messages not looked up for editing', async () => {
    for (const message of await directiveMessagesOf(services.db, assignmentId)) {
      if (message.chat.platform === 'ZALO' || message.chat.blockedAt) continue;
      enqueue(services, { assignmentId, to: { platform: message.chat.platform, chatId: message.chat.externalId, threadId: message.threadId }, messageId: message.messageId });
    }
  });
}

function enqueue(services: BotServices, edit: Edit): void {
  let chats = queuesOf.get(services);
  if (!chats) queuesOf.set(services, (chats = new Map()));
  const key = addressKey(edit.to);
  const queue = chats.get(key);
  if (queue) {
    // A later report on the same message replaces the waiting edit: the edit renders the latest anyway.
    queue.set(edit.messageId, edit);
    return;
  }
  const created: ChatQueue = new Map([[edit.messageId, edit]]);
  chats.set(key, created);
  inBackground(services, 'directive edits stopped', () => drain(services, chats, key));
}

/** Sends a chat's edits until none is left; the queue is dropped in the same step as it is found empty, so none is lost. */
async function drain(services: BotServices, chats: Map<string, ChatQueue>, key: string): Promise<void> {
  const queue = chats.get(key)!;
  while (queue.size > 0) {
    const [messageId, edit] = queue.entries().next().value!;
    queue.delete(messageId);
    try {
      await send(services, edit);
    } catch (error) {
      // The report is recorded and acknowledged already: a failed edit is only logged.
      const reason = error instanceof DeliveryError ? error.reason : 'unexpected';
      services.logger.warn({ err: error, reason, chat: edit.to.chatId, messageId: edit.messageId }, 'directive message left unedited');
    }
  }
  chats.delete(key);
}

/** Renders the directive's message with the assignment's latest report and edits it in place. */
async function send(services: BotServices, edit: Edit): Promise<void> {
  const { db } = services;
  const messenger = services.messengers.get(edit.to.platform);
  const assignment = await db.assignment.findUnique({
    where: { id: edit.assignmentId },
    select: {
      directiveId: true,
      directive: { select: { noticeId: true } },
      unit: { select: { office: { select: { timeZone: true, locale: true } } } },
      reports: { orderBy: { createdAt: 'desc' }, take: 1, select: { state: true, createdAt: true, reporter: { select: { displayName: true } } } },
    },
  });
  const latest = assignment?.reports[0];
  if (!messenger || !assignment || !latest) return;
  const notice = await loadNotice(db, assignment.directive.noticeId, assignment.directiveId);
  const directive = notice.directives[0];
  const loaded = directive?.assignments.find((candidate) => candidate.id === edit.assignmentId);
  if (!directive || !loaded) return;
  const { timeZone, locale } = assignment.unit.office;
  // In the office's language, in which the directive was published.
  const officeLocale = locale === 'en' ? 'en' : services.defaultLocale;
  const t = platformTranslator(officeLocale, edit.to.platform);
  const html = [
    renderDirectiveMessage(notice, directive, loaded, t, timeZone, officeLocale),
    '',
    t('directive-state-line', { state: t(`state-${latest.state}`), time: formatDateThenTime(latest.createdAt, timeZone), person: latest.reporter?.displayName ?? '—' }),
  ].join('\n');
  await messenger.edit(edit.to, edit.messageId, { html, buttons: statusButtons(edit.assignmentId, t) });
}
