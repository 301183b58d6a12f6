/**
 * The worst minute: 08:00 on a reporting day (Friday 14/03/2025, Asia/Ho_Chi_Minh), 1,000 offices
 * with 10 unit groups each and 10 open assignments per unit (100,000). The tick plans a reminder
 * for every unit group and the sender fans them out through the emulator with Telegram's limits
 * on (30 messages a second overall, 20 a minute per group, 1 a second per chat); 2 s into the
 * fan-out, 500 officials in 100 of those groups send `/status N đang thực hiện …` within 5 s.
 *
 * The bot is the whole app (`startApp`) in a child process of its own (bench/storm-bot-child.ts),
 * talking to the emulator in this process over HTTP, so its peak RSS is the bot's alone. The
 * whole fan-out is measured, to its last message: with one reminder per unit group it is about
 * 10,000 messages, some 6 minutes at 30 a second.
 *
 * Three runs per database, each on a freshly seeded database, a fresh emulator and a fresh bot:
 * the plan and fan-out alone, the status burst alone, and both at once (the storm). Each figure is
 * printed for the part alone and in the storm, with their ratio.
 * Targets (issue 20): update→commit p99 ≤ 250 ms in the storm; fan-out ≥ 0.9 × 30 messages a
 * second; 0 × 429, 0 lost, 0 duplicated; every report recorded; peak RSS ≤ 300 MB.
 *
 * `STORM_OFFICES` shrinks the world for a quick look (the targets are for the default 1,000).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import type { Chat, Message, User } from 'grammy/types';
import type { Benchmark } from '../src/cli/bench.js';
import { parseIsoDate } from '../src/domain/local-date.js';
import { instantAt } from '../src/domain/zoned-time.js';
import { startEmulator, type Emulator } from '../src/emulator/emulator.js';
import type { TickReport } from '../src/scheduler/scheduler.js';
import type { Db } from '../src/store/database.js';
import { compile } from '../scripts/build.mjs';
import { createTestDatabase, providersUnderTest, type Provider } from '../test/support/databases.js';
import { openMigrated, seedWorld } from '../test/scheduler/world.js';
import { percentile, watchCommits } from './commit-watcher.js';
import type { BotMemory, StormChildMessage } from './storm-bot-child.js';

const offices = Number(process.env.STORM_OFFICES ?? 1_000);
const unitsPerOffice = 10;
const assignmentsPerUnit = 10;
const reportingGroups = 100;
const officialsPerGroup = 5;
const reports = reportingGroups * officialsPerGroup;
const burstDelayMs = 2_000;
const burstSpreadMs = 5_000;
const globalLimit = 30;

// One folder per run, so that a second run compiling meanwhile cannot change the first one's bot.
const childDir = fileURLToPath(new URL(`../node_modules/.cache/dondoc/storm-bot-child-${process.pid}/`, import.meta.url));
const hanoi = (iso: string, hour: number) => instantAt(parseIsoDate(iso), hour, 0, 'Asia/Ho_Chi_Minh');
const clock = () => performance.timeOrigin + performance.now();

type Part = 'fan-out' | 'burst' | 'storm';

interface Official {
  user: User;
  chat: Chat;
  /** The directive this official reports on (each of a group's officials on another). */
  ordinal: number;
}

/** What one run measured; the fan-out's figures are absent in a burst alone and the other way round. */
interface Figures {
  /** The machine's 1-minute load average when the run began, and its number of cores: other work skews the latencies. */
  load: string;
  memory: BotMemory;
  total429: number;
  fanOut?: {
    reminders: number;
    /** From the tick's start to the first reminder: planning and the first claim. */
    firstAfterMs: number;
    /** Reminders a second from the first to the last. */
    rate: number;
    lost: number;
    duplicated: number;
    tick: TickReport;
    /** Reminders a second, and all the bot's messages a second, from the burst's start to its last commit (the storm only). */
    inStorm?: { reminders: number; all: number };
  };
  burst?: { recorded: number; committed: number; p50: number; p99: number; max: number; acknowledged: number };
}

