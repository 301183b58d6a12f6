#!/usr/bin/env node
/**
 * postinstall: generates the Prisma clients for SQLite and PostgreSQL, offline.
 *
 * `prisma generate` needs no native engine (Prisma 7 compiles queries in WebAssembly), but the
 * CLI still tries to download the schema-engine binary first, which fails without internet.
 * Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download; this script
 * points it at itself unless the maintainer set a real engine.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
