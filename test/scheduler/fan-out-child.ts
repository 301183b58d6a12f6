/**
 * One scheduler process for the SIGKILL test: runs a single tick against the emulator and the
 * database it is given, then exits. Arguments: DATABASE_URL API_ROOT TOKEN NOW_ISO INSTANCE_ID.
 * It prints `claimed` once its first batch is in flight, so the test knows when to kill it.
 */
import { createWorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { createLogger } from '../../src/logger.js';
import { createTelegramBot } from '../../src/messaging/telegram/telegram-bot.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { openDatabase } from '../../src/store/database.js';

const [databaseUrl, apiRoot, token, nowIso, instanceId] = process.argv.slice(2) as [string, string, string, string, string];
const logger = createLogger({ level: 'silent' });
const database = await openDatabase(databaseUrl);
const { messenger } = createTelegramBot({ token, apiRoot, logger, throttle: false }, async () => undefined);
const scheduler = createScheduler(
  { db: database.db, provider: database.target.provider, messengers: new Map([['TELEGRAM', messenger]]), logger, now: () => new Date(nowIso), calendar: createWorkingCalendar(await loadCalendarOverrides()), timeZone: 'Asia/Ho_Chi_Minh' },
  // Slow enough (200 messages a second) that the test can kill it in the middle of the fan-out.
  { instanceId, messagesPerSecond: 200, batchChats: 50, concurrency: 8 },
);
const report = await scheduler.tick();
process.stdout.write(`${JSON.stringify(report)}\n`);
await database.close();
