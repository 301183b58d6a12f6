/**
 * A directive's message shows what happened to it: when a unit reports, the message the
 * directive was posted as in each of the unit's chats is edited to carry the state, when and
 * who, under the same status buttons, so a group sees at a glance what is done.
 *
 * Editing is a courtesy, never a condition: a message that is gone, too old or unchanged, or a
 * chat that fails, is logged and left as it is, once, with no retry of its own (the adapter
 * already backs off 429s). Zalo cannot edit a sent message (its adapter would post the whole
 * directive again), so Zalo chats are left alone: their acknowledgement already says it.
 */
import type { Locale } from '../i18n.js';
import { DeliveryError } from '../messaging/port.js';
import type { TaskState } from '../domain/task-state.js';
import { directiveMessagesOf } from '../store/assignments.js';
import { loadNotice } from '../store/notices.js';
import type { BotServices } from './context.js';
import { formatDateThenTime } from './dates.js';
import { renderDirectiveMessage, statusButtons } from './features/publish.js';
import { platformTranslator } from './platform-text.js';

/** The report to show: its state, when, and the reporter's name (family name first). */
export interface ShownReport {
  assignmentId: string;
  state: TaskState;
  at: Date;
  person: string;
  timeZone: string;
  locale: Locale;
}

/** Edits the assignment's directive messages in its Telegram chats to show the report. */
export async function showReportOnDirectiveMessages(services: BotServices, report: ShownReport): Promise<void> {
  const { db, logger } = services;
  const messages = (await directiveMessagesOf(db, report.assignmentId)).filter((message) => message.chat.platform !== 'ZALO' && !message.chat.blockedAt);
  if (messages.length === 0) return;
  const { directive: directiveRef } = messages[0]!.assignment;
  const notice = await loadNotice(db, directiveRef.noticeId, directiveRef.id);
  const directive = notice.directives[0];
  const assignment = directive?.assignments.find((candidate) => candidate.id === report.assignmentId);
  if (!directive || !assignment) return;
  for (const message of messages) {
    const messenger = services.messengers.get(message.chat.platform);
    if (!messenger) continue;
    const t = platformTranslator(report.locale, message.chat.platform);
    const html = [
      renderDirectiveMessage(notice, directive, assignment, t, report.timeZone, report.locale),
      '',
      t('directive-state-line', { state: t(`state-${report.state}`), time: formatDateThenTime(report.at, report.timeZone), person: report.person }),
    ].join('\n');
    try {
      await messenger.edit({ platform: message.chat.platform, chatId: message.chat.externalId, threadId: message.threadId }, message.messageId, { html, buttons: statusButtons(report.assignmentId, t) });
    } catch (error) {
      // The report is recorded and acknowledged already: a failed edit must not turn into an error for the unit.
      const reason = error instanceof DeliveryError ? error.reason : 'unexpected';
      logger.warn({ err: error, reason, chat: message.chat.externalId, messageId: message.messageId }, 'directive message left unedited');
    }
  }
}
