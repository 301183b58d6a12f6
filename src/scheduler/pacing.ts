import { setTimeout as sleep } from 'node:timers/promises';

/** Hands out evenly spaced send slots; see {@link createPacer}. */
export interface Pacer {
  /** Resolves when the caller may send its next message. */
  acquire(): Promise<void>;
}

/** Just under Telegram's 30 messages a second overall, so that jitter never tips a second over. */
export const DEFAULT_MESSAGES_PER_SECOND = 29;

/**
 * Paces a fan-out to `perSecond` messages a second, one slot every `1000 / perSecond` ms,
 * whatever the number of concurrent senders.
 *
 * Why evenly spaced rather than a bucket of 30 refilled each second: Telegram (and the
 * emulator) count in a sliding window, so a burst of 30 at the end of one second and another at
 * the start of the next is 60 in one window and earns 429s. The grammY throttler in the
 * Telegram adapter still guards the per-chat and per-group limits; this keeps the global rate
 * smooth, which is what a 2,000-group reporting day needs.
 */
export function createPacer(perSecond: number = DEFAULT_MESSAGES_PER_SECOND, clock: () => number = Date.now): Pacer {
  if (!(perSecond > 0)) throw new RangeError(`a positive rate, not ${perSecond}`);
  const interval = 1000 / perSecond;
  let nextSlot = 0;
  return {
    async acquire() {
      const now = clock();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      if (slot > now) await sleep(slot - now);
    },
  };
}
