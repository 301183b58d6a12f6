import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The PostgreSQL server tests create throw-away databases on; CI starts it in .ci/run. */
const serverUrl = process.env.DONDOC_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export type Provider = 'sqlite' | 'postgresql';

/** A database that exists only for one test file. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let availability: Promise<boolean> | undefined;

/**
 * Whether the PostgreSQL suite can run. Under CI a missing server is an error rather than a
 * skip, so that a broken service cannot turn the PostgreSQL tests silently green.
 */
export function postgresAvailable(): Promise<boolean> {
  availability ??= (async () => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI) throw new Error(`PostgreSQL is required under CI but ${serverUrl} did not answer: ${String(error)}`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return availability;
}

/** The providers to run a suite against: SQLite always, PostgreSQL when it answers. */
export async function providersUnderTest(): Promise<Provider[]> {
  return (await postgresAvailable()) ? ['sqlite', 'postgresql'] : ['sqlite'];
}

/** Creates an empty database: a SQLite file in a temp folder, or a new PostgreSQL database. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-test-'));
    return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `dondoc_test_${randomBytes(6).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
