/**
 * `npm run db:migration -- NAME`: writes a new migration for both databases from the change
 * to prisma/schema.prisma, with Prisma's WebAssembly schema engine (no native binary needed).
 *
 * For each provider it diffs the existing migrations (replayed on a shadow database: in-memory
 * SQLite, and a throw-away database on the PostgreSQL server in MIGRATION_DATABASE_URL,
 * default postgresql://postgres@127.0.0.1:5432/postgres) against the schema.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAdapterFactory } from '../src/store/adapter-factory.js';
import type { DatabaseTarget } from '../src/store/database-url.js';
import { readMigrationList } from '../src/store/migrations.js';
import { postgresSchemaFrom, schemaLocations } from '../src/store/schema-files.js';
import { withSchemaEngine } from '../src/store/schema-engine.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- name_in_snake_case');
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const sqliteSchema = await readFile(schemaLocations.sqlite.schema, 'utf8');
await writeFile(schemaLocations.postgresql.schema, postgresSchemaFrom(sqliteSchema));

const targets: DatabaseTarget[] = [
  { provider: 'sqlite', file: path.join(os.tmpdir(), `dondoc-migration-${process.pid}.db`) },
  { provider: 'postgresql', url: process.env.MIGRATION_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
];

for (const target of targets) {
  const locations = schemaLocations[target.provider];
  const schema = await readFile(locations.schema, 'utf8');
  await mkdir(locations.migrations, { recursive: true });
  const lockPath = path.join(locations.migrations, 'migration_lock.toml');
  if (!existsSync(lockPath)) await writeFile(lockPath, `provider = "${target.provider}"\n`);
  const migrationsList = await readMigrationList(locations.migrations);
  const result = await withSchemaEngine({ schema, adapterFactory: createAdapterFactory(target) }, (engine) =>
    engine.diff({
      from: migrationsList.migrationDirectories.length > 0 ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  if (result.exitCode !== 2 || !result.stdout) {
    console.log(`${target.provider}: schema unchanged, no migration written`);
    continue;
  }
  const folder = path.join(locations.migrations, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), result.stdout);
  console.log(`${target.provider}: wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
}
