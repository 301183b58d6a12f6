import 'dotenv/config';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { waitForShutdownSignal } from './shutdown-signal.js';

/**
 * `dondoc start` (`npm start`): runs the bot, migrating the database first. With no
 * BOT_TOKEN it is the local sandbox (emulator plus web chat page), else Telegram by long
 * polling or webhook.
 */
export async function run(): Promise<number> {
  const config = parseConfig(process.env);
  if (config.mode === 'sandbox') {
    const { run: runSandbox } = await import('./sandbox.js');
    return runSandbox();
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.telegram.token, config.mode === 'webhook' ? config.telegram.webhookSecret : undefined, config.dashboard.secret] });
  const { startApp } = await import('../app.js');
  const app = await startApp(config, { logger });
  console.log(`dondoc is running on Telegram as @${app.botUsername} (${config.mode === 'webhook' ? 'webhook' : 'long polling'}); health check at ${app.http.url}/healthz`);
  await waitForShutdownSignal();
  await app.stop();
  return 0;
}
