import type { ZaloEventName, ZaloUpdate } from '../../messaging/zalo/types.js';
import { deliverToWebhook, type ZaloWebhookDelivery } from './zalo-webhook-delivery.js';
import { newId, type ZaloChat, type ZaloStoredMessage, type ZaloUser, type ZaloWorld } from './zalo-world.js';

/** What to wait for in {@link ZaloDriver.waitForBotMessage}. */
export interface ZaloWaitOptions {
  /** Text must match: a RegExp, a substring, or a predicate. */
  match?: RegExp | string | ((message: ZaloStoredMessage) => boolean);
  /** Only messages after this number (default: after the driver's last user action). */
  since?: number;
  timeoutMs?: number;
}

/**
 * Plays the people on Zalo in tests and the sandbox, like the Telegram emulator's `Driver`:
 * create users and groups, write as a user, and wait for what the bot writes back.
 *
 * ```ts
 * const official = z.driver.createUser('Nguyễn Văn An');
 * z.driver.sendText(official, z.driver.privateChat(official), '/join ABCD2345 Phòng TN&MT');
 * await z.driver.waitForBotMessage(z.driver.privateChat(official), { match: /liên kết/ });
 * ```
 */
export class ZaloDriver {
  private lastActionSeq = 0;
  /** Every webhook POST made so far, with the status the bot answered. */
  readonly webhookDeliveries: ZaloWebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly sentUpdates = new Map<string, ZaloUpdate>();

  constructor(private readonly world: ZaloWorld) {}

  /** The number of the latest message, to pass as `since`. */
  mark(): number {
    return this.world.lastSeq;
  }

  /** Calls per Bot API method, for tests and benchmarks. */
  get calls(): Readonly<Record<string, number>> {
    return this.world.calls;
  }

  /** The next `count` calls of `method` are refused with `errorCode` (429: back off). */
  failNext(method: string, count: number, errorCode = 429): void {
    this.world.failNext(method, count, errorCode);
  }

  /**
   * Adds a Zalo user; their private chat with the bot has the same id. `nameField` says which
   * of the two documented fields their updates name them in.
   */
  createUser(displayName: string, options: { nameField?: ZaloUser['nameField'] } = {}): ZaloUser {
    const user: ZaloUser = { id: newId(), display_name: displayName, nameField: options.nameField ?? 'display_name' };
    this.world.users.set(user.id, user);
    this.world.chats.set(user.id, { id: user.id, chat_type: 'PRIVATE', title: displayName, members: new Set([user.id]) });
    return user;
  }

  /** The user's private chat with the bot. */
  privateChat(user: ZaloUser): ZaloChat {
    return this.world.chats.get(user.id)!;
  }

  /** Adds a group with the bot in it (Zalo groups for bots are a limited beta). */
  createGroup(title: string, members: ZaloUser[]): ZaloChat {
    const chat: ZaloChat = { id: newId(), chat_type: 'GROUP', title, members: new Set(members.map((member) => member.id)) };
    this.world.chats.set(chat.id, chat);
    return chat;
  }

  /**
   * A user writes text. In a group the bot sees it only when it mentions the bot or replies to
   * one of the bot's messages, as Zalo documents. `mention: true` writes "@<the bot's name as
   * users see it> " in front, as Zalo's mention picker does; an unmentioned group message that
   * is no reply reaches no one. Zalo's updates carry no quote, so a reply arrives as its text.
   */
  sendText(user: ZaloUser, chat: ZaloChat, text: string, options: { mention?: boolean; replyTo?: ZaloStoredMessage } = {}): ZaloStoredMessage {
    const said = options.mention ? `@${this.world.botDisplayName} ${text}` : text;
    return this.post(user, chat, 'message.text.received', { text: said }, this.reachesBot(chat, said, options.replyTo));
  }

  /** A user sends a picture (with an optional caption); Zalo gives bots its URL. */
  sendImage(user: ZaloUser, chat: ZaloChat, photoUrl: string, caption?: string): ZaloStoredMessage {
    return this.post(user, chat, 'message.image.received', { photo_url: photoUrl, text: caption }, this.reachesBot(chat, caption ?? ''));
  }

  /** A user sends something bots cannot read (a file, a voice message). */
  sendUnsupported(user: ZaloUser, chat: ZaloChat): ZaloStoredMessage {
    return this.post(user, chat, 'message.unsupported.received', {}, this.reachesBot(chat, ''));
  }

  /** Zalo sends a message's update again, as a retried webhook would; the bot must not act twice. */
  resend(message: ZaloStoredMessage): void {
    const update = this.sentUpdates.get(message.message_id);
    if (!update) throw new Error(`message ${message.message_id} never reached the bot`);
    this.deliver(update);
  }

  /** The bot's messages in a chat, oldest first. */
  botMessages(chat: ZaloChat): ZaloStoredMessage[] {
    return this.world.messages.filter((message) => message.fromBot && message.chat_id === chat.id);
  }

  /** Waits for the bot to write in a chat, after the driver's last user action unless `since` says otherwise. */
  async waitForBotMessage(chat: ZaloChat, options: ZaloWaitOptions = {}): Promise<ZaloStoredMessage> {
    const since = options.since ?? this.lastActionSeq;
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      const found = this.botMessages(chat).find((message) => message.seq > since && matches(message, options.match));
      if (found) return found;
      if (Date.now() > deadline) {
        const recent = this.botMessages(chat).slice(-5).map((message) => JSON.stringify(message.text));
        throw new Error(`timed out waiting for a bot message in Zalo chat "${chat.title}"${options.match ? ` matching ${String(options.match)}` : ''}; its last ones: ${recent.join(', ') || 'none'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Resolves when every webhook delivery started so far has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /** Zalo delivers every private message, and a group's only when it mentions the bot or replies to it. */
  private reachesBot(chat: ZaloChat, text: string, replyTo?: ZaloStoredMessage): boolean {
    return chat.chat_type === 'PRIVATE' || text.includes(`@${this.world.botDisplayName}`) || replyTo?.fromBot === true;
  }

  private post(user: ZaloUser, chat: ZaloChat, eventName: ZaloEventName, content: { text?: string; photo_url?: string }, seen: boolean): ZaloStoredMessage {
    const { stored, update } = this.world.receive(user, chat, eventName, content);
    this.lastActionSeq = stored.seq;
    if (seen) {
      this.sentUpdates.set(stored.message_id, update);
      this.deliver(update);
    }
    return stored;
  }

  private deliver(update: ZaloUpdate): void {
    const webhook = this.world.webhook;
    if (!webhook) {
      this.world.enqueue(update);
      return;
    }
    const delivery = deliverToWebhook(webhook, update).then((attempts) => this.webhookDeliveries.push(...attempts));
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }
}

function matches(message: ZaloStoredMessage, match: ZaloWaitOptions['match']): boolean {
  if (match === undefined) return true;
  if (typeof match === 'string') return message.text.includes(match);
  if (match instanceof RegExp) return match.test(message.text);
  return match(message);
}
