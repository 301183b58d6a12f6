/**
 * `dondoc bench [NAME…]`: runs the benchmarks in `bench/*.bench.ts` (all, or those named) one
 * after another, in this process, and prints their figures. Timing targets live here rather
 * than in tests, because a loaded CI machine must not turn a slow run into a red build.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { projectFile } from '../project-files.js';

/** What a benchmark module exports: a default function that measures and prints its figures. */
export type Benchmark = (log: (line: string) => void) => Promise<void>;

const benchDir = projectFile('bench/');

export async function run(args: string[]): Promise<number> {
  const available = (await readdir(benchDir)).filter((file) => file.endsWith('.bench.ts')).sort();
  const wanted = args.length > 0 ? available.filter((file) => args.includes(file.replace(/\.bench\.ts$/, ''))) : available;
  if (wanted.length === 0) {
    console.error(`dondoc bench: no benchmark named ${args.join(', ')}; available: ${available.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ')}`);
    return 2;
  }
  // Several benchmarks run one per child process, so that each one's memory figures are its own
  // and not the high-water mark of those that ran before it.
  if (wanted.length > 1) {
    const cli = projectFile('bin/dondoc.js');
    let failures = 0;
    for (const file of wanted) {
      const child = spawnSync(process.execPath, [cli, 'bench', file.replace(/\.bench\.ts$/, '')], { stdio: 'inherit' });
      if (child.status !== 0) failures += 1;
    }
    return failures === 0 ? 0 : 1;
  }
  const [file] = wanted as [string];
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}`);
  // The benchmarks are TypeScript that the compiled CLI cannot import by itself.
  (await import('tsx/esm/api')).register();
  const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default: Benchmark };
  await module.default((line) => console.log(line));
  return 0;
}
