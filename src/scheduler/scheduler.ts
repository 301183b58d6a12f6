import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import type { WorkingCalendar } from '../domain/calendar.js';
import type { Logger } from '../logger.js';
import type { Messenger, Platform } from '../messaging/port.js';
import type { Provider } from '../store/database-url.js';
import type { Db } from '../store/database.js';
import { createOutbox, DEFAULT_LEASE_MS } from '../store/outbox.js';
import { forgetProcessedUpdates } from '../store/processed-updates.js';
import { createPacer, DEFAULT_MESSAGES_PER_SECOND } from './pacing.js';
import { planWindow } from './plan-window.js';
import { createSender, type SendReport } from './sender.js';

/** Tunables of the scheduler; all have production defaults. */
export interface SchedulerOptions {
  /** How far back the first tick after a start catches up; older occurrences are dropped. Default 72 h. */
  horizonHours?: number;
  /** How long a claim is owned (see the lease policy in src/store/outbox.ts). */
  leaseMs?: number;
  /** Messages per second across all chats (Telegram allows about 30). */
  messagesPerSecond?: number;
  /** Chats claimed per round, and chats sent to concurrently. */
  batchChats?: number;
  concurrency?: number;
  /** This instance's name in the outbox's `leasedBy`; host, pid and a random suffix by default. */
  instanceId?: string;
}

/** What the scheduler needs from the running app. */
export interface SchedulerDeps {
  db: Db;
  provider: Provider;
  messengers: ReadonlyMap<Platform, Messenger>;
  logger: Logger;
  now(): Date;
  calendar: WorkingCalendar;
  /** The zone node-cron reads its minute in (Vietnam's by default, never the host's). */
  timeZone: string;
}

/** What one tick did. */
export interface TickReport extends SendReport {
  /** Reminders the planner found due in this tick's window (new or not). */
  planned: number;
  /** Of those, rows new to the outbox. */
  inserted: number;
  /** Rows dropped as older than the catch-up horizon. */
  skipped: number;
}

/** The running reminder scheduler; see {@link createScheduler}. */
export interface Scheduler {
  /** Plans the window since the last tick, then sends what is due. Ticks never overlap in one process. */
  tick(): Promise<TickReport>;
  /** Ticks once a minute on the wall clock of `timeZone`. */
  start(): void;
  /** Stops ticking and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/**
 * The reminder scheduler: each tick plans the occurrences since the previous tick into the
 * outbox and drains it. The first tick after a start plans back to the catch-up horizon, so
 * downtime is caught up; rows already in the outbox are ignored by key, so planning the same
 * window twice (a restart, a second instance) adds nothing. The sender turns a backlog into one
 * digest per chat.
 *
 * ```ts
 * const scheduler = createScheduler({ db, provider, messengers, logger, now, calendar, timeZone });
 * scheduler.start();
 * await scheduler.stop();
 * ```
 */
export function createScheduler(deps: SchedulerDeps, options: SchedulerOptions = {}): Scheduler {
  const horizonMs = (options.horizonHours ?? 72) * 3_600_000;
  const outbox = createOutbox(deps.db, deps.provider);
  const owner = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const sender = createSender(
    { db: deps.db, outbox, messengers: deps.messengers, logger: deps.logger, now: deps.now, pacer: createPacer(options.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND) },
    {
      owner,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      batchChats: options.batchChats ?? 100,
      concurrency: options.concurrency ?? 16,
      missedAfterMs: 15 * 60_000,
      maxAttempts: 6,
    },
  );
  // Planned through this instant; null before the first tick, which then reaches back to the horizon.
  let plannedThrough: Date | null = null;
  let updatesForgottenAt = -Infinity;
  let running: Promise<TickReport> = Promise.resolve(emptyReport());
  let task: ScheduledTask | undefined;

  async function runTick(): Promise<TickReport> {
    const now = deps.now();
    const horizon = new Date(now.getTime() - horizonMs);
    const from = plannedThrough && plannedThrough > horizon ? plannedThrough : horizon;
    const { planned, inserted, ms } = from < now ? await planWindow({ ...deps, outbox }, { from, to: now }) : { planned: 0, inserted: 0, ms: undefined };
    plannedThrough = now;
    const skipped = await outbox.skipStale(horizon);
    const sent = await sender.drain();
    // Housekeeping rides on the tick: once an hour, update ids older than a week go.
    if (now.getTime() - updatesForgottenAt >= 3_600_000) {
      await forgetProcessedUpdates(deps.db, new Date(now.getTime() - 7 * 86_400_000));
      updatesForgottenAt = now.getTime();
    }
    const report = { planned, inserted, skipped, ...sent };
    // With where planning spent its time, which grows with the offices and the open work.
    if (inserted + sent.messages + sent.failed + skipped > 0) deps.logger.info({ ...report, planningMs: ms }, 'reminder tick');
    return report;
  }

  function tick(): Promise<TickReport> {
    // Chained, so a manual tick and a cron tick in one process run one after the other.
    running = running.catch(() => emptyReport()).then(runTick);
    return running;
  }

  return {
    tick,
    start() {
      task ??= cron.schedule(
        '* * * * *',
        async () => {
          await tick().catch((error: unknown) => deps.logger.error({ err: error }, 'reminder tick failed'));
        },
        { timezone: deps.timeZone, noOverlap: true, name: 'dondoc-reminders' },
      );
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      await running.catch(() => undefined);
    },
  };
}

function emptyReport(): TickReport {
  return { planned: 0, inserted: 0, skipped: 0, messages: 0, sent: 0, failed: 0, retried: 0 };
}
