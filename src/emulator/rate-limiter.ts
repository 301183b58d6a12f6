import type { RateLimits } from './options.js';

/** A token bucket: `capacity` calls at once, refilled at `perSecond`. */
class Bucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Seconds until one token is available (0 when one is available now). */
  wait(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perSecond;
  }

  take(): void {
    this.tokens -= 1;
  }
}

/** Counts of refused calls, for tests that check the bot paces itself. */
export interface RateLimitStats {
  total429: number;
  byChat: Map<number, number>;
}

/**
 * Telegram's flood limits on messages a bot sends: per chat (about one a second, short bursts
 * allowed), per group (20 a minute) and overall (30 a second). A call is admitted only when every
 * bucket that applies has a token; a refused call takes none, and is answered with the whole
 * seconds until all of them would admit it, which is what `retry_after` means.
 */
export class RateLimiter {
  private readonly chatBuckets = new Map<number, Bucket>();
  private readonly groupBuckets = new Map<number, Bucket>();
  private readonly global: Bucket | undefined;
  readonly stats: RateLimitStats = { total429: 0, byChat: new Map() };

  constructor(
    private readonly limits: RateLimits | false,
    private readonly clock: () => number = Date.now,
  ) {
    this.global = limits ? new Bucket(limits.globalPerSecond, limits.globalPerSecond, clock()) : undefined;
  }

  /** Admits a message into a chat (returns 0) or returns the `retry_after` seconds and counts a 429. */
  admit(chatId: number, isGroup: boolean): number {
    const limits = this.limits;
    if (!limits || !this.global) return 0;
    const now = this.clock();
    const buckets = [
      bucketFor(this.chatBuckets, chatId, () => new Bucket(limits.perChatBurst, limits.perChatPerSecond, now)),
      this.global,
    ];
    if (isGroup) {
      buckets.push(bucketFor(this.groupBuckets, chatId, () => new Bucket(limits.perGroupPerMinute, limits.perGroupPerMinute / 60, now)));
    }
    const wait = Math.max(...buckets.map((bucket) => bucket.wait(now)));
    if (wait > 0) {
      this.stats.total429++;
      this.stats.byChat.set(chatId, (this.stats.byChat.get(chatId) ?? 0) + 1);
      return Math.max(1, Math.ceil(wait));
    }
    for (const bucket of buckets) bucket.take();
    return 0;
  }
}

function bucketFor(map: Map<number, Bucket>, key: number, create: () => Bucket): Bucket {
  let bucket = map.get(key);
  if (!bucket) {
    bucket = create();
    map.set(key, bucket);
  }
  return bucket;
}
