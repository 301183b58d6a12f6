import path from 'node:path';

/** Where the data lives: an embedded SQLite file, or a PostgreSQL server shared by several instances. */
export type DatabaseTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

/** Which database: where the SQL written by hand differs (placeholders, casts, locking). */
export type Provider = DatabaseTarget['provider'];

/**
 * Reads `DATABASE_URL`. A `file:` URL names a SQLite file relative to the working directory
 * (`file:./data/dondoc.db`); `postgres://` and `postgresql://` select PostgreSQL.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    return { provider: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url };
  throw new Error('DATABASE_URL must start with file: or postgresql://');
}
