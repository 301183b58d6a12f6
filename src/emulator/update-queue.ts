import type { Update } from 'grammy/types';
import { ApiError } from './api-error.js';

/**
 * An update before it is numbered: one field named after its type. Its payload is not narrowed
 * further because the emulator's messages are built as plain `Message` objects, while grammY's
 * update types distinguish channel from non-channel messages.
 */
export type UpdateBody = Partial<Record<Exclude<keyof Update, 'update_id'>, unknown>>;

/** Update kinds a bot gets when it asks for "all" (an empty `allowed_updates`), per the Bot API. */
const notByDefault = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface Poller {
  resolve(): void;
  reject(error: ApiError): void;
}

/**
 * The bot's pending updates, numbered in order. Updates stay queued until confirmed: by a
 * `getUpdates` whose offset is higher than their id, or by a webhook that answered 2xx. Only
 * one long poll may wait at a time; a second one ends the first with Telegram's 409.
 */
export class UpdateQueue {
  private readonly pending: Update[] = [];
  private nextId = 100_000_000 + Math.floor(Math.random() * 800_000_000);
  private allowed: readonly string[] = [];
  private poller: Poller | undefined;
  private readonly listeners = new Set<() => void>();

  /** How many updates wait for delivery. */
  get size(): number {
    return this.pending.length;
  }

  /** The update types the bot asked for last (empty: the default set). */
  get allowedUpdates(): readonly string[] {
    return this.allowed;
  }

  /** Remembers `allowed_updates` from getUpdates or setWebhook; absent means "keep the last setting". */
  setAllowedUpdates(types: readonly string[] | undefined): void {
    if (types !== undefined) this.allowed = types;
  }

  /** Calls `listener` whenever an update is queued; returns the unsubscribe function. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Numbers and queues an update, unless the bot did not ask for its type (then it is never created). */
  push(body: UpdateBody): Update | undefined {
    const type = Object.keys(body)[0] ?? '';
    const wanted = this.allowed.length === 0 ? !notByDefault.has(type) : this.allowed.includes(type);
    if (!wanted) return undefined;
    const update = { update_id: this.nextId++, ...body } as unknown as Update;
    this.pending.push(update);
    this.poller?.resolve();
    for (const listener of this.listeners) listener();
    return update;
  }

  /** The oldest pending update, for the webhook. */
  peek(): Update | undefined {
    return this.pending[0];
  }

  /** Confirms the oldest update if it is still `update` (a webhook delivered it). */
  confirm(update: Update): void {
    if (this.pending[0] === update) this.pending.shift();
  }

  /** Forgets every pending update (`drop_pending_updates`). */
  drop(): void {
    this.pending.length = 0;
  }

  /**
   * `getUpdates`: a positive offset confirms every update below it; a negative one keeps only
   * the last `-offset` updates. Returns at most `limit` updates, waiting up to `timeoutMs` for
   * the first one to arrive. `signal` ends the wait when the client goes away.
   */
  async poll(offset: number, limit: number, timeoutMs: number, signal: AbortSignal): Promise<Update[]> {
    if (offset > 0) {
      const firstKept = this.pending.findIndex((update) => update.update_id >= offset);
      this.pending.splice(0, firstKept === -1 ? this.pending.length : firstKept);
    } else if (offset < 0) {
      this.pending.splice(0, Math.max(0, this.pending.length + offset));
    }
    this.poller?.reject(
      new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
    );
    this.poller = undefined;
    if (this.pending.length === 0 && timeoutMs > 0 && !signal.aborted) {
      await new Promise<void>((resolve, reject) => {
        const release = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          if (this.poller === poller) this.poller = undefined;
        };
        const done = () => {
          release();
          resolve();
        };
        const poller: Poller = {
          resolve: done,
          reject: (error) => {
            release();
            reject(error);
          },
        };
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener('abort', done);
        this.poller = poller;
      });
    }
    return this.pending.slice(0, limit);
  }
}
