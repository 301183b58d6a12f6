import type { Logger } from '../logger.js';
import { addressKey, type Address, type Messenger } from '../messaging/port.js';
import { splitMessage } from './html.js';

/**
 * Sends "recorded" acknowledgements without holding up the chat's next update.
 *
 * On a reporting day a group's officials report within seconds of each other, but Telegram
 * lets a bot post only about one message a second (20 a minute) into a group. Awaiting each
 * acknowledgement would make every later report in that group wait for the earlier replies.
 * Instead the report is committed, its acknowledgement queued, and while one send to a chat is
 * in flight the ones that arrive meanwhile are merged into the next message: fewer messages,
 * and nothing waits on Telegram's pacing.
 */
export class Acknowledgements {
  private readonly queues = new Map<string, { pending: { html: string; replyTo?: number }[]; running: Promise<void> }>();

  constructor(
    private readonly messengers: Map<string, Messenger>,
    private readonly logger: Logger,
  ) {}

  /** Queues an acknowledgement for a chat or topic; it is sent as soon as the chat's previous one is. */
  send(to: Address, html: string, replyTo?: number): void {
    const key = addressKey(to);
    const queue = this.queues.get(key);
    if (queue) {
      queue.pending.push({ html, replyTo });
      return;
    }
    const created = { pending: [{ html, replyTo }], running: Promise.resolve() };
    this.queues.set(key, created);
    created.running = this.drain(key, to, created.pending);
  }

  /** How many acknowledgements are queued or being sent, for the log of a stop that cannot wait for them. */
  pending(): number {
    return [...this.queues.values()].reduce((count, queue) => count + Math.max(1, queue.pending.length), 0);
  }

  /** Resolves when every queued acknowledgement has been sent or has failed (for a clean stop). */
  async settled(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()].map((queue) => queue.running));
  }

  private async drain(key: string, to: Address, pending: { html: string; replyTo?: number }[]): Promise<void> {
    const messenger = this.messengers.get(to.platform);
    while (pending.length > 0 && messenger) {
      const batch = pending.splice(0);
      // One acknowledgement replies to its report; a merged one stands on its own.
      const replyTo = batch.length === 1 ? batch[0]!.replyTo : undefined;
      for (const part of splitMessage(batch.map((item) => item.html).join('\n\n'))) {
        try {
          await messenger.send(to, { html: part, replyToMessageId: replyTo });
        } catch (error) {
          this.logger.warn({ err: error, chat: to.chatId }, 'acknowledgement not delivered');
        }
      }
    }
    this.queues.delete(key);
  }
}
