/**
 * End-to-end harness for dondoc on Zalo alone: the Zalo Bot API emulator plus the REAL app
 * (`startApp` without a Telegram token), on a throw-away SQLite file.
 *
 * ```ts
 * const h = await startZaloHarness({ now: () => clock.now });
 * const ha = h.zalo.driver.createUser('Phạm Thu Hà');
 * await h.stop();
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';
import { createLogger } from '../../src/logger.js';

/** A running Zalo emulator and app; `stop()` ends both and deletes the database. */
export interface ZaloHarness {
  readonly zalo: ZaloEmulator;
  readonly app: RunningApp;
  stop(): Promise<void>;
}

/** Starts the Zalo emulator (its bot named "Bot Đôn Đốc") and the app against it, with the given clock. */
export async function startZaloHarness(options: { now: () => Date }): Promise<ZaloHarness> {
  const zalo = await startZaloEmulator({ botName: 'Bot Đôn Đốc' });
  const directory = await mkdtemp(path.join(tmpdir(), 'dondoc-zalo-'));
  const stopAll = async (app?: RunningApp) => {
    await app?.stop();
    await zalo.stop();
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const config = parseConfig({
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      HTTP_PORT: '0',
      DATABASE_URL: `file:${path.join(directory, 'dondoc.db')}`,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    });
    if (config.mode !== 'zalo') throw new Error(`expected Zalo alone, got ${config.mode}`);
    const app = await startApp(config, { logger: createLogger({ level: config.logLevel }), now: options.now });
    return { zalo, app, stop: () => stopAll(app) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
