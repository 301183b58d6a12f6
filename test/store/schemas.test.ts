import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postgresSchemaFrom, schemaLocations } from '../../src/store/schema-files.js';

describe('the PostgreSQL schema', () => {
  it('is exactly what npm run db:schemas generates from the SQLite schema', () => {
    const sqlite = readFileSync(schemaLocations.sqlite.schema, 'utf8');
    const postgres = readFileSync(schemaLocations.postgresql.schema, 'utf8');
    expect(postgres).toBe(postgresSchemaFrom(sqlite));
  });

  it('has a migration for every SQLite migration, with the same names', () => {
    const names = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(names(schemaLocations.postgresql.migrations)).toEqual(names(schemaLocations.sqlite.migrations));
  });
});
