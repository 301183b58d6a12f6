import { closeSync, mkdirSync, openSync } from 'node:fs';
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
  if (target.file !== ':memory:') createPrivately(target.file);
  // busy_timeout lets a second connection (the migrator, a CLI next to a running bot) wait for
  // the writer instead of failing at once with SQLITE_BUSY.
  return new PrismaBetterSqlite3({ url: `file:${target.file}`, timeout: 5000 });
}

/**
 * Creates the SQLite file, when it does not exist yet, readable by its owner alone: it holds
 * every official's name and every report. Left to SQLite it would be 0644 under the usual umask,
 * readable by every user of the machine. SQLite gives the `-wal` and `-shm` files it creates
 * later the database file's own permissions, so they are 0600 too. An existing file is left as
 * its owner set it.
 */
function createPrivately(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
