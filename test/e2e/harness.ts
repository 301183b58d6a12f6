/**
 * End-to-end harness: the emulator plus the REAL app (`startApp`), wired as in production except
 * that Telegram is the emulator and the database is a throw-away SQLite file.
 *
 * ```ts
 * const h = await startHarness();
 * const secretary = h.driver.createUser({ firstName: 'Thu' });
 * const office = h.driver.createGroup({ title: 'Văn phòng', admins: [secretary] });
 * h.driver.sendCommand(secretary, office, '/setup');
 * const reply = await h.driver.waitForBotMessage(office, { match: /văn phòng/i });
 * await h.stop();
 * ```
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp, type TelegramConfig } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import type { Driver } from '../../src/emulator/driver.js';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';
import type { EmulatorOptions } from '../../src/emulator/options.js';
import { createLogger } from '../../src/logger.js';

/** How {@link startHarness} sets things up. */
export interface HarnessOptions {
  /** Long polling (default) or a webhook served by the app's HTTP server. */
  mode?: 'polling' | 'webhook';
  /** Path of the app's webhook route in webhook mode. */
  webhookPath?: string;
  /** In webhook mode, whether WEBHOOK_SECRET is configured (default yes); without it the app draws one. */
  webhookSecret?: boolean;
  /** Emulator options; limits are Telegram's unless switched off here. */
  emulator?: EmulatorOptions;
  /** Extra environment variables for `parseConfig` (DONDOC_TIMEZONE, DONDOC_LOCALE…). */
  env?: Record<string, string>;
  /** pino level of the app's logger; silent by default to keep test output readable (E2E_LOG_LEVEL overrides). */
  logLevel?: string;
  /** The app's clock; the real one by default. */
  now?: () => Date;
  /** Whether the app paces its calls to Telegram's limits (on by default, as in production). */
  throttle?: boolean;
}

/** A running emulator and app; `stop()` ends both and deletes the database. */
export interface Harness {
  readonly emulator: Emulator;
  readonly driver: Driver;
  readonly app: RunningApp;
  readonly config: TelegramConfig;
  readonly botUsername: string;
  /** `file:` URL of the throw-away SQLite database. */
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

/** Starts the emulator and the real app against it, on free loopback ports and a fresh SQLite file. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const directory = await mkdtemp(path.join(tmpdir(), 'dondoc-e2e-'));
  const databaseUrl = `file:${path.join(directory, 'dondoc.db')}`;
  const emulator = await startEmulator(options.emulator);
  let app: RunningApp | undefined;
  try {
    const mode = options.mode ?? 'polling';
    // A webhook URL must be known before the app starts, so webhook mode reserves a port first.
    const port = mode === 'webhook' ? await freePort() : 0;
    const env: Record<string, string> = {
      ...options.env,
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: options.logLevel ?? process.env.E2E_LOG_LEVEL ?? 'silent',
    };
    if (mode === 'webhook') {
      env.WEBHOOK_URL = `http://127.0.0.1:${port}${options.webhookPath ?? '/telegram/webhook'}`;
      if (options.webhookSecret !== false) env.WEBHOOK_SECRET = randomBytes(16).toString('hex');
    }
    const config = parseConfig(env);
    if (config.mode === 'sandbox' || config.mode === 'zalo') throw new Error('harness: BOT_TOKEN did not reach the configuration');
    const logger = createLogger({ level: config.logLevel, secrets: [emulator.token, env.WEBHOOK_SECRET] });
    app = await startApp(config, { logger, now: options.now, throttle: options.throttle });
    const running = app;
    return {
      emulator,
      driver: emulator.driver,
      app: running,
      config,
      botUsername: running.botUsername,
      databaseUrl,
      async stop() {
        await running.stop();
        await emulator.stop();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.stop();
    await emulator.stop();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
