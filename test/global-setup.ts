import { ensureBuilt } from '../scripts/build.mjs';

/**
 * Runs once before the test files: compiles `dist/` if the sources changed, so that the tests
 * that start `bin/dondoc.js` run the current code and never compile it in parallel.
 */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}
