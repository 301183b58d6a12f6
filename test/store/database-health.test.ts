import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { databaseFailureOf } from '../../src/store/database-failure.js';
import { checkDatabase } from '../../src/store/database-health.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { createTestDatabase, postgresAvailable } from '../support/databases.js';

const logger = createLogger({ level: 'silent' });

/** How a query on the database fails, as the router would class it. */
const failureOfAQuery = (database: Database) =>
  database.db.office.findMany().then(
    () => 'no error',
    (error: unknown) => databaseFailureOf(error),
  );

describe('the database health check on PostgreSQL', async () => {
  const available = await postgresAvailable();

  it.runIf(available)('is ok on a migrated database, and reports it unavailable once the database is dropped, with queries classed as an outage', async () => {
    const test = await createTestDatabase('postgresql');
    await applyMigrations(parseDatabaseUrl(test.url), logger);
    const database = await openDatabase(test.url);
    try {
      expect(await checkDatabase(database)).toEqual({ ok: true });
      await test.drop();
      const health = await checkDatabase(database);
      expect(health.ok).toBe(false);
      expect(await failureOfAQuery(database)).toBe('unavailable');
    } finally {
      await database.close().catch(() => undefined);
      await test.drop();
    }
  });

  it('reports a server that refuses connections within its time limit', async () => {
    const database = await openDatabase('postgresql://nobody@127.0.0.1:9/nothing');
    try {
      const started = Date.now();
      const health = await checkDatabase(database, 2_000);
      expect(health).toEqual({ ok: false, problem: expect.stringMatching(/does not answer/) });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await failureOfAQuery(database)).toBe('unavailable');
    } finally {
      await database.close().catch(() => undefined);
    }
  });

  it('does not take a bug for an outage', () => {
    expect(databaseFailureOf(new TypeError('cannot read properties of undefined'))).toBeUndefined();
    expect(databaseFailureOf(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBeUndefined();
  });
});
