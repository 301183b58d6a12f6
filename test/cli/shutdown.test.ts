import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';

const cli = path.resolve('bin/dondoc.js');
let emulator: Emulator | undefined;
let child: ChildProcess | undefined;
let workDir: string | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await emulator?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  emulator = child = workDir = undefined;
});

/** Starts `dondoc start` against the emulator; resolves once it says it is running, with its output so far and its exit. */
async function startBot(target: Emulator) {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-stop-'));
  const bot = spawn(process.execPath, [cli, 'start'], {
    cwd: workDir,
    env: { PATH: process.env.PATH, BOT_TOKEN: target.token, TELEGRAM_API_ROOT: target.apiRoot, DATABASE_URL: 'file:./dondoc.db', HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = bot;
  let output = '';
  bot.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  bot.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => bot.on('exit', (code) => resolve({ code, at: Date.now() })));
  const started = Date.now();
  while (!/dondoc is running on Telegram/.test(output)) {
    if (bot.exitCode !== null || Date.now() - started > 30_000) throw new Error(`the bot did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { bot, exited, output: () => output };
}

describe('stopping during a Bot API outage', () => {
  it('exits within the grace period on SIGTERM while a send hangs, and logs what it did not wait for', async () => {
    emulator = await startEmulator({ rateLimits: false });
    const { bot, exited, output } = await startBot(emulator);
    // The Bot API stops answering sends: they hang for ten minutes.
    let hanging = 0;
    emulator.driver.faults.slowDown(600_000, { methods: ['sendMessage'], match: () => ++hanging > 0 }, 1_000);
    const user = emulator.driver.createUser({ firstName: 'An' });
    emulator.driver.sendCommand(user, emulator.driver.privateChat(user), '/help');
    while (hanging === 0) await new Promise((resolve) => setTimeout(resolve, 100));

    const signalled = Date.now();
    bot.kill('SIGTERM');
    const { at } = await exited;
    // 10 s of grace and a second to let go; before, the hung call held the process for grammY's 500 s timeout.
    expect(at - signalled).toBeLessThan(15_000);
    expect(output()).toMatch(/stopping without waiting longer for sends in flight/);
  }, 60_000);

  it('exits within the grace period on SIGTERM while the Bot API refuses connections', async () => {
    emulator = await startEmulator({ rateLimits: false });
    const { bot, exited } = await startBot(emulator);
    const user = emulator.driver.createUser({ firstName: 'An' });
    // A send is in flight when the server goes away: retried while the connection is refused.
    emulator.driver.faults.slowDown(1_000, { methods: ['sendMessage'] }, 1);
    emulator.driver.sendCommand(user, emulator.driver.privateChat(user), '/help');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await emulator.stop();
    emulator = undefined;
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const signalled = Date.now();
    bot.kill('SIGTERM');
    const { at } = await exited;
    expect(at - signalled).toBeLessThan(15_000);
  }, 60_000);
});
