import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';

const cli = path.resolve('bin/dondoc.js');

/** Runs `dondoc start` with only the given environment; asynchronously, because the emulator it calls runs in this process. */
function start(env: Record<string, string>, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'start'], { cwd, env: { PATH: process.env.PATH, DATABASE_URL: 'file:./data/start.db', HTTP_PORT: '0', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('starting dondoc on Zalo', () => {
  let zalo: ZaloEmulator;
  let workDir: string;
  beforeAll(async () => {
    zalo = await startZaloEmulator();
    workDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-zalo-start-'));
  });
  afterAll(async () => {
    await zalo?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('says in one line that Zalo rejected the token, naming ZALO_BOT_TOKEN, without a stack trace or the token', async () => {
    const token = '1459232241454765289:not-the-right-secret';
    const result = await start({ ZALO_BOT_TOKEN: token, ZALO_API_ROOT: zalo.apiRoot }, workDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^dondoc: cannot reach Zalo's Bot API at http:\/\/127\.0\.0\.1:\d+: the bot token was rejected \(check ZALO_BOT_TOKEN\)$/m);
    expect(result.stderr).not.toMatch(/\n\s+at |ZaloApiError/);
    expect(result.stderr + result.stdout).not.toContain(token);
  }, 60_000);

  it('says in one line when Zalo cannot be reached at all', async () => {
    const result = await start({ ZALO_BOT_TOKEN: '1:unreachable', ZALO_API_ROOT: 'http://127.0.0.1:9' }, workDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^dondoc: cannot reach Zalo's Bot API at http:\/\/127\.0\.0\.1:9: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
