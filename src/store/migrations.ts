import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { Logger } from '../logger.js';
import { createAdapterFactory } from './adapter-factory.js';
import type { DatabaseTarget } from './database-url.js';
import { schemaLocations } from './schema-files.js';
import { withSchemaEngine } from './schema-engine.js';

/**
 * Reads a Prisma migrations folder the way `prisma migrate deploy` does: one sub-folder per
 * migration, ordered by name, each with a `migration.sql`, plus `migration_lock.toml`.
 */
export async function readMigrationList(baseDir: string): Promise<MigrationList> {
  const entries = await readdir(baseDir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(baseDir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/**
 * Applies the migrations that the database has not seen yet and returns their names; an
 * up-to-date database gets none. The bookkeeping is Prisma's own `_prisma_migrations` table,
 * so a deployment that has the native engine can run `prisma migrate deploy` on the same database.
 */
export async function applyMigrations(target: DatabaseTarget, logger?: Logger): Promise<string[]> {
  const locations = schemaLocations[target.provider];
  const [schema, migrationsList] = await Promise.all([readFile(locations.schema, 'utf8'), readMigrationList(locations.migrations)]);
  const adapterFactory = createAdapterFactory(target);
  const { appliedMigrationNames } = await withSchemaEngine({ schema, adapterFactory, logger }, (engine) =>
    engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
  );
  return appliedMigrationNames;
}
