import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-url.js';

/**
 * The Prisma driver adapter factory for a database. Driver adapters run queries from
 * JavaScript (better-sqlite3, node-postgres), which is what lets dondoc use Prisma without its
 * native engines: nothing is downloaded at install or run time.
 */
export function createAdapterFactory(target: DatabaseTarget): PrismaBetterSqlite3 | PrismaPg {
  if (target.provider === 'postgresql') return new PrismaPg({ connectionString: target.url });
  if (target.file !== ':memory:') mkdirSync(path.dirname(target.file), { recursive: true });
  // busy_timeout lets a second connection (the migrator, a CLI next to a running bot) wait for
  // the writer instead of failing at once with SQLITE_BUSY.
  return new PrismaBetterSqlite3({ url: `file:${target.file}`, timeout: 5000 });
}
