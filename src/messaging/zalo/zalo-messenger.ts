import type { Translate } from '../../i18n.js';
import { DeliveryError, type Address, type Button, type DeliveryFailure, type KeyboardButton, type LinkButton, type Messenger } from '../port.js';
import type { ChoiceMemory } from './choices.js';
import { numericMessageId } from './message-id.js';
import type { ZaloSentMessage } from './types.js';
import { ZaloApiError, type ZaloApi } from './zalo-api.js';
import { chunkZaloText, htmlToZaloText } from './zalo-text.js';

/**
 * The {@link Messenger} for Zalo. Zalo's Bot API sends text and pictures only, so:
 * HTML becomes plain text cut at 2000 characters on line boundaries; buttons become numbered
 * choices (see {@link ChoiceMemory}); a button's answer is a short message in the chat; an edit
 * is sent as a new message; documents cannot be sent. Backing off 429s is the client's job
 * ({@link ZaloApi}); what still fails becomes a {@link DeliveryError}.
 */
export function zaloMessenger(api: ZaloApi, choices: ChoiceMemory, t: Translate): Messenger {
  async function send(to: Address, html: string, keyboard: KeyboardButton[][] = []) {
    let text = htmlToZaloText(html);
    // A link cannot be a numbered choice: the bot never sees it opened. Its address is written out.
    const links = keyboard.flat().filter((button): button is LinkButton => 'url' in button);
    if (links.length > 0) text = [text, '', ...links.map((link) => `${link.text}: ${link.url}`)].join('\n');
    const buttons = keyboard.map((row) => row.filter((button): button is Button => 'data' in button)).filter((row) => row.length > 0);
    const numbered = buttons.length > 0 ? choices.allocate(to.chatId, buttons) : undefined;
    if (numbered) {
      const lines = numbered.choices.map((choice) => `${choice.number} — ${choice.text}`);
      text = [text, '', htmlToZaloText(t('zalo-choices-header')), ...lines].join('\n');
    }
    let messageId = 0;
    for (const part of chunkZaloText(text)) {
      const sent = await deliver(to, () => api.call<ZaloSentMessage>('sendMessage', { chat_id: to.chatId, text: part }));
      messageId = numericMessageId(sent.message_id);
    }
    numbered?.commit(messageId);
    return { messageId };
  }

  return {
    platform: 'ZALO',

    // Zalo cannot quote a message or open a reply box: replyToMessageId and forceReply do nothing.
    send: (to, message) => send(to, message.html, message.buttons),

    // Zalo cannot edit a sent message; the new version arrives as a new one.
    async edit(to, _messageId, message) {
      await send(to, message.html, message.buttons);
    },

    async sendDocument(to) {
      throw new DeliveryError('bad-request', to, 'Zalo bots cannot send documents');
    },

    // Zalo's sendPhoto takes only a public URL to fetch the picture from, never its bytes, and
    // dondoc publishes no files; so pictures are not sent on Zalo either.
    async sendPhoto(to) {
      throw new DeliveryError('bad-request', to, 'Zalo bots send photos only from a public URL');
    },

    async answerButton(chatId, text) {
      // A typed choice has no spinner to stop; only an answer with words is worth a message.
      if (text) await send({ platform: 'ZALO', chatId, threadId: 0 }, text);
    },

    async downloadFile() {
      throw new Error('Zalo bots receive no files');
    },

    // Zalo's Bot API cannot list a group's administrators. The group's own members are trusted:
    // whoever first sets up a Zalo group as an office becomes its admin (see the README).
    isChatAdmin: async () => true,
    // Nor its members: a Zalo choice is typed as a message, which only someone in the chat can send.
    isChatMember: async () => true,
  };
}

async function deliver<T>(to: Address, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ZaloApiError) throw new DeliveryError(failureOf(error), to, error.description);
    if (error instanceof TypeError) throw new DeliveryError('unavailable', to, 'network error');
    throw error;
  }
}

/** Maps the Bot API's answer to what a feature can act on. */
function failureOf(error: ZaloApiError): DeliveryFailure {
  if (error.errorCode === 403) return 'blocked';
  if (error.errorCode === 429 || error.errorCode >= 500) return 'unavailable';
  if (error.errorCode === 404 || /not found/i.test(error.description)) return 'chat-not-found';
  if (/too long|length/i.test(error.description)) return 'too-long';
  return 'bad-request';
}
