/**
 * One planning tick in a process of its own, for the planner benchmark: plans the minute of 08:00
 * on Friday 14/03/2025 into the outbox twice, as the scheduler does (planWindow), and prints the
 * timings and its peak RSS as JSON. A process of its own, so that the RSS is the scheduler's and
 * not the seeding's; the benchmark runs it compiled, as `npm start` runs the bot. As in the
 * running scheduler, the tick of 07:59 has run before it in the same process (it plans nothing:
 * no office reminds then). Arguments: DATABASE_URL, then `--cold` to
 * time the 08:00 tick as the first thing the process does (it then also pays for loading the zone
 * data and warming the code up), or `--open-only` to stop after the first query and print only
 * the peak RSS: the baseline that every tick's RSS includes.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createWorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { instantAt } from '../../src/domain/zoned-time.js';
import { planWindow } from '../../src/scheduler/plan-window.js';
import { openDatabase } from '../../src/store/database.js';
import { createOutbox } from '../../src/store/outbox.js';

const database = await openDatabase(process.argv[2]!);
const deps = { db: database.db, provider: database.target.provider, outbox: createOutbox(database.db, database.target.provider), calendar: createWorkingCalendar(await loadCalendarOverrides()) };
// The running app has queried the database long before a tick: Prisma's query compiler is loaded
// and a connection is open (SQLite's openDatabase has already set its pragmas).
await deps.db.$queryRawUnsafe('SELECT 1');
const eight = instantAt(parseIsoDate('2025-03-14'), 8, 0, 'Asia/Ho_Chi_Minh');
const minuteTo = (to: Date) => ({ from: new Date(to.getTime() - 60_000), to });
const mode = process.argv[3];

async function tick(window = minuteTo(eight)) {
  // The longest the event loop waited during the tick: how long the bot's updates could be held up.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const { planned, inserted, ms } = await planWindow(deps, window);
  const total = performance.now() - started;
  // A block is recorded when the sampling timer finally runs: give it that turn.
  await new Promise((resolve) => setTimeout(resolve, 20));
  loopDelay.disable();
  return { total, ...ms, planned, inserted, longestBlock: loopDelay.max / 1e6 };
}

if (mode === undefined) {
  const before = await tick(minuteTo(new Date(eight.getTime() - 60_000)));
  if (before.planned !== 0) throw new Error(`the tick of 07:59 planned ${before.planned} reminders`);
}
const figures = mode === '--open-only' ? {} : { first: await tick(), again: await tick() };
await database.close();
process.stdout.write(`${JSON.stringify({ ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
