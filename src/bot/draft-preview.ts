import { resolveLocale, type Translate } from '../i18n.js';
import type { Address, Button, Messenger } from '../messaging/port.js';
import { loadNotice, rememberPreview } from '../store/notices.js';
import type { BotContext, BotServices } from './context.js';
import { splitMessage } from './html.js';
import { previewButtons, renderPreview } from './notice-preview.js';
import { platformTranslator } from './platform-text.js';

/** A draft's preview as messages: the HTML cut on line boundaries, and the buttons for the last part. */
async function previewMessages(services: BotServices, noticeId: string, t: Translate, timeZone: string): Promise<{ parts: string[]; buttons: Button[][] }> {
  const notice = await loadNotice(services.db, noticeId);
  // Suggestions name units that are not (yet) assigned, so their names come from the office's list.
  const units = await services.db.unit.findMany({ where: { officeId: notice.officeId, removedAt: null }, select: { id: true, name: true } });
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  return { parts: splitMessage(renderPreview(notice, t, timeZone)), buttons: previewButtons(notice, unitNames, t) };
}

/** Sends a draft's preview to the chat the command came from, and remembers its messages for later edits. */
export async function sendPreview(ctx: BotContext, office: { timeZone: string }, noticeId: string): Promise<void> {
  const { parts, buttons } = await previewMessages(ctx.services, noticeId, ctx.t, office.timeZone);
  const ids = await sendParts(ctx.messenger, ctx.here, parts, buttons);
  await rememberPreview(ctx.services.db, noticeId, ctx.chat.id, ids);
}

/**
 * Edits a draft's preview where it is (after a suggestion tap, or when the draft was routed
 * again because a unit joined), in the office's language and for the chat's platform. A preview that grew by a message gets
 * the new part sent after it; one that shrank leaves a pointer in the message it no longer needs.
 * A preview that cannot be edited (deleted, chat gone) stays as it was: the draft itself is
 * already right, and the next /assign or /due shows it anew.
 */
export async function editPreview(services: BotServices, noticeId: string): Promise<void> {
  const notice = await services.db.notice.findUnique({ where: { id: noticeId }, include: { office: true } });
  if (!notice || notice.state !== 'DRAFT' || !notice.draftChatId || !notice.draftMessageId) return;
  const chat = await services.db.chat.findUnique({ where: { id: notice.draftChatId } });
  const messenger = chat && services.messengers.get(chat.platform);
  if (!chat || !messenger) return;
  const to: Address = { platform: chat.platform, chatId: chat.externalId, threadId: 0 };
  const t = platformTranslator(resolveLocale(notice.office.locale, services.defaultLocale), chat.platform);
  const { parts, buttons } = await previewMessages(services, noticeId, t, notice.office.timeZone);
  const ids = Array.isArray(notice.previewMessageIds) ? (notice.previewMessageIds as number[]) : [notice.draftMessageId];
  try {
    const kept = ids.slice(0, parts.length);
    for (const [index, id] of kept.entries()) {
      const last = index === parts.length - 1;
      await messenger.edit(to, id, { html: parts[index]!, buttons: last ? buttons : undefined });
    }
    for (const id of ids.slice(parts.length)) await messenger.edit(to, id, { html: t('preview-moved-up') });
    const added = await sendParts(messenger, to, parts.slice(kept.length), buttons);
    if (added.length > 0) await rememberPreview(services.db, noticeId, notice.draftChatId, [...kept, ...added]);
    else if (kept.length < ids.length) await rememberPreview(services.db, noticeId, notice.draftChatId, kept);
  } catch (error) {
    services.logger.warn({ err: error, notice: noticeId }, 'draft preview not edited');
  }
}

/** Sends parts in order, buttons on the last; returns the message ids. */
async function sendParts(messenger: Messenger, to: Address, parts: string[], buttons: Button[][]): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, html] of parts.entries()) {
    const sent = await messenger.send(to, { html, buttons: index === parts.length - 1 ? buttons : undefined });
    ids.push(sent.messageId);
  }
  return ids;
}
