/**
 * Planner scale: 1,000 offices × 100 open assignments (100,000), on SQLite and PostgreSQL.
 * Reports one planning tick on a reporting day (load, plan, insert into the outbox), a second
 * tick over the same minute (all keys known), peak RSS, and the growth from 10,000 to 100,000.
 * Targets (issue 6): a tick ≤ 1 s, peak RSS ≤ 250 MB, growth ≤ 12×.
 */
import { createWorkingCalendar } from '../src/domain/calendar.js';
import { loadCalendarOverrides } from '../src/domain/calendar-overrides.js';
import { parseIsoDate } from '../src/domain/local-date.js';
import { instantAt } from '../src/domain/zoned-time.js';
import type { Benchmark } from '../src/cli/bench.js';
import { planReminders } from '../src/scheduler/planner.js';
import { loadPlanningOffices } from '../src/scheduler/planning-data.js';
import { createOutbox } from '../src/store/outbox.js';
import { createTestDatabase, providersUnderTest } from '../test/support/databases.js';
import { openMigrated, seedWorld } from '../test/scheduler/world.js';

const hanoi = (iso: string, hour: number) => instantAt(parseIsoDate(iso), hour, 0, 'Asia/Ho_Chi_Minh');

const bench: Benchmark = async (log) => {
  const calendar = createWorkingCalendar(await loadCalendarOverrides());
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    for (const provider of await providersUnderTest()) {
      const times: Record<number, number> = {};
      for (const offices of [100, 1_000]) {
        const testDb = await createTestDatabase(provider);
        const database = await openMigrated(testDb.url);
        try {
          // 10 units × 10 directives per office: 100 open assignments each.
          await seedWorld(database, { offices, unitsPerOffice: 10, assignmentsPerUnit: 10, dueAt: hanoi('2025-03-19', 17), publishedAt: hanoi('2025-03-01', 9) });
          const outbox = createOutbox(database.db, provider);
          // The minute of 08:00 on Friday 14/03/2025: reporting day, summaries (15th is a Saturday) and deadline reminders.
          const window = { from: hanoi('2025-03-14', 8), to: new Date(hanoi('2025-03-14', 8).getTime() + 60_000) };
          window.from = new Date(window.from.getTime() - 1);
          const tick = async () => {
            const started = performance.now();
            const loaded = await loadPlanningOffices(database.db);
            const loadedAt = performance.now();
            const planned = planReminders(loaded, window, calendar);
            const plannedAt = performance.now();
            const inserted = await outbox.insert(planned);
            const done = performance.now();
            return { total: done - started, load: loadedAt - started, plan: plannedAt - loadedAt, insert: done - plannedAt, planned: planned.length, inserted };
          };
          const first = await tick();
          const again = await tick();
          times[offices] = first.total;
          const ms = (value: number) => `${Math.round(value)} ms`;
          log(
            `${provider}, ${(offices * 100).toLocaleString('en')} assignments: first tick ${ms(first.total)} (load ${ms(first.load)}, plan ${ms(first.plan)}, insert ${ms(first.insert)}; ${first.inserted.toLocaleString('en')} reminders), ` +
              `same minute again ${ms(again.total)} (${again.inserted} new)`,
          );
        } finally {
          await database.close();
          await testDb.drop();
        }
      }
      const growth = times[1_000]! / times[100]!;
      log(`${provider}: 100,000 in ${Math.round(times[1_000]!)} ms (target ≤ 1,000 ms: ${times[1_000]! <= 1_000 ? 'met' : 'NOT met'}); growth 10,000 → 100,000: ${growth.toFixed(1)}× (target ≤ 12×: ${growth <= 12 ? 'met' : 'NOT met'})`);
    }
  } finally {
    clearInterval(sampler);
  }
  const peakMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
  log(`peak RSS ${Math.round(peakMb)} MB, seeding included (target ≤ 250 MB: ${peakMb <= 250 ? 'met' : 'NOT met'})`);
};

export default bench;
