import { localDateOf } from '../domain/zoned-time.js';
import { resolveLocale, type Translate } from '../i18n.js';
import type { Address, KeyboardButton, Messenger, Platform } from '../messaging/port.js';
import { loadNotice, previewMessagesOf, rememberPreview, replacePreview } from '../store/notices.js';
import type { BotContext, BotServices } from './context.js';
import { editorButtonData } from './editor-link.js';
import { splitMessage } from './html.js';
import { previewButtons, renderPreview } from './notice-preview.js';
import { platformTranslator } from './platform-text.js';

/** The chat a preview is shown in, as far as its buttons depend on it. */
interface PreviewChat {
  platform: Platform;
  privateChat: boolean;
}

/**
 * A draft's preview as messages: the HTML cut on line boundaries, and the buttons for the last
 * part, with the web editor's button above the last row.
 */
async function previewMessages(services: BotServices, noticeId: string, t: Translate, timeZone: string, chat: PreviewChat): Promise<{ parts: string[]; buttons: KeyboardButton[][] }> {
  const notice = await loadNotice(services.db, noticeId);
  // Suggestions name units that are not (yet) assigned, so their names come from the office's list.
  const units = await services.db.unit.findMany({ where: { officeId: notice.officeId, removedAt: null }, select: { id: true, name: true } });
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const today = localDateOf(services.now(), timeZone);
  const buttons: KeyboardButton[][] = previewButtons(notice, unitNames, t);
  if (services.draftEditor && notice.createdById) {
    // A link acts as the secretary it is bound to: a group, which every member reads, gets a
    // button that sends the presser their own link in private (editor-link.ts).
    const button = chat.privateChat
      ? { text: t('button-editor'), ...services.draftEditor.linkFor({ noticeId, personId: notice.createdById, ...chat }) }
      : { text: t('button-editor'), data: editorButtonData(noticeId) };
    buttons.splice(-1, 0, [button]);
  }
  return { parts: splitMessage(renderPreview(notice, t, timeZone, today)), buttons };
}

/**
 * Sends a draft's preview to the chat the command came from, and remembers its messages for
 * later edits; a copy posted before, if any, is remembered as stale, to lose its buttons on publishing.
 */
export async function sendPreview(ctx: BotContext, office: { timeZone: string }, noticeId: string): Promise<void> {
  const chat = { platform: ctx.event.platform, privateChat: ctx.event.chat.kind === 'PRIVATE' };
  const { parts, buttons } = await previewMessages(ctx.services, noticeId, ctx.t, office.timeZone, chat);
  const ids = await sendParts(ctx.messenger, ctx.here, parts, buttons);
  await replacePreview(ctx.services.db, noticeId, ctx.chat.id, ids);
}

/** What became of a preview asked to show a change: edited where it is, posted anew, or neither (no preview known, or both failed). */
export type PreviewOutcome = 'edited' | 'posted' | 'none';

/**
 * Edits a draft's preview where it is (after `/assign`, `/due`, a suggestion tap, or when the
 * draft was routed again because a unit joined), in the office's language and for the chat's
 * platform. A preview that grew by a message gets the new part sent after it; one that shrank
 * leaves a pointer in the message it no longer needs. A preview that cannot be edited (deleted,
 * too old, chat unreachable) is posted anew in the same chat and remembered; the old copy is
 * remembered too, so that publishing takes its buttons off.
 */
export async function editPreview(services: BotServices, noticeId: string): Promise<PreviewOutcome> {
  const notice = await services.db.notice.findUnique({ where: { id: noticeId }, include: { office: true } });
  if (!notice || notice.state !== 'DRAFT' || !notice.draftChatId || !notice.draftMessageId) return 'none';
  const chat = await services.db.chat.findUnique({ where: { id: notice.draftChatId } });
  const messenger = chat && services.messengers.get(chat.platform);
  if (!chat || !messenger) return 'none';
  const to: Address = { platform: chat.platform, chatId: chat.externalId, threadId: 0 };
  const t = platformTranslator(resolveLocale(notice.office.locale, services.defaultLocale), chat.platform);
  const { parts, buttons } = await previewMessages(services, noticeId, t, notice.office.timeZone, { platform: chat.platform, privateChat: chat.type === 'PRIVATE' });
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
    return 'edited';
  } catch (error) {
    services.logger.warn({ err: error, notice: noticeId }, 'draft preview not edited; posting it anew');
  }
  try {
    const posted = await sendParts(messenger, to, parts, buttons);
    await replacePreview(services.db, noticeId, notice.draftChatId, posted);
    return 'posted';
  } catch (error) {
    services.logger.warn({ err: error, notice: noticeId }, 'draft preview not posted anew');
    return 'none';
  }
}

/**
 * Shows a correction (`/assign`, `/due`) in the draft's preview: edited in place, or posted
 * anew where that fails; a draft with no preview to edit gets one in the chat of the command.
 */
export async function showCorrection(ctx: BotContext, office: { timeZone: string }, noticeId: string): Promise<void> {
  if ((await editPreview(ctx.services, noticeId)) === 'none') await sendPreview(ctx, office, noticeId);
}

/**
 * Takes the buttons off every copy of a draft's preview, the current one and the stale ones,
 * once the draft is published or cancelled, so that no "Phát hành" stays live in the chat. It
 * never fails the publishing: a message that cannot be changed keeps its buttons, and a press
 * on them is answered that the draft is closed.
 */
export async function retirePreview(services: BotServices, noticeId: string): Promise<void> {
  for (const { chat, messageId } of await previewMessagesOf(services.db, noticeId)) {
    const messenger = services.messengers.get(chat.platform);
    if (!messenger?.removeButtons) continue;
    try {
      await messenger.removeButtons({ platform: chat.platform, chatId: chat.externalId, threadId: 0 }, messageId);
    } catch (error) {
      services.logger.warn({ err: error, notice: noticeId, message: messageId }, 'preview buttons not removed');
    }
  }
}

/** Sends parts in order, buttons on the last; returns the message ids. */
async function sendParts(messenger: Messenger, to: Address, parts: string[], buttons: KeyboardButton[][]): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, html] of parts.entries()) {
    const sent = await messenger.send(to, { html, buttons: index === parts.length - 1 ? buttons : undefined });
    ids.push(sent.messageId);
  }
  return ids;
}
