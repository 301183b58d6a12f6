/**
 * `npm run db:schemas`: writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
 * Run it after every change to the SQLite schema; test/store/schemas.test.ts fails until you do.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { postgresSchemaFrom, schemaLocations } from '../src/store/schema-files.js';

const sqlite = await readFile(schemaLocations.sqlite.schema, 'utf8');
await mkdir(path.dirname(schemaLocations.postgresql.schema), { recursive: true });
await writeFile(schemaLocations.postgresql.schema, postgresSchemaFrom(sqlite));
console.log(`wrote ${path.relative(process.cwd(), schemaLocations.postgresql.schema)}`);
