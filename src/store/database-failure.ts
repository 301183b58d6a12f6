/**
 * Telling a database outage from a bug. An error thrown by a query is a bug in dondoc unless
 * the database itself is the trouble: it refuses connections, its file cannot be read, or its
 * tables are gone (a database dropped and recreated empty, a SQLite file deleted). Those get a
 * "try again later" answer and a clear line in the log instead of an error id.
 *
 * Prisma wraps what the driver said (`meta.driverAdapterError.cause.kind`), while direct SQL
 * (see direct-sql.ts) throws the driver's own errors, so every layer of an error is looked at.
 */

/** Why the database cannot serve: out of reach (or unreadable), or reachable without dondoc's tables. */
export type DatabaseFailure = 'unavailable' | 'schema-missing';

/** Driver adapter error kinds that mean the database cannot be reached or used at all. */
const unreachableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'DatabaseDoesNotExist', 'DatabaseAccessDenied', 'AuthenticationFailed', 'TooManyConnections', 'TlsConnectionError']);
/** Prisma's codes for the same: cannot reach, timed out, connection closed, no connection free in the pool. */
const unreachableCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE']);
/** PostgreSQL SQLSTATEs: connection exceptions (08), operator intervention such as a shutdown or a dropped database (57P), insufficient resources (53), no such database. */
const unreachableSqlState = /^(?:08|57P|53)|^3D000$/;
/** SQLite result codes of a file that cannot be opened, read or written. */
const unreachableSqlite = /^SQLITE_(?:CANTOPEN|IOERR|READONLY|CORRUPT|NOTADB|FULL|BUSY|LOCKED)/;
/** What the drivers say in words when they have no code: node-postgres's pool, better-sqlite3 closed. */
const unreachableWords = /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|database connection is not open/i;
const missingTableWords = /no such table|relation "[^"]*" does not exist/i;

/** The database failure behind `error`, or undefined when the error is something else (a bug, a Telegram error). */
export function databaseFailureOf(error: unknown): DatabaseFailure | undefined {
  let failure: DatabaseFailure | undefined;
  for (const layer of layersOf(error)) {
    const { kind, code, originalCode, message, name } = layer as { kind?: unknown; code?: unknown; originalCode?: unknown; message?: unknown; name?: unknown };
    if (kind === 'TableDoesNotExist' || code === 'P2021' || (typeof message === 'string' && missingTableWords.test(message))) return 'schema-missing';
    const sqliteCode = typeof originalCode === 'string' ? originalCode : typeof code === 'string' ? code : '';
    if (
      (typeof kind === 'string' && unreachableKinds.has(kind)) ||
      (typeof code === 'string' && (unreachableCodes.has(code) || unreachableSqlState.test(code))) ||
      unreachableSqlite.test(sqliteCode) ||
      name === 'PrismaClientInitializationError' ||
      (typeof message === 'string' && unreachableWords.test(message))
    )
      failure = 'unavailable';
  }
  return failure;
}

/** The error and what it wraps: `cause`, and Prisma's `meta.driverAdapterError`, a few levels deep. */
function layersOf(error: unknown): object[] {
  const layers: object[] = [];
  const pending = [error];
  while (pending.length > 0 && layers.length < 12) {
    const layer = pending.shift();
    if (!layer || typeof layer !== 'object' || layers.includes(layer)) continue;
    layers.push(layer);
    const { cause, meta } = layer as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    pending.push(cause, meta?.driverAdapterError);
  }
  return layers;
}