const bench: Benchmark = async (log) => {
  await compile(['bench/storm-bot-child.ts'], childDir);
  log(
    `${offices.toLocaleString('en')} offices × ${unitsPerOffice} unit groups × ${assignmentsPerUnit} open assignments = ${(offices * unitsPerOffice * assignmentsPerUnit).toLocaleString('en')}; ` +
      `${reports} officials in ${reportingGroups} groups report within ${burstSpreadMs / 1000} s from ${burstDelayMs / 1000} s into the fan-out; the bot in a child process, the emulator (Telegram's limits on) here`,
  );
  try {
    for (const provider of await providersUnderTest()) {
      const alone = { fanOut: await measure(provider, 'fan-out'), burst: await measure(provider, 'burst') };
      const storm = await measure(provider, 'storm');
      report(log, provider, alone, storm);
    }
  } finally {
    await rm(childDir, { recursive: true, force: true });
  }
};

export default bench;

/** Seeds a fresh database and emulator, starts the bot, plays `part` and collects the figures. */
async function measure(provider: Provider, part: Part): Promise<Figures> {
  const emulator = await startEmulator({ botUsername: 'dondoc_storm_bot' });
  const testDb = await createTestDatabase(provider);
  let child: ChildProcess | undefined;
  try {
    const { expected, officials } = await seed(emulator, testDb.url, provider);
    const reminders = watchReminders(emulator);
    child = fork(path.join(childDir, 'storm-bot-child.js'), [testDb.url, emulator.apiRoot, emulator.token], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const messages = childMessages(child);
    await messages.next('ready');
    const commits = part === 'fan-out' ? undefined : watchCommits(testDb.url, provider);
    await commits?.ready;

    const figures: Figures = { load: `${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`, memory: { peakRss: 0, readyRss: 0, heapUsed: 0, external: 0 }, total429: 0 };
    let tick: Promise<TickReport> | undefined;
    let inStorm: { reminders: number; all: number } | undefined;
    if (part !== 'burst') {
      reminders.tickStart = clock();
      child.send('tick');
      tick = messages.next('tick').then((message) => (message as { tick: TickReport }).tick);
      if (part === 'storm') {
        await reminders.first;
        await sleep(burstDelayMs);
      }
    }
    if (commits) {
      const burstStart = clock();
      const sentAt = await burst(emulator, officials);
      const committedAt = await commits.until(reports, 120_000);
      const latencies = [...committedAt].map(([reporter, at]) => at - sentAt.get(reporter)!).sort((a, b) => a - b);
      figures.burst = { recorded: 0, committed: committedAt.size, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN, acknowledged: 0 };
      if (part === 'storm') {
        const lastCommit = Math.max(...committedAt.values());
        const window = (lastCommit - burstStart) / 1000;
        inStorm = { reminders: reminders.between(burstStart, lastCommit) / window, all: reminders.allBetween(burstStart, lastCommit) / window };
      }
    }
    if (tick) {
      const report = await tick;
      const counts = expected.map((chatId) => reminders.countIn(chatId));
      figures.fanOut = {
        reminders: reminders.times.length,
        firstAfterMs: reminders.times[0]! - reminders.tickStart,
        rate: (reminders.times.length - 1) / ((reminders.times.at(-1)! - reminders.times[0]!) / 1000),
        lost: counts.filter((count) => count === 0).length,
        duplicated: counts.filter((count) => count > 1).length,
        tick: report,
        inStorm,
      };
    }
    child.send('stop');
    figures.memory = ((await messages.next('memory')) as { memory: BotMemory }).memory;
    await new Promise((resolve) => (child!.exitCode === null ? child!.once('exit', resolve) : resolve(undefined)));
    figures.total429 = emulator.driver.stats().total429;
    if (figures.burst) {
      figures.burst.recorded = await countReports(testDb.url);
      figures.burst.acknowledged = reminders.acknowledgements();
    }
    return figures;
  } finally {
    if (child && child.exitCode === null) child.kill();
    await emulator.stop();
    await testDb.drop();
  }
}

/**
 * Seeds the world with its groups made in the emulator; every hundredth unit group (one in each of
 * 100 offices) gets five officials, enrolled in the unit as the bot's /join would have done.
 * Returns the chats that must get a reminder at 08:00 and the officials: every unit group gets its
 * reporting-day reminder, and every office's home group the consolidated summary (due on Saturday
 * the 15th, so on Friday the 14th).
 */
async function seed(emulator: Emulator, url: string, provider: Provider): Promise<{ expected: number[]; officials: Official[] }> {
  const database = await openMigrated(url);
  try {
    const officials: Official[] = [];
    let unitGroups = 0;
    const world = await seedWorld(database, {
      offices,
      unitsPerOffice,
      assignmentsPerUnit,
      dueAt: hanoi('2025-06-30', 17),
      publishedAt: hanoi('2025-03-01', 9),
      chatId: (title) => {
        const isUnit = !title.startsWith('Văn phòng');
        const reporting = isUnit && unitGroups++ % Math.max(1, Math.floor((offices * unitsPerOffice) / reportingGroups)) === 0 && officials.length < reports;
        const members = reporting ? Array.from({ length: officialsPerGroup }, (_, i) => emulator.driver.createUser({ firstName: `Cán bộ ${unitGroups}.${i + 1}` })) : [];
        const chat = emulator.driver.createGroup({ title, type: 'supergroup', members, silent: true });
        members.forEach((user, i) => officials.push({ user, chat, ordinal: i + 1 }));
        return chat.id;
      },
    });
    await enrol(database.db, officials);
    // Statistics, as a database in service has them (see the planner benchmark).
    await database.db.$executeRawUnsafe(provider === 'postgresql' ? 'VACUUM ANALYZE' : 'ANALYZE');
    return { expected: [...world.unitChatIds, ...world.officeChatIds], officials };
  } finally {
    await database.close();
  }
}

/** People and memberships of the officials in their group's unit. */
async function enrol(db: Db, officials: Official[]): Promise<void> {
  const channels = await db.unitChannel.findMany({ where: { chat: { externalId: { in: [...new Set(officials.map(({ chat }) => String(chat.id)))] } } }, include: { chat: true, unit: true } });
  const unitOf = new Map(channels.map((channel) => [channel.chat.externalId, channel.unit]));
  const people = officials.map(({ user, chat }) => ({ id: randomUUID(), user, unit: unitOf.get(String(chat.id))! }));
  await db.person.createMany({ data: people.map(({ id, user }) => ({ id, platform: 'TELEGRAM' as const, externalId: String(user.id), displayName: user.first_name })) });
  await db.membership.createMany({ data: people.map(({ id, unit }) => ({ personId: id, officeId: unit.officeId, role: 'OFFICIAL' as const, unitId: unit.id })) });
}

/**
 * Times every message the bot posts. A reminder is a text that is not an acknowledgement of a
 * report ("✅ Đã ghi nhận…"); the office summaries' charts are photos and not counted.
 */
function watchReminders(emulator: Emulator) {
  const times: number[] = [];
  const all: number[] = [];
  const perChat = new Map<number, number>();
  let acknowledgements = 0;
  let reached: () => void;
  const first = new Promise<void>((resolve) => (reached = resolve));
  emulator.api.world.subscribe((event) => {
    if (event.kind !== 'message' || !event.fromBot) return;
    const at = clock();
    all.push(at);
    if (isAcknowledgement(event.message)) acknowledgements += 1;
    else if (event.message.text !== undefined) {
      times.push(at);
      perChat.set(event.chatId, (perChat.get(event.chatId) ?? 0) + 1);
      reached();
    }
  });
  const between = (list: number[], from: number, to: number) => list.filter((at) => at >= from && at <= to).length;
  return {
    times,
    first,
    tickStart: 0,
    countIn: (chatId: number) => perChat.get(chatId) ?? 0,
    between: (from: number, to: number) => between(times, from, to),
    allBetween: (from: number, to: number) => between(all, from, to),
    acknowledgements: () => acknowledgements,
  };
}

const isAcknowledgement = (message: Message) => message.text?.startsWith('✅ Đã ghi nhận') ?? false;

/** Each official sends `/status N đang thực hiện …`, all of them spread evenly over the burst; returns when each was sent. */
async function burst(emulator: Emulator, officials: Official[]): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  // Interleaved across groups, as people in a hundred offices report independently.
  const order = officials.map((_, i) => officials[(i % reportingGroups) * officialsPerGroup + Math.floor(i / reportingGroups)]!);
  await Promise.all(
    order.map(
      ({ user, chat, ordinal }, index) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            sentAt.set(String(user.id), clock());
            emulator.driver.sendCommand(user, chat, `/status ${ordinal} đang thực hiện, đã rà soát hồ sơ`);
            resolve();
          }, (index * burstSpreadMs) / officials.length),
        ),
    ),
  );
  return sentAt;
}

