import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config.js';
import { startSandbox, type Sandbox } from '../../src/emulator/sandbox.js';
import { createLogger } from '../../src/logger.js';

/** A sandbox on a fresh SQLite file in a throw-away folder (a browser profile can live there too); `stop()` removes it all. */
export interface TempSandbox {
  readonly sandbox: Sandbox;
  readonly directory: string;
  stop(): Promise<void>;
}

export async function startTempSandbox(): Promise<TempSandbox> {
  const directory = await mkdtemp(path.join(tmpdir(), 'dondoc-sandbox-'));
  const config = parseConfig({ HTTP_PORT: '0', DATABASE_URL: `file:${path.join(directory, 'dondoc.db')}`, LOG_LEVEL: 'silent' });
  const sandbox = await startSandbox(config, createLogger({ level: 'silent' })).catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true });
    throw error;
  });
  return {
    sandbox,
    directory,
    async stop() {
      await sandbox.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
