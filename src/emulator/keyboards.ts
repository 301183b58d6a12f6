import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { badRequest } from './api-error.js';
import type { Params } from './params.js';

/** The button fields of which an inline button must have exactly one. */
const actionFields = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
] as const;

/**
 * Reads and validates `reply_markup` for a message in a chat of type `chatType`. Only an inline
 * keyboard stays attached to the message (a reply keyboard or keyboard removal concerns the
 * user's client, and Telegram does not echo it), so the result is the inline keyboard, or
 * undefined. A `callback_data` outside 1–64 bytes is Telegram's `BUTTON_DATA_INVALID`; a
 * `web_app` button outside a private chat is `BUTTON_TYPE_INVALID`, and one whose URL is not
 * https is refused as Telegram refuses it.
 */
export function readReplyMarkup(params: Params, chatType: string): InlineKeyboardMarkup | undefined {
  const markup = params.json<Record<string, unknown>>('reply_markup', "can't parse reply keyboard markup JSON object");
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  if (!('inline_keyboard' in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw badRequest("can't parse inline keyboard button: Field \"inline_keyboard\" must be of type Array");
  const keyboard = (rows as unknown[][]).map((row) => row.map((button) => validateButton(button, chatType))).filter((row) => row.length > 0);
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}

function validateButton(value: unknown, chatType: string): InlineKeyboardButton {
  if (typeof value !== 'object' || value === null) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  const button = value as Record<string, unknown>;
  if (typeof button.text !== 'string') throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  const actions = actionFields.filter((field) => button[field] !== undefined);
  if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (button.callback_data !== undefined) {
    const data = String(button.callback_data);
    const bytes = Buffer.byteLength(data);
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  if (button.url !== undefined && !isButtonUrl(String(button.url))) {
    throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
  }
  if (button.web_app !== undefined) {
    if (chatType !== 'private') throw badRequest('BUTTON_TYPE_INVALID');
    const url = (button.web_app as { url?: unknown } | null)?.url;
    if (typeof url !== 'string' || !/^https:\/\//i.test(url)) throw badRequest(`inline keyboard button Web App URL '${String(url)}' is invalid: Only HTTPS links are allowed`);
  }
  return button as unknown as InlineKeyboardButton;
}

function isButtonUrl(url: string): boolean {
  if (/^tg:\/\//i.test(url)) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
