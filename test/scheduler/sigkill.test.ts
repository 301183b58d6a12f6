import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { instantAt } from '../../src/domain/zoned-time.js';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from '../support/databases.js';
import { openMigrated, seedWorld, type World } from './world.js';

const child = fileURLToPath(new URL('./fan-out-child.ts', import.meta.url));
const hanoi = (iso: string, hour: number) => instantAt(parseIsoDate(iso), hour, 0, 'Asia/Ho_Chi_Minh');
const units = 1_000;

function runChild(args: string[]): { process: ChildProcess; done: Promise<string> } {
  const processHandle = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  processHandle.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  processHandle.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<string>((resolve) => processHandle.once('exit', () => resolve(output)));
  return { process: processHandle, done };
}

describe.each(await providersUnderTest())('a scheduler killed mid fan-out on %s', (provider) => {
  let emulator: Emulator;
  let testDb: TestDatabase;
  let world: World;

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false });
    testDb = await createTestDatabase(provider);
    const database = await openMigrated(testDb.url);
    world = await seedWorld(database, {
      offices: 1,
      unitsPerOffice: units,
      assignmentsPerUnit: 1,
      dueAt: hanoi('2025-06-30', 17),
      publishedAt: hanoi('2025-03-01', 9),
      chatId: (title) => emulator.driver.createGroup({ title, type: 'supergroup', silent: true }).id,
    });
    await database.close();
  }, 120_000);
  afterAll(async () => {
    await emulator?.stop();
    await testDb?.drop();
  });

  it('loses nothing, and duplicates at most the reminders in flight at the kill', async () => {
    const sentSoFar = () => emulator.driver.stats().calls.sendMessage ?? 0;
    const first = runChild([testDb.url, emulator.apiRoot, emulator.token, hanoi('2025-03-14', 8).toISOString(), 'first']);
    // 325: in the middle of a claim batch of 50 chats, not at its edge.
    while (sentSoFar() < 325) await new Promise((resolve) => setTimeout(resolve, 5));
    first.process.kill('SIGKILL');
    await first.done;
    const atKill = sentSoFar();

    const database = await openMigrated(testDb.url);
    const inFlight = await database.db.reminder.count({ where: { state: 'SENDING' } });
    // Restart three minutes later (by the clock the scheduler reads), past the dead instance's lease.
    const second = runChild([testDb.url, emulator.apiRoot, emulator.token, new Date(hanoi('2025-03-14', 8).getTime() + 3 * 60_000).toISOString(), 'second']);
    const output = await second.done;
    expect(output).toMatch(/"sent"/);

    const perChat = [...world.officeChatIds, ...world.unitChatIds].map((id) => emulator.driver.botMessages(id).length);
    const unitCounts = perChat.slice(world.officeChatIds.length);
    const lost = unitCounts.filter((count) => count === 0).length;
    const duplicates = unitCounts.filter((count) => count > 1).length;
    const states = await database.db.reminder.groupBy({ by: ['state'], _count: { _all: true } });
    await database.close();
    console.log(`[${provider}] killed after ${atKill} of ${units + 1} messages; in flight at the kill: ${inFlight}; lost: ${lost}; duplicates: ${duplicates}`);
    expect(lost).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    expect(states.map((s) => [s.state, s._count._all])).toEqual([['SENT', units + 1]]);
  }, 120_000);
});
