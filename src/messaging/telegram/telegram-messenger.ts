import { GrammyError, HttpError, type Api } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { shorten } from '../../domain/short-text.js';
import { DeliveryError, type Address, type DeliveryFailure, type KeyboardButton, type Messenger, type OutgoingDocument, type OutgoingMessage, type Sent } from '../port.js';

/** Telegram's limit on the text of a callback query answer. */
const maxAnswerLength = 200;

/**
 * The {@link Messenger} for Telegram, over a grammY `Api` whose transformers already pace
 * requests and retry 429s and 5xx (see telegram-bot.ts); what still fails becomes a
 * {@link DeliveryError}.
 */
export function telegramMessenger(api: Api, download: (filePath: string) => Promise<Uint8Array>): Messenger {
  async function sendDocument(to: Address, document: OutgoingDocument): Promise<Sent> {
    const { InputFile } = await import('grammy');
    const sent = await deliver(to, (chatId) => api.sendDocument(chatId, new InputFile(document.bytes, document.fileName), fileOptions(to, document)));
    return { messageId: sent.message_id };
  }

  return {
    platform: 'TELEGRAM',

    async send(to, message) {
      const sent = await deliver(to, (chatId) =>
        api.sendMessage(chatId, message.html, {
          parse_mode: 'HTML',
          ...threadOptions(to),
          link_preview_options: { is_disabled: true },
          reply_parameters: message.replyToMessageId ? { message_id: message.replyToMessageId, allow_sending_without_reply: true } : undefined,
          reply_markup: markup(message),
        }),
      );
      return { messageId: sent.message_id };
    },

    async edit(to, messageId, message) {
      await deliver(to, (chatId) =>
        api.editMessageText(chatId, messageId, message.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: message.buttons ? inlineKeyboard(message.buttons) : undefined,
        }),
      ).catch((error: unknown) => {
        // Pressing the same button twice re-renders identical content; Telegram calls that an error.
        if (error instanceof DeliveryError && /message is not modified/.test(error.message)) return;
        throw error;
      });
    },

    async removeButtons(to, messageId) {
      await deliver(to, (chatId) => api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } })).catch((error: unknown) => {
        // Nothing left to take off: the buttons are already gone, or the message itself is.
        if (error instanceof DeliveryError && /message is not modified|message to edit not found|message can't be edited/.test(error.message)) return;
        throw error;
      });
    },

    sendDocument,

    async sendPhoto(to, photo) {
      const { InputFile } = await import('grammy');
      try {
        const sent = await deliver(to, (chatId) => api.sendPhoto(chatId, new InputFile(photo.bytes, photo.fileName), fileOptions(to, photo)));
        return { messageId: sent.message_id };
      } catch (error) {
        // A photo's sides may add up to 10,000 px at most, the longer one 20 times the shorter: a
        // chart of a few hundred units is taller than that, and reaches the chat as a file instead.
        if (error instanceof DeliveryError && /PHOTO_INVALID_DIMENSIONS/.test(error.message)) return sendDocument(to, photo);
        throw error;
      }
    },

    async answerButton(buttonId, text, alert) {
      await api
        .answerCallbackQuery(buttonId, { text: text ? shorten(text, maxAnswerLength) : undefined, show_alert: alert ?? false })
        // An answer that comes too late only means the spinner already stopped on the user's side.
        .catch((error: unknown) => {
          if (error instanceof GrammyError && error.error_code === 400) return;
          throw error;
        });
    },

    async downloadFile(file) {
      const info = await api.getFile(file.fileId);
      if (!info.file_path) throw new Error('Telegram returned no file_path');
      return download(info.file_path);
    },

    async isChatAdmin(chatId, userId) {
      const member = await api.getChatMember(Number(chatId), Number(userId));
      return member.status === 'creator' || member.status === 'administrator';
    },

    async isChatMember(chatId, userId) {
      const member = await api.getChatMember(Number(chatId), Number(userId));
      // A restricted user may still be in the group; one who left or was banned is not.
      return member.status === 'restricted' ? member.is_member : member.status !== 'left' && member.status !== 'kicked';
    },
  };
}

function threadOptions(to: Address) {
  return to.threadId > 0 ? { message_thread_id: to.threadId } : {};
}

/** What a document and a photo are sent with alike: the topic, an HTML caption, the message they answer. */
function fileOptions(to: Address, file: OutgoingDocument) {
  return {
    ...threadOptions(to),
    caption: file.captionHtml,
    parse_mode: file.captionHtml ? ('HTML' as const) : undefined,
    reply_parameters: file.replyToMessageId ? { message_id: file.replyToMessageId, allow_sending_without_reply: true } : undefined,
  };
}

function markup(message: OutgoingMessage): InlineKeyboardMarkup | { force_reply: true; selective: true } | undefined {
  if (message.buttons) return inlineKeyboard(message.buttons);
  // selective: only the person the message replies to gets the reply box, not the whole group.
  if (message.forceReply) return { force_reply: true, selective: true };
  return undefined;
}

function inlineKeyboard(buttons: KeyboardButton[][]): InlineKeyboardMarkup {
  return { inline_keyboard: buttons.map((row) => row.map(inlineButton)) };
}

function inlineButton(button: KeyboardButton): InlineKeyboardButton {
  if ('data' in button) return { text: button.text, callback_data: button.data };
  return button.webApp ? { text: button.text, web_app: { url: button.url } } : { text: button.text, url: button.url };
}

/**
 * Makes a Bot API call for an address and turns failures into {@link DeliveryError}s. A group
 * upgraded to a supergroup answers with its new id: the call is repeated there once (the
 * store follows through the service message the chat sends).
 */
async function deliver<T>(to: Address, call: (chatId: number) => Promise<T>): Promise<T> {
  try {
    return await call(Number(to.chatId)).catch((error: unknown) => {
      const migrated = error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
      if (migrated === undefined) throw error;
      return call(migrated);
    });
  } catch (error) {
    if (error instanceof GrammyError) throw new DeliveryError(failureOf(error), to, error.description);
    if (error instanceof HttpError) throw new DeliveryError('unavailable', to, 'network error');
    throw error;
  }
}

/** Maps the Bot API's answer to what a feature can act on. */
function failureOf(error: GrammyError): DeliveryFailure {
  if (error.error_code === 403) return 'blocked';
  if (error.error_code === 429 || error.error_code >= 500) return 'unavailable';
  if (/chat not found|thread not found/i.test(error.description)) return 'chat-not-found';
  if (/too long/i.test(error.description)) return 'too-long';
  return 'bad-request';
}
