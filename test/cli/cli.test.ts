import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = path.resolve('bin/dondoc.js');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Runs the real CLI in a clean directory with only the given environment (plus PATH). */
function dondoc(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: workDir,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the dondoc command', () => {
  it('answers a bad variable with one line naming it, without a stack trace or the secret', () => {
    const token = '999999:this-is-not-a-valid-token!!';
    const result = dondoc(['migrate'], { BOT_TOKEN: token, HTTP_PORT: 'eighty' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('dondoc: invalid configuration');
    expect(result.stderr).toMatch(/^BOT_TOKEN: expected a Telegram bot token/m);
    expect(result.stderr).toMatch(/^HTTP_PORT: expected a TCP port number/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('creates and migrates the SQLite file on migrate, and a second run says it is up to date', () => {
    const first = dondoc(['migrate'], { DATABASE_URL: 'file:./data/dondoc.db' });
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\) to .*data\/dondoc\.db/);
    expect(existsSync(path.join(workDir, 'data', 'dondoc.db'))).toBe(true);
    const second = dondoc(['migrate'], { DATABASE_URL: 'file:./data/dondoc.db' });
    expect(second.stdout).toMatch(/is up to date/);
  });

  it('says in one line, without the token, when the Bot API cannot be reached at start-up', () => {
    const token = '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const result = dondoc(['start'], { BOT_TOKEN: token, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', DATABASE_URL: 'file:./data/start.db' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^dondoc: cannot reach the Bot API at http:\/\/127\.0\.0\.1:9: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('rejects an unknown subcommand with the usage', () => {
    const result = dondoc(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('migrate');
  });
});