/** The child's IPC messages, awaited by kind. */
function childMessages(child: ChildProcess) {
  const received: StormChildMessage[] = [];
  const waiting: (() => void)[] = [];
  child.on('message', (message: StormChildMessage) => {
    received.push(message);
    for (const wake of waiting.splice(0)) wake();
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the bot's process exited (${code}) before it answered`))));
  exited.catch(() => undefined);
  const kindOf = (message: StormChildMessage) => (typeof message === 'string' ? message : Object.keys(message)[0]!);
  return {
    async next(kind: 'ready' | 'tick' | 'memory'): Promise<StormChildMessage> {
      for (;;) {
        const index = received.findIndex((message) => kindOf(message) === kind);
        if (index >= 0) return received.splice(index, 1)[0]!;
        await Promise.race([new Promise<void>((resolve) => waiting.push(resolve)), exited]);
      }
    },
  };
}

async function countReports(url: string): Promise<number> {
  const database = await openMigrated(url);
  try {
    return await database.db.statusReport.count();
  } finally {
    await database.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function report(log: (line: string) => void, provider: Provider, alone: { fanOut: Figures; burst: Figures }, storm: Figures): void {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00×' : '∞') : `${(a / b).toFixed(2)}×`);
  const row = (label: string, a: number, s: number, unit: string, target: string) => log(`  ${label.padEnd(34)} ${`${fmt(a)}${unit}`.padStart(12)} ${`${fmt(s)}${unit}`.padStart(12)} ${ratio(s, a).padStart(8)}   ${target}`);
  const fmt = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(1));
  const f = alone.fanOut.fanOut!;
  const b = alone.burst.burst!;
  const sf = storm.fanOut!;
  const sb = storm.burst!;
  log(`${provider}:                                   ${'alone'.padStart(12)} ${'storm'.padStart(12)} ${'storm/alone'.padStart(8)}`);
  row('update→commit p50', b.p50, sb.p50, ' ms', '');
  row('update→commit p99', b.p99, sb.p99, ' ms', `target ≤ 250 ms: ${met(sb.p99 <= 250)}`);
  row('update→commit max', b.max, sb.max, ' ms', '');
  row('reports recorded', b.recorded, sb.recorded, '', `target ${reports}: ${met(sb.recorded === reports && b.recorded === reports)}`);
  row('acknowledgement messages', b.acknowledged, sb.acknowledged, '', '(merged per group while one is in flight)');
  row('reminders sent', f.reminders, sf.reminders, '', `to ${(offices * (unitsPerOffice + 1)).toLocaleString('en')} unit and office groups`);
  row('tick start → first reminder', f.firstAfterMs, sf.firstAfterMs, ' ms', '(planning and the first claim)');
  row('fan-out rate, first→last reminder', f.rate, sf.rate, '/s', `target ≥ ${0.9 * globalLimit}/s: ${met(sf.rate >= 0.9 * globalLimit && f.rate >= 0.9 * globalLimit)}`);
  log(`  in the storm window (first report to last commit): reminders ${sf.inStorm!.reminders.toFixed(1)}/s, all the bot's messages ${sf.inStorm!.all.toFixed(1)}/s`);
  row('429s (fan-out alone / storm)', alone.fanOut.total429, storm.total429, '', `target 0: ${met(storm.total429 === 0 && alone.fanOut.total429 === 0)}`);
  log(`  429s in the burst alone: ${alone.burst.total429}`);
  row('lost reminders', f.lost, sf.lost, '', `target 0: ${met(sf.lost === 0 && f.lost === 0)}`);
  row('duplicated reminders', f.duplicated, sf.duplicated, '', `target 0: ${met(sf.duplicated === 0 && f.duplicated === 0)}`);
  log(`  tick report alone: ${JSON.stringify(f.tick)}; in the storm: ${JSON.stringify(sf.tick)}`);
  row('bot peak RSS (fan-out alone)', alone.fanOut.memory.peakRss, storm.memory.peakRss, ' MB', `target ≤ 300 MB: ${met(storm.memory.peakRss <= 300)}`);
  const memory = (m: BotMemory) => `peak RSS ${fmt(m.peakRss)} MB (${fmt(m.readyRss)} MB once started; peaks of the JS heap ${fmt(m.heapUsed)} MB, external ${fmt(m.external)} MB)`;
  log(`  bot memory: fan-out alone ${memory(alone.fanOut.memory)}; burst alone ${memory(alone.burst.memory)}; storm ${memory(storm.memory)}`);
  log(`  machine load when each run began: fan-out alone ${alone.fanOut.load}, burst alone ${alone.burst.load}, storm ${storm.load}`);
}
