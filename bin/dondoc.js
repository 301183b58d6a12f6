#!/usr/bin/env node
// The published entry point stays plain JavaScript so that `npm start` needs no build step:
// tsx compiles the TypeScript sources on the fly, with the same semantics as `tsc`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
