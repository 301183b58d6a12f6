import { randomBytes } from 'node:crypto';
import type { ZaloBotInfo, ZaloEventName, ZaloUpdate } from '../../messaging/zalo/types.js';

/** A Zalo user of the emulated world. Ids are strings, as on Zalo. */
export interface ZaloUser {
  id: string;
  display_name: string;
  /**
   * The field an update names the sender in: Zalo's documentation shows `display_name` in some
   * samples and `first_name` in others, so a bot must read either.
   */
  nameField: 'display_name' | 'first_name';
}

/** A chat: a user's private chat with the bot (same id as the user), or a group. */
export interface ZaloChat {
  id: string;
  chat_type: 'PRIVATE' | 'GROUP';
  title: string;
  members: Set<string>;
}

/** A message in the world, from a user or from the bot, numbered in the order it happened. */
export interface ZaloStoredMessage {
  seq: number;
  message_id: string;
  chat_id: string;
  from_id: string;
  fromBot: boolean;
  text: string;
  photo_url?: string;
  /** Milliseconds since the epoch. */
  date: number;
}

/** A refusal a test asks for: the next `count` calls of `method` fail with `errorCode`. */
interface Fault {
  method: string;
  count: number;
  errorCode: number;
}

/**
 * The state of the emulated Zalo: the bot, users, chats, every message, the queue of updates
 * waiting for `getUpdates`, the webhook, and injected faults. Methods and the driver share it.
 */
export class ZaloWorld {
  /** What `getMe` answers: as documented, an id and an account handle, no display name. */
  readonly bot: ZaloBotInfo;
  readonly users = new Map<string, ZaloUser>();
  readonly chats = new Map<string, ZaloChat>();
  readonly messages: ZaloStoredMessage[] = [];
  readonly calls: Record<string, number> = {};
  webhook: { url: string; secret: string } | null = null;
  private readonly updates: ZaloUpdate[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly faults: Fault[] = [];
  private seq = 0;

  /**
   * @param botDisplayName the bot's name as Zalo users see it, which Zalo's mention picker
   * writes after "@"; the Bot API never tells it to the bot.
   */
  constructor(readonly botDisplayName: string) {
    this.bot = { id: newId(), account_name: `bot.${randomBytes(6).toString('base64url')}`, account_type: 'BASIC', can_join_groups: true };
  }

  /** The number of the latest message, for waits that look only at what comes after. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Stores a user's message and makes it an update: queued for getUpdates, or posted to the webhook by the caller. */
  receive(user: ZaloUser, chat: ZaloChat, eventName: ZaloEventName, content: { text?: string; photo_url?: string }): { stored: ZaloStoredMessage; update: ZaloUpdate } {
    const stored = this.store({ chat_id: chat.id, from_id: user.id, fromBot: false, text: content.text ?? '', photo_url: content.photo_url });
    const update: ZaloUpdate = {
      event_name: eventName,
      message: {
        message_id: stored.message_id,
        from: { id: user.id, [user.nameField]: user.display_name, is_bot: false },
        chat: { id: chat.id, chat_type: chat.chat_type },
        ...(content.text !== undefined && eventName === 'message.text.received' ? { text: content.text } : {}),
        ...(content.photo_url ? { photo_url: content.photo_url, ...(content.text ? { caption: content.text } : {}) } : {}),
        date: stored.date,
      },
    };
    return { stored, update };
  }

  /** Stores a message the bot sent. */
  sendByBot(chatId: string, content: { text: string; photo_url?: string }): ZaloStoredMessage {
    return this.store({ chat_id: chatId, from_id: this.bot.id, fromBot: true, ...content });
  }

  /** Queues an update for getUpdates and wakes a waiting poll. */
  enqueue(update: ZaloUpdate): void {
    this.updates.push(update);
    for (const wake of this.waiters) wake();
  }

  /** Takes the oldest queued update, waiting up to `timeoutMs` for one; null when none came. */
  async nextUpdate(timeoutMs: number): Promise<ZaloUpdate | null> {
    if (this.updates.length === 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        this.waiters.add(wake);
      });
    }
    return this.updates.shift() ?? null;
  }

  /** Ends every waiting poll (on stop). */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** The next `count` calls of `method` are refused with `errorCode` (429 by default). */
  failNext(method: string, count: number, errorCode = 429): void {
    this.faults.push({ method, count, errorCode });
  }

  /** The error code of an injected refusal for this call, using it up; undefined when the call goes through. */
  takeFault(method: string): number | undefined {
    const fault = this.faults.find((candidate) => candidate.method === method && candidate.count > 0);
    if (!fault) return undefined;
    fault.count -= 1;
    return fault.errorCode;
  }

  private store(message: Omit<ZaloStoredMessage, 'seq' | 'message_id' | 'date'>): ZaloStoredMessage {
    this.seq += 1;
    const stored = { ...message, seq: this.seq, message_id: newId(), date: Date.now() };
    this.messages.push(stored);
    return stored;
  }
}

/** Zalo's ids look like 20 hex digits. */
export function newId(): string {
  return randomBytes(10).toString('hex');
}
