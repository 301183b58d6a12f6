import type { AddressInfo } from 'node:net';
import { ZaloDriver } from './zalo-driver.js';
import { createZaloApiServer } from './zalo-server.js';
import { newId, ZaloWorld } from './zalo-world.js';

/** How {@link startZaloEmulator} sets up. */
export interface ZaloEmulatorOptions {
  /** Loopback by default; port 0 picks a free one. */
  host?: string;
  port?: number;
  /** The bot's name as Zalo users see it, written by the mention picker after "@" (getMe does not return it). */
  botName?: string;
}

/** A running Zalo emulator: the API root and token for the adapter, and the driver. */
export interface ZaloEmulator {
  /** `ZALO_API_ROOT` for the adapter. */
  readonly apiRoot: string;
  /** `ZALO_BOT_TOKEN` for the adapter. */
  readonly token: string;
  readonly driver: ZaloDriver;
  readonly world: ZaloWorld;
  stop(): Promise<void>;
}

/**
 * Starts a local emulator of Zalo's official Bot API, for the e2e tests and the sandbox.
 *
 * ```ts
 * const zalo = await startZaloEmulator();
 * const env = { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot };
 * ```
 */
export async function startZaloEmulator(options: ZaloEmulatorOptions = {}): Promise<ZaloEmulator> {
  const world = new ZaloWorld(options.botName ?? 'Bot Đôn Đốc');
  // Zalo tokens look like "<digits>:<secret>", as Telegram's do.
  const token = `${Math.floor(Math.random() * 1e9)}:${newId()}`;
  const server = createZaloApiServer(world, token);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const driver = new ZaloDriver(world);
  return {
    apiRoot: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    token,
    driver,
    world,
    async stop() {
      world.wakeAll();
      await driver.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
