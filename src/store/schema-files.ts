import { projectFile } from '../project-files.js';
import type { Provider } from './database-url.js';

/** The repository's `prisma/` folder, whatever the working directory. */
const prismaDir = projectFile('prisma/');

/** Where each provider's schema and migrations live. SQLite's schema is the source of truth. */
export const schemaLocations = {
  sqlite: { schema: `${prismaDir}schema.prisma`, migrations: `${prismaDir}migrations` },
  postgresql: { schema: `${prismaDir}postgresql/schema.prisma`, migrations: `${prismaDir}postgresql/migrations` },
} as const satisfies Record<Provider, { schema: string; migrations: string }>;

const generatedNotice =
  '// GENERATED from prisma/schema.prisma by `npm run db:schemas`. Do not edit: change the SQLite schema and regenerate.\n';

/**
 * Derives the PostgreSQL schema from the SQLite one. The models are identical; only the
 * datasource provider and the generated client's folder differ, because a Prisma client is
 * compiled for one provider.
 */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(output\s*=\s*)"\.\.\/src\/generated\/prisma\/sqlite"/, '$1"../../src/generated/prisma/postgresql"');
  if (!replaced.includes('"postgresql"') || !replaced.includes('generated/prisma/postgresql')) {
    throw new Error('prisma/schema.prisma no longer has the datasource or generator block this script rewrites');
  }
  return generatedNotice + replaced;
}
