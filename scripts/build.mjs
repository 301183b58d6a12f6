#!/usr/bin/env node
/**
 * Compiles the TypeScript sources into `dist/`, which `bin/dondoc.js` runs.
 *
 * Running the sources through tsx at run time costs every bot process a second JavaScript
 * engine (tsx's module hooks run on a thread of their own): about 35 MB of resident memory and
 * the compilation of each module at start. esbuild, the compiler tsx itself uses, bundles the
 * same sources ahead of time in under a second: `postinstall` runs this file, and
 * `bin/dondoc.js` calls {@link ensureBuilt} so that edited sources are never run stale.
 *
 * Plain JavaScript, because it runs before anything can be compiled.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = fileURLToPath(new URL('..', import.meta.url));

/** What the build reads: a change to any of these makes `dist/` stale. */
const INPUT_FOLDERS = ['src', 'commands'];
const INPUT_FILES = ['tsconfig.json', 'scripts/build.mjs'];
const STAMP = '.inputs.json';

/**
 * Bundles `entries` (paths relative to `root`) into `outdir`, one file per entry plus shared
 * chunks. Packages stay imports of `node_modules`; what the code imports lazily stays lazy
 * (code splitting), so a bot on SQLite never loads the PostgreSQL client, nor the exporters
 * until someone exports.
 */
export async function compile(entries, outdir, root = defaultRoot) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    // Linked, so that `NODE_OPTIONS=--enable-source-maps` gives stack traces in the sources.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/**
 * Makes sure `dist/` holds the current sources compiled, and compiles them if not. Returns
 * whether it compiled. A few milliseconds when nothing changed: it compares the inputs' sizes
 * and modification times with those of the last build.
 *
 * The new build is written beside `dist/` and moved into place, so a process starting meanwhile
 * never imports a half-written bundle; two processes compiling at once leave one whole build.
 */
export async function ensureBuilt(root = defaultRoot, { force = false } = {}) {
  const dist = path.join(root, 'dist');
  const inputs = JSON.stringify(await inputsOf(root));
  if (!force && (await readFile(path.join(dist, STAMP), 'utf8').catch(() => null)) === inputs) return false;
  const staging = path.join(root, `.dist-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // The notice worker is an entry of its own: a worker thread starts from a file (src/parser/worker/notice-worker.ts).
    await compile(['src/cli.ts', 'src/parser/worker/notice-worker-entry.ts'], staging, root);
    await writeFile(path.join(staging, STAMP), inputs);
    await replaceFolder(staging, dist);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}

/** Every input file with its size and modification time, in a stable order. */
async function inputsOf(root) {
  const files = [...INPUT_FILES];
  for (const folder of INPUT_FOLDERS) {
    const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  files.sort();
  return Promise.all(
    files.map(async (file) => {
      const info = await stat(path.join(root, file)).catch(() => null);
      return info ? [file, info.size, info.mtimeMs] : [file, null];
    }),
  );
}

/** Puts `source` where `target` is, replacing it; if another process got there first, keeps theirs. */
async function replaceFolder(source, target) {
  const old = `${source}-old`;
  await rename(target, old).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(source, target).catch((error) => {
    // Another build moved in between our two renames: the same sources, compiled just as well.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
  await rm(old, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureBuilt(defaultRoot, { force: true });
}
