import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { createTestDatabase } from '../support/databases.js';
import { seedOffice, type SeededOffice, type SeedSize } from './seed-office.js';

/** A migrated throw-away SQLite database with one seeded office; `close()` deletes it. */
export interface SeededDatabase extends SeededOffice {
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens a fresh database and seeds it with {@link seedOffice}. */
export async function seededDatabase(size: SeedSize, now: Date): Promise<SeededDatabase> {
  const testDb = await createTestDatabase('sqlite');
  await applyMigrations(parseDatabaseUrl(testDb.url));
  const database = await openDatabase(testDb.url);
  const seeded = await seedOffice(database.db, size, now);
  return {
    ...seeded,
    database,
    url: testDb.url,
    async close() {
      await database.close();
      await testDb.drop();
    },
  };
}
