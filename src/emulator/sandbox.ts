import { startApp, type RunningApp } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { seedDemoWorld } from './demo-world.js';
import { startEmulator, type Emulator } from './emulator.js';
import { sandboxPageRoute } from './sandbox-page.js';
import { startZaloSandbox } from './zalo/zalo-sandbox.js';

/** A running sandbox: the real bot against the emulator, and the web chat page. */
export interface Sandbox {
  /** Address of the web chat page. */
  readonly pageUrl: string;
  readonly emulator: Emulator;
  readonly app: RunningApp;
  stop(): Promise<void>;
}

/**
 * Runs dondoc with no Telegram at all: starts the emulator on a free loopback port, seeds the
 * demo world, and starts the real app against it by long polling, with the web chat page mounted
 * on the app's one HTTP server (`HTTP_HOST:HTTP_PORT`). The database is the configured one
 * (SQLite by default). Zalo officials are played the same way at `/zalo`, on the Zalo emulator.
 */
export async function startSandbox(config: Config, logger: Logger): Promise<Sandbox> {
  const emulator = await startEmulator({ botUsername: 'dondoc_sandbox_bot', botName: 'dondoc' });
  // Zalo officials too, on the Zalo emulator, with a page at /zalo.
  const zalo = await startZaloSandbox();
  try {
    const demo = seedDemoWorld(emulator.driver);
    const { telegram: _ignored, ...common } = config as Config & { telegram?: unknown };
    const app = await startApp(
      // The sandbox never reaches a real platform, Zalo included, whatever `.env` says.
      {
        ...common,
        mode: 'polling',
        telegram: { token: emulator.token, apiRoot: emulator.apiRoot },
        zalo: { token: zalo.emulator.token, apiRoot: zalo.emulator.apiRoot, webhookUrl: undefined, webhookSecret: undefined, botName: zalo.emulator.world.botDisplayName },
      },
      { logger, extraRoutes: [sandboxPageRoute(emulator, demo), zalo.route] },
    );
    const pageUrl = `${app.http.url}/`;
    logger.info({ pageUrl }, 'sandbox chat page is ready');
    return {
      pageUrl,
      emulator,
      app,
      async stop() {
        await app.stop();
        await emulator.stop();
        await zalo.stop();
      },
    };
  } catch (error) {
    await emulator.stop();
    await zalo.stop();
    throw error;
  }
}
