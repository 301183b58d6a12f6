import 'dotenv/config';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { parseDatabaseUrl } from '../store/database-url.js';
import { applyMigrations } from '../store/migrations.js';

/** `dondoc migrate`: applies pending migrations to DATABASE_URL and says which. */
export async function run(): Promise<number> {
  const config = parseConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const target = parseDatabaseUrl(config.databaseUrl);
  const applied = await applyMigrations(target, logger);
  const where = target.provider === 'sqlite' ? target.file : 'PostgreSQL';
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `${where} is up to date.`);
  return 0;
}
