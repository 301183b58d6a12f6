/**
 * One planning tick in a fresh process, for the planner benchmark: loads, plans and inserts the
 * minute of 08:00 on Friday 14/03/2025, twice, and prints the timings and its peak RSS as JSON.
 * A process of its own, so that the RSS is the scheduler's and not the seeding's. Argument: DATABASE_URL.
 */
import { createWorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { instantAt } from '../../src/domain/zoned-time.js';
import { planReminders } from '../../src/scheduler/planner.js';
import { loadPlanningOffices } from '../../src/scheduler/planning-data.js';
import { openDatabase } from '../../src/store/database.js';
import { createOutbox } from '../../src/store/outbox.js';

const database = await openDatabase(process.argv[2]!);
const calendar = createWorkingCalendar(await loadCalendarOverrides());
const outbox = createOutbox(database.db, database.target.provider);
const eight = instantAt(parseIsoDate('2025-03-14'), 8, 0, 'Asia/Ho_Chi_Minh');
const window = { from: new Date(eight.getTime() - 60_000), to: eight };

async function tick() {
  const started = performance.now();
  const offices = await loadPlanningOffices(database.db, database.target.provider, window, calendar);
  const loaded = performance.now();
  const planned = planReminders(offices, window, calendar);
  const plannedAt = performance.now();
  const inserted = await outbox.insert(planned);
  const done = performance.now();
  return { total: done - started, load: loaded - started, plan: plannedAt - loaded, insert: done - plannedAt, planned: planned.length, inserted };
}

const first = await tick();
const again = await tick();
await database.close();
process.stdout.write(`${JSON.stringify({ first, again, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024 })}\n`);
