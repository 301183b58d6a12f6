import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { schemaLocations } from '../../src/store/schema-files.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from '../support/databases.js';

const providers = await providersUnderTest();
const migrationNames = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe.each(providers)('migrations on %s', (provider) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('apply every migration to an empty database, and a second run is a no-op', async () => {
    const database = await createTestDatabase(provider);
    databases.push(database);
    const target = parseDatabaseUrl(database.url);

    const first = await applyMigrations(target);
    expect(first).toEqual(migrationNames(schemaLocations[provider].migrations));
    expect(await applyMigrations(target)).toEqual([]);

    const { db, close } = await openDatabase(database.url);
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string; finished: unknown }[]>(
        'SELECT migration_name, finished_at AS finished FROM _prisma_migrations ORDER BY migration_name',
      );
      // The same bookkeeping `prisma migrate deploy` keeps: one finished row per migration.
      expect(rows.map((row) => row.migration_name)).toEqual(first);
      expect(rows.every((row) => row.finished !== null)).toBe(true);
      expect(await db.office.count()).toBe(0);
    } finally {
      await close();
    }
  });
});
