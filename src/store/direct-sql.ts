import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Provider } from './database-url.js';
import type { Db } from './database.js';

/**
 * SQL run on the database driver itself, beside Prisma, for the few statements that move
 * thousands of rows at once: a planning tick's reads and its outbox inserts.
 *
 * Prisma's raw queries serialize their parameters to JSON and parse them back, then convert
 * every result cell; for a multi-megabyte JSON parameter that is most of a tick's garbage (its
 * peak RSS) and a fifth of its time. The driver is the one Prisma uses: the same SQLite
 * connection (so nothing waits on a second writer), the same PostgreSQL pool.
 *
 * Placeholders are the driver's own: `?` on SQLite, `$1`… on PostgreSQL. Dates are bound as
 * Prisma stores them, so they compare with Prisma's columns.
 */
export interface DirectSql {
  readonly provider: Provider;
  /** The rows of a query, as objects keyed by column name. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a statement and returns how many rows it changed. */
  execute(text: string, params?: readonly unknown[]): Promise<number>;
}

/**
 * A date as Prisma's driver adapter stores it, so that it compares with Prisma's columns: ISO
 * text with `+00:00` on SQLite; on PostgreSQL the columns are `timestamp` without a zone, holding
 * UTC, and a zone in the text is ignored on input.
 */
export function storedDate(provider: Provider, date: Date): string {
  return provider === 'postgresql' ? date.toISOString() : date.toISOString().replace(/Z$/, '+00:00');
}

const opened = new WeakMap<Db, DirectSql>();

/** The direct SQL of a client opened by `openDatabase`. */
export function directSql(db: Db): DirectSql {
  const sql = opened.get(db);
  if (!sql) throw new Error('directSql: this Prisma client was not opened by openDatabase');
  return sql;
}

/** Remembers the driver behind a client, for {@link directSql}. */
export function rememberDirectSql(db: Db, sql: DirectSql): void {
  opened.set(db, sql);
}

/**
 * Direct SQL on a better-sqlite3 connection, which `connection()` returns as it is now (Prisma
 * opens it on its first query, and again after a reconnect). Statements are prepared once per
 * connection and text.
 */
export function sqliteDirectSql(connection: () => BetterSqlite3.Database): DirectSql {
  const prepared = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
  const statement = (text: string) => {
    const client = connection();
    let statements = prepared.get(client);
    if (!statements) prepared.set(client, (statements = new Map()));
    let found = statements.get(text);
    if (!found) {
      // Prisma's adapter makes the connection return integers as BigInt; these statements read numbers.
      found = client.prepare(text).safeIntegers(false);
      statements.set(text, found);
    }
    return found;
  };
  const bind = (params: readonly unknown[]) => params.map((value) => (value instanceof Date ? storedDate('sqlite', value) : typeof value === 'boolean' ? Number(value) : value));
  return {
    provider: 'sqlite',
    // better-sqlite3 is synchronous: the promise is for the interface's sake.
    query: async <Row>(text: string, params: readonly unknown[] = []) => statement(text).all(...bind(params)) as Row[],
    execute: async (text, params = []) => statement(text).run(...bind(params)).changes,
  };
}

/** Direct SQL on the PostgreSQL pool that Prisma's adapter was given. */
export function postgresDirectSql(pool: pg.Pool): DirectSql {
  const bind = (params: readonly unknown[]) => params.map((value) => (value instanceof Date ? storedDate('postgresql', value) : value));
  return {
    provider: 'postgresql',
    query: async <Row>(text: string, params: readonly unknown[] = []) => (await pool.query(text, bind(params) as unknown[])).rows as Row[],
    execute: async (text, params = []) => (await pool.query(text, bind(params) as unknown[])).rowCount ?? 0,
  };
}
