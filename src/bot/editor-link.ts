/**
 * Hands the web draft editor's link to the secretary who asked for it. A link acts as the person
 * it is bound to until it expires, so it is only ever shown where that person alone reads it:
 * their private chat with the bot. Pressed in a group, the editor's button sends the link there;
 * a secretary who never wrote to the bot privately is told to do so first.
 */
import type { ButtonEvent } from '../messaging/port.js';
import { privateChatOf } from '../store/people.js';
import type { BotContext } from './context.js';
import { toastFor } from './platform-text.js';

/** The editor's button data under a group's preview; the link itself never goes to a group. */
export const editorButtonData = (noticeId: string): string => `nt:${noticeId}:edit`;

/**
 * Sends the presser (already checked to be the office's secretary) a link to edit `noticeId`,
 * with `lead` above it, in their private chat; answers the press either way.
 */
export async function sendEditorLinkPrivately(ctx: BotContext<ButtonEvent>, noticeId: string, lead?: string): Promise<void> {
  const editor = ctx.services.draftEditor;
  const platform = ctx.event.platform;
  const inPrivate = ctx.event.chat.kind === 'PRIVATE';
  const chatId = editor && (inPrivate ? ctx.event.chat.id : await privateChatOf(ctx.services.db, ctx.person.id));
  if (!editor || !chatId) return tell(ctx, 'editor-link-needs-private', true);
  const link = editor.linkFor({ noticeId, personId: ctx.person.id, platform, privateChat: true });
  await ctx.messenger.send({ platform, chatId, threadId: 0 }, { html: lead ?? ctx.t('editor-link-private'), buttons: [[{ text: ctx.t('button-editor'), ...link }]] });
  if (inPrivate) await ctx.messenger.answerButton(ctx.event.buttonId);
  else await tell(ctx, 'editor-link-sent', false);
}

/** Answers the press with a short text: a toast on Telegram, a line in the chat on Zalo, which has no toasts. */
async function tell(ctx: BotContext<ButtonEvent>, key: string, alert: boolean): Promise<void> {
  const text = ctx.t(key);
  const toast = toastFor(ctx.event.platform, text);
  await ctx.messenger.answerButton(ctx.event.buttonId, toast, alert);
  if (toast === undefined) await ctx.reply(text);
}
