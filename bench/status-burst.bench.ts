/**
 * Reporting day: 500 officials in 100 unit groups each send `/status 1 …` within one second,
 * through the emulator with Telegram's limits on (replies pace per chat). Reports the handled
 * updates per second, the latency from the update to the commit of its status row, and the
 * ratio of that throughput to a no-op grammY bot measured the same way in the same run.
 *
 * A commit is timed when the row becomes visible to another connection (bench/commit-watcher.ts).
 * Targets (issue 5): all 500 recorded, p99 commit latency ≤ 250 ms, ratio ≥ 0.3.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bot } from 'grammy';
import { run, sequentialize } from '@grammyjs/runner';
import type { Chat, User } from 'grammy/types';
import { startApp } from '../src/app.js';
import type { Benchmark } from '../src/cli/bench.js';
import { parseConfig } from '../src/config.js';
import { startEmulator, type Emulator } from '../src/emulator/emulator.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/store/database.js';
import { percentile, watchCommits } from './commit-watcher.js';

const groups = 100;
const officialsPerGroup = 5;
const total = groups * officialsPerGroup;
const spreadMs = 1_000;

interface World {
  chats: Chat[];
  officials: { user: User; chat: Chat }[];
}

function buildWorld(emulator: Emulator): World {
  const d = emulator.driver;
  const chats: Chat[] = [];
  const officials: World['officials'] = [];
  for (let g = 0; g < groups; g += 1) {
    const members = Array.from({ length: officialsPerGroup }, (_, i) => d.createUser({ firstName: `Cán bộ ${g}.${i}` }));
    const chat = d.createGroup({ title: `Đơn vị ${g + 1}`, members, silent: true });
    chats.push(chat);
    for (const user of members) officials.push({ user, chat });
  }
  return { chats, officials };
}

/** Sends every official's /status spread evenly over one second; returns when each was sent. */
async function burst(emulator: Emulator, world: World): Promise<Map<number, number>> {
  const sentAt = new Map<number, number>();
  await Promise.all(
    world.officials.map(
      ({ user, chat }, index) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            sentAt.set(user.id, performance.timeOrigin + performance.now());
            emulator.driver.sendCommand(user, chat, '/status 1 đang thực hiện, đã rà soát hồ sơ');
            resolve();
          }, (index * spreadMs) / total),
        ),
    ),
  );
  return sentAt;
}

async function measureNoOpBot(): Promise<number> {
  const emulator = await startEmulator({ botUsername: 'noop_bench_bot' });
  const world = buildWorld(emulator);
  const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
  const handled: number[] = [];
  bot.use(sequentialize((ctx) => String(ctx.chat?.id)));
  bot.command('status', () => {
    handled.push(Date.now());
  });
  await bot.init();
  const runner = run(bot);
  const start = Date.now();
  await burst(emulator, world);
  while (handled.length < total && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 20));
  await runner.stop();
  await emulator.stop();
  return handled.length / ((Math.max(...handled) - start) / 1000);
}

const bench: Benchmark = async (log) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-bench-'));
  const emulator = await startEmulator({ botUsername: 'dondoc_bench_bot' });
  const world = buildWorld(emulator);
  const config = parseConfig({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, HTTP_PORT: '0' });
  if (config.mode !== 'polling') throw new Error('bench: expected polling mode');
  const app = await startApp(config, { logger: createLogger({ level: 'silent' }), throttle: process.env.BENCH_THROTTLE !== 'off' });
  const { db, close } = await openDatabase(config.databaseUrl);
  try {
    await seedPublishedNotice(db, world);
    const commits = watchCommits(config.databaseUrl, 'sqlite');
    await commits.ready;
    const start = performance.timeOrigin + performance.now();
    const sentAt = await burst(emulator, world);
    const committedAt = await commits.until(total, 60_000);
    const reports = await db.statusReport.count();
    const latencies = [...committedAt].map(([reporter, at]) => at - (sentAt.get(Number(reporter)) ?? NaN)).sort((a, b) => a - b);
    const lastCommit = Math.max(...committedAt.values());
    const throughput = committedAt.size / ((lastCommit - start) / 1000);
    const noOp = await measureNoOpBot();
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const stats = emulator.driver.stats();
    log(`recorded ${reports}/${total} status reports from ${groups} groups (target: all)`);
    log(`throughput ${throughput.toFixed(0)} updates/s; no-op grammY bot ${noOp.toFixed(0)} updates/s; ratio ${(throughput / noOp).toFixed(2)} (target ≥ 0.3)`);
    log(`update → database commit latency p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (target p99 ≤ 250 ms)`);
    log(`429 answers from the emulator: ${stats.total429}`);
  } finally {
    await close();
    await app.stop();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;

/** One office, one unit per group, and a published notice whose directive 1 is assigned to every unit. */
async function seedPublishedNotice(db: Awaited<ReturnType<typeof openDatabase>>['db'], world: World) {
  const office = await db.office.create({ data: { name: 'Văn phòng (bench)', deadlineOffsets: [-3, -1, 0] } });
  const notice = await db.notice.create({ data: { officeId: office.id, state: 'PUBLISHED', number: '1/TB-BENCH', publishedAt: new Date(), recipients: [], warnings: [] } });
  const directive = await db.directive.create({ data: { noticeId: notice.id, position: 1, ordinal: '1', text: 'Rà soát hồ sơ', unmatched: [] } });
  for (const [index, chat] of world.chats.entries()) {
    const row = await db.chat.create({ data: { platform: 'TELEGRAM', externalId: String(chat.id), type: 'GROUP', title: `Đơn vị ${index + 1}` } });
    const unit = await db.unit.create({ data: { officeId: office.id, name: `Đơn vị ${index + 1}`, foldedName: `don vi ${index + 1}`, channels: { create: { chatId: row.id } } } });
    await db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, role: 'LEAD' } });
  }
}
