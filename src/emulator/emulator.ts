import type { AddressInfo } from 'node:net';
import type { User } from 'grammy/types';
import { BotApi } from './bot-api.js';
import { Driver } from './driver.js';
import { resolveOptions, type EmulatorOptions } from './options.js';
import { createApiServer } from './server.js';

/** A running emulator: the Bot API root to give grammY, the bot's token, and the test driver. */
export interface Emulator {
  /** The `apiRoot` for grammY (`new Bot(token, { client: { apiRoot } })`). */
  readonly apiRoot: string;
  readonly token: string;
  /** The emulated bot as a user. */
  readonly bot: User;
  readonly driver: Driver;
  /** The in-process API, for benchmarks and white-box tests. */
  readonly api: BotApi;
  stop(): Promise<void>;
}

/**
 * Starts the local Telegram Bot API emulator on loopback (port 0 by default picks a free one).
 *
 * ```ts
 * const emulator = await startEmulator({ rateLimits: false });
 * const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const api = new BotApi(resolved);
  const server = createApiServer(api);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  return {
    apiRoot: `http://${host}:${port}`,
    token: resolved.token,
    bot: api.world.bot,
    driver: new Driver(api),
    api,
    stop: () =>
      new Promise<void>((resolve) => {
        api.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
