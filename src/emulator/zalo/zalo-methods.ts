import type { ZaloWorld } from './zalo-world.js';

/** A Bot API refusal, answered as `{ok: false, error_code, description}` with that HTTP status. */
export class ZaloRefusal extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** Zalo's limit on one message's text. */
const maxTextLength = 2000;

/** The longest a `getUpdates` waits; a client asking for more gets this. */
const maxPollSeconds = 50;

/** A method of the emulated Bot API: parameters in, `result` out, or a {@link ZaloRefusal}. */
type Method = (world: ZaloWorld, params: Record<string, unknown>) => unknown;

/**
 * The methods dondoc uses, as Zalo's Bot API answers them: one update per `getUpdates` and 408
 * when idle, webhooks with an 8–256-character secret, text up to 2000 characters, photos by
 * public URL only. Ids are strings and dates milliseconds.
 */
export const zaloMethods: Record<string, Method> = {
  getMe: (world) => world.bot,

  async getUpdates(world, params) {
    if (world.webhook) throw new ZaloRefusal(409, 'Conflict: a webhook is set; delete it to use getUpdates');
    const seconds = Math.min(Math.max(Number(params.timeout ?? 0) || 0, 0), maxPollSeconds);
    const update = await world.nextUpdate(seconds * 1000);
    if (!update) throw new ZaloRefusal(408, 'Request timeout');
    return update;
  },

  setWebhook(world, params) {
    const url = text(params.url);
    const secret = text(params.secret_token);
    if (!/^https?:\/\//.test(url)) throw new ZaloRefusal(400, 'Bad Request: url must be an http(s) URL');
    if (secret.length < 8 || secret.length > 256) throw new ZaloRefusal(400, 'Bad Request: secret_token must be 8 to 256 characters');
    world.webhook = { url, secret };
    return { url, updated_at: Date.now() };
  },

  getWebhookInfo: (world) => ({ url: world.webhook?.url ?? '', updated_at: Date.now() }),

  deleteWebhook(world) {
    world.webhook = null;
    return { url: '', updated_at: Date.now() };
  },

  sendMessage(world, params) {
    const chat = chatOf(world, params.chat_id);
    const body = text(params.text);
    if (body.length === 0) throw new ZaloRefusal(400, 'Bad Request: text is empty');
    if (body.length > maxTextLength) throw new ZaloRefusal(400, `Bad Request: text is too long (max ${maxTextLength} characters)`);
    const sent = world.sendByBot(chat.id, { text: body });
    return { message_id: sent.message_id, date: sent.date };
  },

  sendPhoto(world, params) {
    const chat = chatOf(world, params.chat_id);
    const photo = text(params.photo);
    if (!/^https?:\/\//.test(photo)) throw new ZaloRefusal(400, 'Bad Request: photo must be a public URL');
    const sent = world.sendByBot(chat.id, { text: text(params.caption), photo_url: photo });
    return { message_id: sent.message_id, date: sent.date };
  },

  sendChatAction(world, params) {
    chatOf(world, params.chat_id);
    if (params.action !== 'typing') throw new ZaloRefusal(400, 'Bad Request: action must be typing');
    return true;
  },
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function chatOf(world: ZaloWorld, id: unknown) {
  const chat = world.chats.get(text(id));
  if (!chat) throw new ZaloRefusal(400, 'Bad Request: chat not found');
  return chat;
}
