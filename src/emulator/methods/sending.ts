import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import { badRequest, tooManyRequests } from '../api-error.js';
import type { BotApi } from '../bot-api.js';
import { readReplyMarkup } from '../keyboards.js';
import type { FormattedText } from '../message-text.js';
import type { Params } from '../params.js';
import type { ChatState, MessageDraft, StoredMessage } from '../state.js';
import { threadFields } from '../threads.js';

/** The chat a sending method targets, after Telegram's 400/403 checks. */
export function targetChat(params: Params, api: BotApi): ChatState {
  const state = api.world.resolveChat(params.chatId());
  api.world.assertBotCanWrite(state);
  return state;
}

/** The message being replied to: `reply_parameters`, or the legacy `reply_to_message_id`. */
function replyTarget(params: Params, api: BotApi, state: ChatState): StoredMessage | undefined {
  const reply = params.json<{ message_id?: number; chat_id?: number | string; allow_sending_without_reply?: boolean }>(
    'reply_parameters',
    "can't parse reply parameters JSON object",
  );
  const messageId = reply?.message_id ?? params.integer('reply_to_message_id');
  if (messageId === undefined) return undefined;
  const allowMissing = reply?.allow_sending_without_reply ?? params.boolean('allow_sending_without_reply');
  const chat = reply?.chat_id !== undefined ? api.world.resolveChat(reply.chat_id) : state;
  const found = chat === state ? api.world.findMessage(state.chat.id, messageId) : undefined;
  if (!found && !allowMissing) throw badRequest('message to be replied not found');
  return found;
}

/** Text and entities as message fields: Telegram leaves `entities` out when there are none. */
export function textFields(formatted: FormattedText): { text: string; entities?: FormattedText['entities'] } {
  return formatted.entities.length > 0 ? { text: formatted.text, entities: formatted.entities } : { text: formatted.text };
}

/** A caption as message fields, or none. */
export function captionFields(formatted: FormattedText | undefined): { caption?: string; caption_entities?: FormattedText['entities'] } {
  if (!formatted) return {};
  return formatted.entities.length > 0 ? { caption: formatted.text, caption_entities: formatted.entities } : { caption: formatted.text };
}

/**
 * Posts the bot's message into a chat: reply and thread are resolved, the inline keyboard
 * validated, and only then the flood limits consulted, so an invalid call costs no quota.
 */
export function postBotMessage(params: Params, api: BotApi, state: ChatState, content: Record<string, unknown>): Message {
  const replyTo = replyTarget(params, api, state);
  const thread = threadFields(state, params.integer('message_thread_id'), replyTo);
  const markup: InlineKeyboardMarkup | undefined = readReplyMarkup(params, state.chat.type);
  const retryAfter = api.limiter.admit(state.chat.id, state.chat.type !== 'private');
  if (retryAfter > 0) throw tooManyRequests(retryAfter);
  const draft = { from: api.world.bot, ...thread, ...content, ...(markup ? { reply_markup: markup } : {}) } as MessageDraft;
  return api.world.addMessage(state.chat.id, draft, true).message;
}
