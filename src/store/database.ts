import { statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/sqlite/client.js';
import { createAdapterFactory } from './adapter-factory.js';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { postgresDirectSql, rememberDirectSql, sqliteDirectSql } from './direct-sql.js';

/**
 * The Prisma client type the code is written against. Both generated clients have the same
 * models, so the PostgreSQL client is used through the SQLite client's type.
 */
export type Db = PrismaClient;

/** An open database and what it is, for the few queries (leases) that differ per provider. */
export interface Database {
  readonly db: Db;
  readonly target: DatabaseTarget;
  /** The SQLite file as it was opened, to notice it deleted or replaced under the running bot. */
  readonly openedFile?: { path: string; dev: number; ino: number };
  close(): Promise<void>;
}

/**
 * Opens the database named by `DATABASE_URL` through a driver adapter. Migrations are applied
 * separately ({@link applyMigrations}), before the first query.
 */
export async function openDatabase(url: string): Promise<Database> {
  const target = parseDatabaseUrl(url);
  let db: Db;
  let openedFile: Database['openedFile'];
  if (target.provider === 'postgresql') {
    // The pool is made here so that direct SQL (see directSql) shares it with Prisma. Idle
    // connections are kept longer than node-postgres's 10 s: the scheduler ticks every minute, and
    // each fresh connection costs its backend's start and catalog caches again.
    // A server that does not answer fails a new connection after 5 s instead of never (node-postgres's default).
    const pool = new pg.Pool({ connectionString: target.url, idleTimeoutMillis: 5 * 60_000, connectionTimeoutMillis: 5_000 });
    // Loaded lazily so that a SQLite deployment never loads the PostgreSQL client's query compiler.
    const { PrismaClient: PostgresClient } = await import('../generated/prisma/postgresql/client.js');
    db = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
    rememberDirectSql(db, postgresDirectSql(pool));
  } else {
    const factory = createAdapterFactory(target);
    let connection: BetterSqlite3.Database | undefined;
    // Prisma opens the connection on its first query: the factory hands it over as it does.
    const adapter: SqlDriverAdapterFactory = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const opened = await factory.connect();
        connection = (opened as unknown as { client: BetterSqlite3.Database }).client;
        return opened;
      },
    };
    db = new PrismaClient({ adapter });
    // WAL lets readers (a /report, the dashboard) run while the bot writes. In WAL mode,
    // synchronous=NORMAL syncs at checkpoints instead of every commit: still consistent after a
    // crash, and on a reporting day it is the difference between fsync-bound and CPU-bound.
    // Foreign keys are off by default in SQLite and the cascades in the schema rely on them.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    // A reporting day's outbox inserts write thousands of pages at once; checkpointing every
    // 1,000 pages (SQLite's default) in the middle of them wrote the same index pages back again
    // and again, a third of the inserts' time. 10,000 pages bound the log to about 40 MB.
    await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 10000');
    if (typeof connection?.prepare !== 'function') throw new Error('the SQLite driver adapter no longer exposes its better-sqlite3 connection');
    rememberDirectSql(db, sqliteDirectSql(() => connection!));
    if (target.file !== ':memory:') {
      const { dev, ino } = statSync(target.file);
      openedFile = { path: target.file, dev, ino };
    }
  }
  return { db, target, openedFile, close: () => db.$disconnect() };
}
