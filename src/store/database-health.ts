import { stat } from 'node:fs/promises';
import { databaseFailureOf } from './database-failure.js';
import type { Database } from './database.js';
import type { Logger } from '../logger.js';

/** What the health check says of the database: fine, or the problem in words an operator can act on. */
export type DatabaseHealth = { ok: true } | { ok: false; problem: string };

export const databaseProblems = {
  unavailable: 'the database does not answer',
  'schema-missing': 'the database has no dondoc tables (was it recreated empty?): restart dondoc, which migrates it at start',
  'file-replaced': 'the SQLite file was deleted or replaced while dondoc ran: restart dondoc (what was written since is in the deleted file)',
} as const;

/**
 * Asks the database one cheap question with a time limit: a row of the migrations table, which
 * needs a live connection and dondoc's schema both. A SQLite file must also still be the one
 * opened: deleted under a running bot, it goes on working on the unlinked file, and everything
 * written since would be gone at the next start.
 */
export async function checkDatabase(database: Database, timeoutMs = 2_000): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, problem: `${databaseProblems.unavailable} within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([probe(database), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The check for `/healthz`: {@link checkDatabase}, with a line in the log when the answer
 * changes (not at every poll of a load balancer), at error level while the database is down.
 */
export function databaseHealthCheck(database: Database, logger: Logger, timeoutMs?: number): () => Promise<DatabaseHealth> {
  let last: string | undefined;
  return async () => {
    const health = await checkDatabase(database, timeoutMs);
    const now = health.ok ? 'ok' : health.problem;
    if (now !== last && (last !== undefined || !health.ok)) {
      if (health.ok) logger.info('the database answers again');
      else logger.error({ problem: health.problem }, 'health check: database unavailable');
    }
    last = now;
    return health;
  };
}

async function probe(database: Database): Promise<DatabaseHealth> {
  try {
    await database.db.$queryRawUnsafe('SELECT 1 FROM "_prisma_migrations" LIMIT 1');
  } catch (error) {
    return { ok: false, problem: databaseProblems[databaseFailureOf(error) ?? 'unavailable'] };
  }
  const opened = database.openedFile;
  if (opened) {
    const now = await stat(opened.path).catch(() => undefined);
    if (!now || now.ino !== opened.ino || now.dev !== opened.dev) return { ok: false, problem: databaseProblems['file-replaced'] };
  }
  return { ok: true };
}
