/**
 * Reporting-day fan-out: 2,000 unit groups get their reminder through the emulator with
 * Telegram's limits on (1/s per chat, 20/min per group, 30/s overall) and the production
 * Telegram adapter (auto-retry and throttler). Reports effective messages per second as a
 * ratio to the 30/s global limit (target ≥ 0.9), 429s received (target 0), and losses and
 * duplicates (target 0).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorkingCalendar } from '../src/domain/calendar.js';
import { loadCalendarOverrides } from '../src/domain/calendar-overrides.js';
import { parseIsoDate } from '../src/domain/local-date.js';
import { instantAt } from '../src/domain/zoned-time.js';
import { startEmulator } from '../src/emulator/emulator.js';
import type { Benchmark } from '../src/cli/bench.js';
import { createLogger } from '../src/logger.js';
import { createTelegramBot } from '../src/messaging/telegram/telegram-bot.js';
import { createScheduler } from '../src/scheduler/scheduler.js';
import { openMigrated, seedWorld } from '../test/scheduler/world.js';

const groups = 2_000;
const hanoi = (iso: string, hour: number) => instantAt(parseIsoDate(iso), hour, 0, 'Asia/Ho_Chi_Minh');

const bench: Benchmark = async (log) => {
  const emulator = await startEmulator();
  const directory = await mkdtemp(path.join(tmpdir(), 'dondoc-fanout-'));
  const database = await openMigrated(`file:${path.join(directory, 'dondoc.db')}`);
  try {
    // One office per 100 units, so that each office's summary is an ordinary message rather than 2,000 names.
    const world = await seedWorld(database, {
      offices: groups / 100,
      unitsPerOffice: 100,
      assignmentsPerUnit: 1,
      dueAt: hanoi('2025-06-30', 17),
      publishedAt: hanoi('2025-03-01', 9),
      chatId: (title) => emulator.driver.createGroup({ title, type: 'supergroup', silent: true }).id,
    });
    const logger = createLogger({ level: 'silent' });
    const { messenger } = createTelegramBot({ token: emulator.token, apiRoot: emulator.apiRoot, logger }, async () => undefined);
    const scheduler = createScheduler({
      db: database.db,
      provider: 'sqlite',
      messengers: new Map([['TELEGRAM', messenger]]),
      logger,
      now: () => hanoi('2025-03-14', 8),
      calendar: createWorkingCalendar(await loadCalendarOverrides()),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const started = performance.now();
    const report = await scheduler.tick();
    const seconds = (performance.now() - started) / 1000;

    // Text messages only: an office's summary is followed by its progress chart, a document.
    const counts = [...world.unitChatIds, ...world.officeChatIds].map((id) => emulator.driver.botMessages(id).filter((message) => message.text !== undefined).length);
    const lost = counts.filter((count) => count === 0).length;
    const duplicates = counts.filter((count) => count > 1).length;
    const stats = emulator.driver.stats();
    const perSecond = report.messages / seconds;
    log(`${report.messages.toLocaleString('en')} messages (${groups.toLocaleString('en')} unit groups, ${world.officeChatIds.length} office summaries) in ${seconds.toFixed(1)} s, planning included`);
    log(`effective rate ${perSecond.toFixed(1)}/s = ${(perSecond / 30).toFixed(2)} of the 30/s limit (target ≥ 0.9: ${perSecond / 30 >= 0.9 ? 'met' : 'NOT met'})`);
    log(`429s received: ${stats.total429} (target 0); lost: ${lost}; duplicates: ${duplicates} (targets 0)`);
  } finally {
    await database.close();
    await emulator.stop();
    await rm(directory, { recursive: true, force: true });
  }
};

export default bench;
