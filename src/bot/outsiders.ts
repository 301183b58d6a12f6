import { performance } from 'node:perf_hooks';

/**
 * People the platform said are not in a chat, remembered for a while (keys such as
 * `TELEGRAM:-100123:42`). A stranger pressing a forged button again and again is then refused
 * without asking the platform each time: one answer per person and chat every ten minutes.
 */
export class Outsiders {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly capacity = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  has(key: string): boolean {
    const until = this.until.get(key);
    if (until === undefined) return false;
    if (until > this.clock()) return true;
    this.until.delete(key);
    return false;
  }

  add(key: string): void {
    this.until.delete(key);
    this.until.set(key, this.clock() + this.ttlMs);
    // The oldest goes first: a Map keeps insertion order.
    if (this.until.size > this.capacity) this.until.delete(this.until.keys().next().value!);
  }
}
