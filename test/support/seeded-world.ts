import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { openMigrated, seedWorld, type World, type WorldSpec } from '../scheduler/world.js';
import { createTestDatabase, type Provider, type TestDatabase } from './databases.js';

/** What {@link useSeededWorld} sets up; its fields are there from the tests' `beforeAll` on. */
export interface SeededWorld {
  url: string;
  database: Database;
  world: World;
}

/**
 * A throw-away database of `provider`, migrated and seeded with `spec` before the tests of the
 * enclosing describe block, closed and dropped after them.
 */
export function useSeededWorld(provider: Provider, spec: WorldSpec): SeededWorld {
  const seeded = {} as SeededWorld;
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase(provider);
    seeded.url = testDb.url;
    seeded.database = await openMigrated(testDb.url);
    seeded.world = await seedWorld(seeded.database, spec);
  });
  afterAll(async () => {
    await seeded.database?.close();
    await testDb?.drop();
  });
  return seeded;
}
