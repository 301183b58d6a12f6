/** Reads the notices under `test/fixtures/notices/` (written for these tests, never the shared seeds). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtureDir = fileURLToPath(new URL('../fixtures/notices/', import.meta.url));

/** The text of one fixture notice, as stored (some are NFD on purpose). */
export function fixtureText(name: string): string {
  return readFileSync(`${fixtureDir}${name}`, 'utf8');
}

/** The path of a fixture, for tests that go through files. */
export function fixturePath(name: string): string {
  return `${fixtureDir}${name}`;
}
