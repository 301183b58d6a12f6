/**
 * The sandbox's movable clock. The sandbox gives `now` of this clock to the app (`AppOptions.now`),
 * so the bot, its dashboard and its reminder scheduler all read the same moved time; production
 * starts the app without one, and its clock is the wall clock. Only the sandbox page's route can
 * move it (see sandbox-page.ts).
 */
export interface SandboxClock {
  now(): Date;
  /** Whether the clock is ahead of the wall clock. */
  readonly moved: boolean;
  /** From now on the clock reads `instant`, then runs on from there as the wall clock does. */
  set(instant: Date): void;
  /** Back to the wall clock. */
  reset(): void;
}

export function createSandboxClock(wall: () => number = Date.now): SandboxClock {
  let offsetMs = 0;
  return {
    now: () => new Date(wall() + offsetMs),
    get moved() {
      return offsetMs !== 0;
    },
    set(instant) {
      offsetMs = instant.getTime() - wall();
    },
    reset() {
      offsetMs = 0;
    },
  };
}

/**
 * Moves `clock` forward to `target` the way the days would pass: it stops at each of `stops` (the
 * offices' reminder times on the way, in order) and at `target`, and runs `tick` at each, which is
 * the production scheduler's tick. Each day's reminders are so planned and sent at their own time,
 * as the minute cron would have done, instead of arriving all at once as a digest of "missed"
 * reminders, and none falls beyond the scheduler's catch-up horizon. Returns how many ticks ran.
 */
export async function walkClock(clock: SandboxClock, target: Date, stops: readonly Date[], tick: () => Promise<unknown>): Promise<number> {
  const from = clock.now();
  const path = [...stops.filter((stop) => stop > from && stop < target), target];
  for (const stop of path) {
    clock.set(stop);
    await tick();
  }
  return path.length;
}
