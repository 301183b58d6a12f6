/**
 * `npm run db:migration -- NAME`: writes a new migration for both databases from the change
 * to prisma/schema.prisma, with Prisma's WebAssembly schema engine (no native binary needed).
 *
 * For each provider it diffs the existing migrations (replayed on a shadow database: in-memory
 * SQLite, and a throw-away database on the PostgreSQL server in MIGRATION_DATABASE_URL,
 * default postgresql://postgres@127.0.0.1:5432/postgres) against the schema.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAdapterFactory } from '../src/store/adapter-factory.js';
import type { DatabaseTarget } from '../src/store/database-url.js';
import { readMigrationList } from '../src/store/migrations.js';
import { postgresSchemaFrom, schemaLocations } from '../src/store/schema-files.js';
import { withSchemaEngine } from '../src/store/schema-engine.js';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';

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
  const result = await withSchemaEngine({ schema, adapterFactory: target.provider === 'sqlite' ? withScriptsOnShadow(createAdapterFactory(target)) : postgresFactory(target.url) }, (engine) =>
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

/**
 * The schema engine replays each migration on the shadow database as one `executeRaw` call, but
 * the SQLite adapter (not PostgreSQL's) prepares a single statement there and refuses a whole
 * migration ("The supplied SQL string contains more than one statement"). Such calls are run as
 * scripts instead.
 */
function withScriptsOnShadow(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => {
      const shadow = await factory.connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    },
  };
}

/**
 * The PostgreSQL adapter's own shadow database does not work here: node-postgres lets the
 * connection string override the shadow database's name (so the replay ran in the server's main
 * database), and its release drops the database before closing the pool that still uses it. So
 * the shadow database is made and dropped here, around an adapter of its own.
 */
function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const { hostname, port, username, password, pathname } = new URL(url);
  const config = { host: hostname, port: Number(port || 5432), user: decodeURIComponent(username), password: decodeURIComponent(password) || undefined };
  const main = new PrismaPg({ ...config, database: decodeURIComponent(pathname.slice(1)) || 'postgres' });
  const onMain = async (script: string) => {
    const connection = await main.connect();
    try {
      await connection.executeScript(script);
    } finally {
      await connection.dispose();
    }
  };
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => {
      const database = `dondoc_shadow_${randomUUID().replaceAll('-', '')}`;
      await onMain(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...config, database }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await onMain(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      };
      return shadow;
    },
  };
}
