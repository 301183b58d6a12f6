import 'dotenv/config';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { parseDatabaseUrl } from '../store/database-url.js';
import { applyMigrations } from '../store/migrations.js';

/**
 * `dondoc start` (`npm start`): migrates the database, then runs the bot: the local sandbox
 * when BOT_TOKEN is unset, else Telegram by long polling or webhook.
 */
export async function run(): Promise<number> {
  const config = parseConfig(process.env);
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.mode === 'sandbox' ? undefined : config.telegram.token, config.mode === 'webhook' ? config.telegram.webhookSecret : undefined],
  });
  const target = parseDatabaseUrl(config.databaseUrl);
  const applied = await applyMigrations(target, logger);
  logger.info({ database: target.provider === 'sqlite' ? target.file : 'postgresql', applied }, 'database ready');
  if (config.mode === 'sandbox') {
    logger.warn('BOT_TOKEN is not set and the sandbox has not landed yet (issue #4); nothing else to run.');
    return 0;
  }
  const { startApp } = await import('../app.js');
  const app = await startApp(config, { logger });
  await waitForShutdownSignal();
  await app.stop();
  return 0;
}

/** Resolves on SIGINT or SIGTERM, so that polling stops and the database closes cleanly. */
export function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
