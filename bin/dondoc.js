#!/usr/bin/env node
// The entry point runs the compiled bundle in dist/ (see scripts/build.mjs), compiling it first
// when the sources changed since, so `npm start` needs no build step and never runs stale code.
import { ensureBuilt } from '../scripts/build.mjs';

if (await ensureBuilt()) process.stderr.write('dondoc: compiled the sources into dist/\n');
await import('../dist/cli.js');
