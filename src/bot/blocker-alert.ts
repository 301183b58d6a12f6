/**
 * A blocker reaches the office at once: when a unit reports "vướng mắc" with its reason, the
 * office's home group and each of its leaders who has a private chat with the bot get one
 * message (unit, directive, reason) with a button that opens the directive and its history.
 * Blockers are what a leader reads a report for; waiting for the next summary loses days.
 */
import { shortNoticeTitle } from '../domain/notice-label.js';
import { cutAtWord } from '../domain/short-text.js';
import { resolveLocale } from '../i18n.js';
import type { Address } from '../messaging/port.js';
import { directiveOfAssignment } from '../store/assignments.js';
import { blockerRecipients } from '../store/office-audience.js';
import { inBackground } from './background.js';
import type { BotServices } from './context.js';
import { formatDateThenTime } from './dates.js';
import { platformTranslator } from './platform-text.js';

/** How much of a directive's text the alert quotes: enough to recognise it on a phone. */
const quotedChars = 160;

/** What was reported blocked, and by whom. */
export interface BlockerReport {
  officeId: string;
  unitName: string;
  assignmentId: string;
  reason: string;
  person: string;
  at: Date;
}

/**
 * Sends the alert to the office group and the leaders, in the background (a busy office group
 * must not hold up the unit's chat); a chat that fails is logged and skipped.
 */
export function alertOfficeOfBlocker(services: BotServices, report: BlockerReport): void {
  inBackground(services, 'blocker alert not sent', () => sendAlert(services, report));
}

async function sendAlert(services: BotServices, report: BlockerReport): Promise<void> {
  const { db, logger } = services;
  const [recipients, directive] = await Promise.all([
    blockerRecipients(db, report.officeId),
    directiveOfAssignment(db, report.assignmentId),
  ]);
  if (!directive) throw new Error(`assignment ${report.assignmentId} is gone`);
  if (!recipients) return;
  const { office, chats } = recipients;
  const locale = resolveLocale(null, office.locale === 'en' ? 'en' : services.defaultLocale);
  for (const chat of chats) {
    const messenger = services.messengers.get(chat.platform);
    if (!messenger) continue;
    const t = platformTranslator(locale, chat.platform);
    const to: Address = { platform: chat.platform, chatId: chat.externalId, threadId: 0 };
    const html = t('blocker-alert', {
      unit: report.unitName,
      notice: shortNoticeTitle(directive.notice, locale, office.timeZone),
      ordinal: directive.ordinal,
      text: cutAtWord(directive.text.replace(/\s+/g, ' ').trim(), quotedChars),
      reason: report.reason,
      person: report.person,
      time: formatDateThenTime(report.at, office.timeZone),
    });
    try {
      await messenger.send(to, { html, buttons: [[{ text: t('button-open-directive'), data: `dv:${report.assignmentId}` }]] });
    } catch (error) {
      logger.warn({ err: error, chat: chat.externalId }, 'blocker alert not delivered');
    }
  }
}
