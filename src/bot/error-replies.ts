import { performance } from 'node:perf_hooks';

/** How many mistakes one person makes within {@link windowMs} before the bot stops answering them. */
export const errorReplyBurst = 5;
const windowMs = 60_000;
/** How long a person's mistakes then go unanswered. */
export const errorMuteMinutes = 10;
const muteMs = errorMuteMinutes * 60_000;
/** Past this many people tracked, the ones with nothing recent are forgotten. */
const sweepAbove = 10_000;

/** What to do about one error reply: send it, send it saying it is the last for a while, or drop it. */
export type ErrorReplyVerdict = 'answer' | 'answer-last' | 'drop';

/**
 * Keeps one member's mistakes from silencing a group. Telegram lets a bot post about 20
 * messages a minute into a group and a chat's updates are handled in order, so 60 invalid
 * commands answered one by one held a colleague's real command behind them for minutes. So:
 *
 * - a person's {@link errorReplyBurst}th mistake within a minute is answered saying so, and their
 *   mistakes then go unanswered for {@link errorMuteMinutes} minutes;
 * - an error reply is dropped while another error reply to the same chat is still waiting to go,
 *   so error replies never fill the chat's send queue ahead of real work.
 *
 * Time is the process's monotonic clock, not the bot's (tests and the sandbox move that one):
 * this is about how fast messages arrive, not about reporting days.
 */
export class ErrorReplies {
  private readonly recent = new Map<string, number[]>();
  private readonly mutedUntil = new Map<string, number>();
  private readonly pendingChats = new Set<string>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /**
   * Decides about the reply to a mistake of `person` in `chat` (any keys naming them). Every
   * mistake counts, answered or not. The one that mutes its author is always answered, so that
   * they learn why the bot falls silent: one message per person per mute, however busy the chat.
   */
  verdict(person: string, chat: string): ErrorReplyVerdict {
    const now = this.clock();
    if ((this.mutedUntil.get(person) ?? 0) > now) return 'drop';
    this.mutedUntil.delete(person);
    if (this.recent.size > sweepAbove) this.sweep(now);
    const times = (this.recent.get(person) ?? []).filter((time) => time > now - windowMs);
    times.push(now);
    if (times.length >= errorReplyBurst) {
      this.recent.delete(person);
      this.mutedUntil.set(person, now + muteMs);
      return 'answer-last';
    }
    this.recent.set(person, times);
    return this.pendingChats.has(chat) ? 'drop' : 'answer';
  }

  /** Runs the sending of an error reply to `chat`; until it ends, further error replies there are dropped. */
  sending(chat: string, send: () => Promise<void>): Promise<void> {
    this.pendingChats.add(chat);
    return send().finally(() => this.pendingChats.delete(chat));
  }

  private sweep(now: number): void {
    for (const [person, times] of this.recent) if (times.every((time) => time <= now - windowMs)) this.recent.delete(person);
    for (const [person, until] of this.mutedUntil) if (until <= now) this.mutedUntil.delete(person);
  }
}
