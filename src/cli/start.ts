import 'dotenv/config';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { exitWithin, waitForShutdownSignal } from './shutdown-signal.js';

/**
 * `dondoc start` (`npm start`): runs the bot, migrating the database first. With no
 * BOT_TOKEN nor ZALO_BOT_TOKEN it is the local sandbox (emulator plus web chat page), else
 * Telegram and/or Zalo by long polling or webhook.
 */
export async function run(): Promise<number> {
  const config = parseConfig(process.env);
  if (config.mode === 'sandbox') {
    const { run: runSandbox } = await import('./sandbox.js');
    return runSandbox();
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [
      config.mode === 'zalo' ? undefined : config.telegram.token,
      config.mode === 'webhook' ? config.telegram.webhookSecret : undefined,
      config.zalo?.token,
      config.zalo?.webhookSecret,
      config.dashboard.secret,
    ],
  });
  const { startApp } = await import('../app.js');
  const app = await startApp(config, { logger });
  const platform = config.mode === 'zalo' ? `Zalo as ${app.botUsername}` : `Telegram as @${app.botUsername}${config.zalo ? ' and on Zalo' : ''}`;
  console.log(`dondoc is running on ${platform} (${config.mode === 'webhook' ? 'webhook' : 'long polling'}); health check at ${app.http.url}/healthz`);
  await waitForShutdownSignal();
  // stop() waits at most 10 s for sends in flight; should closing itself hang, the process still ends.
  exitWithin(20_000, 1);
  await app.stop();
  exitWithin(1_000, 0);
  return 0;
}
