import type { Message } from 'grammy/types';
import { badRequest } from '../api-error.js';
import type { Method, BotApi } from '../bot-api.js';
import { readReplyMarkup } from '../keyboards.js';
import { readCaption, readMessageText } from '../message-text.js';
import type { Params } from '../params.js';
import { unixNow, type ChatState, type StoredMessage } from '../state.js';
import { captionFields, postBotMessage, targetChat, textFields } from './sending.js';

/** sendMessage: text with parse mode, reply, thread, inline keyboard and link preview options. */
export const sendMessage: Method = (params, api) => {
  const state = targetChat(params, api);
  const formatted = readMessageText(params);
  const preview = params.json<Record<string, unknown>>('link_preview_options', "can't parse link preview options JSON object");
  return postBotMessage(params, api, state, {
    ...textFields(formatted),
    ...(preview && Object.keys(preview).length > 0 ? { link_preview_options: preview } : {}),
  });
};

/** editMessageText: new text (and keyboard: leaving it out removes the keyboard, as on Telegram). */
export const editMessageText: Method = (params, api) => {
  const { state, stored } = editableMessage(params, api);
  if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
  const formatted = readMessageText(params);
  return applyEdit(params, api, state, stored, { entities: undefined, ...textFields(formatted) });
};

/** editMessageCaption: a new caption for a document or photo. */
export const editMessageCaption: Method = (params, api) => {
  const { state, stored } = editableMessage(params, api);
  if (stored.message.text !== undefined) throw badRequest('there is no caption in the message to edit');
  return applyEdit(params, api, state, stored, { caption: undefined, caption_entities: undefined, ...captionFields(readCaption(params)) });
};

/** editMessageReplyMarkup: replaces or removes the inline keyboard. */
export const editMessageReplyMarkup: Method = (params, api) => {
  const { state, stored } = editableMessage(params, api);
  return applyEdit(params, api, state, stored, {});
};

function editableMessage(params: Params, api: BotApi): { state: ChatState; stored: StoredMessage } {
  // Inline-mode messages do not exist in the emulated world.
  if (params.has('inline_message_id')) throw badRequest('MESSAGE_ID_INVALID');
  const state = targetChat(params, api);
  const messageId = params.integer('message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  const stored = api.world.findMessage(state.chat.id, messageId);
  if (!stored) throw badRequest('message to edit not found');
  if (!stored.fromBot) throw badRequest("message can't be edited");
  return { state, stored };
}

function applyEdit(params: Params, api: BotApi, state: ChatState, stored: StoredMessage, changes: Record<string, unknown>): Message {
  const markup = readReplyMarkup(params, state.chat.type);
  const next: Record<string, unknown> = { ...stored.message, ...changes, reply_markup: markup };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  if (sameContent(stored.message, next)) {
    throw badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  }
  const edited = { ...next, edit_date: unixNow() } as unknown as Message;
  api.world.replaceMessage(state.chat.id, stored, edited);
  return edited;
}

function sameContent(current: Message, next: Record<string, unknown>): boolean {
  const fields = ['text', 'entities', 'caption', 'caption_entities', 'reply_markup'] as const;
  return fields.every((field) => JSON.stringify(current[field]) === JSON.stringify(next[field]));
}

/** deleteMessage: the bot's own messages, or anyone's where it is an administrator or in a private chat. */
export const deleteMessage: Method = (params, api) => {
  const state = targetChat(params, api);
  const messageId = params.integer('message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  deleteOne(api, state, messageId, true);
  return true;
};

/** deleteMessages: several at once; missing ones are skipped, as Telegram does. */
export const deleteMessages: Method = (params, api) => {
  const state = targetChat(params, api);
  const ids = params.json<number[]>('message_ids', "can't parse message identifiers JSON object");
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest('message identifiers are not specified');
  for (const id of ids) deleteOne(api, state, id, false);
  return true;
};

function deleteOne(api: BotApi, state: ChatState, messageId: number, strict: boolean): void {
  const stored = api.world.findMessage(state.chat.id, messageId);
  if (!stored) {
    if (strict) throw badRequest('message to delete not found');
    return;
  }
  const allowed = stored.fromBot || state.chat.type === 'private' || api.world.isAdmin(state, api.world.bot.id);
  if (!allowed) {
    if (strict) throw badRequest("message can't be deleted");
    return;
  }
  stored.deleted = true;
  api.world.emit({ kind: 'delete', chatId: state.chat.id, messageId });
}

const chatActions = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

/** sendChatAction: "typing…" and friends; recorded for the driver and the sandbox page. */
export const sendChatAction: Method = (params, api) => {
  const state = targetChat(params, api);
  const action = params.string('action') ?? '';
  if (!chatActions.has(action)) throw badRequest('wrong parameter action in request');
  const threadId = params.integer('message_thread_id');
  api.world.emit({ kind: 'chat_action', chatId: state.chat.id, action, ...(threadId !== undefined ? { threadId } : {}) });
  return true;
};
