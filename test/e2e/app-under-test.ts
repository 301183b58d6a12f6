import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp, type TelegramConfig } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';
import type { EmulatorOptions } from '../../src/emulator/options.js';

/** The real app against the emulator over HTTP, on a throw-away SQLite file, with a clock the test moves. */
export interface AppUnderTest {
  emulator: Emulator;
  app: RunningApp;
  clock: { now: Date };
  stop(): Promise<void>;
}

export async function startAppUnderTest(options: { now: Date; emulator?: EmulatorOptions; databaseUrl?: string }): Promise<AppUnderTest> {
  const emulator = await startEmulator({ rateLimits: false, botUsername: 'dondoc_test_bot', ...options.emulator });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-e2e-'));
  const config = parseConfig({
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: options.databaseUrl ?? `file:${path.join(dir, 'e2e.db')}`,
    HTTP_PORT: '0',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
  }) as TelegramConfig;
  const clock = { now: options.now };
  const app = await startApp(config, { logger: createLogger({ level: config.logLevel }), now: () => clock.now, throttle: false });
  return {
    emulator,
    app,
    clock,
    async stop() {
      await app.stop();
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
