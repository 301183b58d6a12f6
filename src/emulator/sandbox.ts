import { startApp, type RunningApp } from '../app.js';
import type { Config } from '../config.js';
import { createWorkingCalendar } from '../domain/calendar.js';
import { loadCalendarOverrides } from '../domain/calendar-overrides.js';
import type { Logger } from '../logger.js';
import { openDatabase } from '../store/database.js';
import { seedDemoWorld } from './demo-world.js';
import { startEmulator, type Emulator } from './emulator.js';
import { createSandboxBackend } from './sandbox-backend.js';
import { createSandboxClock, type SandboxClock } from './sandbox-clock.js';
import { sandboxPageRoute } from './sandbox-page.js';
import { startZaloSandbox } from './zalo/zalo-sandbox.js';

/** A running sandbox: the real bot against the emulator, and the web chat page. */
export interface Sandbox {
  /** Address of the web chat page. */
  readonly pageUrl: string;
  readonly emulator: Emulator;
  readonly app: RunningApp;
  /** The bot's clock, which the page's clock control moves. */
  readonly clock: SandboxClock;
  stop(): Promise<void>;
}

/**
 * Runs dondoc with no Telegram at all: starts the emulator on a free loopback port, seeds the
 * demo world, and starts the real app against it by long polling, with the web chat page mounted
 * on the app's one HTTP server (`HTTP_HOST:HTTP_PORT`). The database is the configured one
 * (SQLite by default). Zalo officials are played the same way at `/zalo`, on the Zalo emulator.
 *
 * The app runs on a movable clock (see sandbox-clock.ts) that only the page's clock control
 * moves; its reminder scheduler is the production one, cron included. The page reads the bot's
 * database through a second connection of its own, for its guide and clock targets.
 */
export async function startSandbox(config: Config, logger: Logger): Promise<Sandbox> {
  const emulator = await startEmulator({ botUsername: 'dondoc_sandbox_bot', botName: 'dondoc' });
  // Zalo officials too, on the Zalo emulator, with a page at /zalo.
  const zalo = await startZaloSandbox();
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const demo = seedDemoWorld(emulator.driver);
    const { telegram: _ignored, ...common } = config as Config & { telegram?: unknown };
    const clock = createSandboxClock();
    let app: RunningApp | undefined;
    const backend = createSandboxBackend({
      db: () => {
        if (!database) throw new Error('Bot đang khởi động, hãy thử lại sau giây lát');
        return database.db;
      },
      driver: emulator.driver,
      demo,
      clock,
      calendar: createWorkingCalendar(await loadCalendarOverrides()),
      timeZone: config.timeZone,
      scheduler: () => app!.scheduler,
    });
    app = await startApp(
      // The sandbox never reaches a real platform, Zalo included, whatever `.env` says.
      {
        ...common,
        mode: 'polling',
        telegram: { token: emulator.token, apiRoot: emulator.apiRoot },
        zalo: { token: zalo.emulator.token, apiRoot: zalo.emulator.apiRoot, webhookUrl: undefined, webhookSecret: undefined, botName: zalo.emulator.world.botDisplayName },
      },
      { logger, now: clock.now, extraRoutes: [sandboxPageRoute(emulator, demo, backend), zalo.route] },
    );
    // Opened once the app has migrated the database.
    database = await openDatabase(config.databaseUrl);
    const running = app;
    const pageUrl = `${running.http.url}/`;
    logger.info({ pageUrl }, 'sandbox chat page is ready');
    return {
      pageUrl,
      emulator,
      app: running,
      clock,
      async stop() {
        await running.stop();
        await database?.close();
        await emulator.stop();
        await zalo.stop();
      },
    };
  } catch (error) {
    await database?.close();
    await emulator.stop();
    await zalo.stop();
    throw error;
  }
}
