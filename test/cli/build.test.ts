import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../scripts/build.mjs';

let root: string;

/** A project of three modules (the entry, one it imports, one it imports lazily) and the notice worker's entry. */
function writeProject(greeting: string, lazy = true): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', '{ "type": "module" }');
  write('tsconfig.json', '{ "compilerOptions": { "strict": true } }');
  write('src/greeting.ts', `export const greeting: string = ${JSON.stringify(greeting)};`);
  write('src/later.ts', `export const later = 'loaded later';`);
  write('src/parser/worker/notice-worker-entry.ts', `import { greeting } from '../../greeting.js';\nconsole.log('worker', greeting);\n`);
  write('src/cli.ts', `import { greeting } from './greeting.js';\nconsole.log(greeting);\n${lazy ? "console.log((await import('./later.js')).later);\n" : ''}`);
}

function runDist(): string {
  const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js')], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout;
}

const distFiles = () => readdirSync(path.join(root, 'dist'), { recursive: true }).map(String);

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'dondoc-build-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ensureBuilt', () => {
  it('compiles the sources into dist/, lazy imports as chunks of their own', async () => {
    writeProject('xin chào');
    expect(await ensureBuilt(root)).toBe(true);
    expect(runDist()).toBe('xin chào\nloaded later\n');
    const chunks = distFiles().filter((file) => file.startsWith('chunks') && file.endsWith('.js'));
    expect(chunks.some((file) => readFileSync(path.join(root, 'dist', file), 'utf8').includes('loaded later'))).toBe(true);
    expect(readFileSync(path.join(root, 'dist', 'cli.js'), 'utf8')).not.toContain('loaded later');
    // The notice worker starts from a file of its own beside the CLI.
    const worker = spawnSync(process.execPath, [path.join(root, 'dist', 'parser', 'worker', 'notice-worker-entry.js')], { encoding: 'utf8' });
    expect(worker.stdout).toBe('worker xin chào\n');
  });

  it('does nothing while the sources are unchanged, and compiles again when one changes', async () => {
    writeProject('xin chào');
    await ensureBuilt(root);
    expect(await ensureBuilt(root)).toBe(false);

    writeProject('chào buổi sáng');
    // The same size would hide nothing either: the time of change counts too.
    utimesSync(path.join(root, 'src/greeting.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(await ensureBuilt(root)).toBe(true);
    expect(runDist()).toBe('chào buổi sáng\nloaded later\n');
  });

  it('replaces dist/ whole, so a module no longer imported leaves nothing behind', async () => {
    writeProject('xin chào');
    await ensureBuilt(root);
    writeProject('xin chào', false);
    rmSync(path.join(root, 'src/later.ts'));
    expect(await ensureBuilt(root)).toBe(true);
    expect(runDist()).toBe('xin chào\n');
    expect(distFiles().filter((file) => file.endsWith('.js')).map((file) => readFileSync(path.join(root, 'dist', file), 'utf8')).join('')).not.toContain('loaded later');
  });

  it('leaves one whole build when two processes compile at once', async () => {
    writeProject('xin chào');
    await Promise.all([ensureBuilt(root, { force: true }), ensureBuilt(root, { force: true }), ensureBuilt(root, { force: true })]);
    expect(runDist()).toBe('xin chào\nloaded later\n');
    expect(readdirSync(root).filter((name) => name.startsWith('.dist-'))).toEqual([]);
    expect(await ensureBuilt(root)).toBe(false);
  });
});
