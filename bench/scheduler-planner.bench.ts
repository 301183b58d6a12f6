/**
 * Planner scale: 1,000 offices × 100 open assignments (100,000), on SQLite and PostgreSQL.
 * Reports one planning tick at 08:00 on a reporting day (planWindow: a page of offices read,
 * planned and inserted into the outbox at a time; load, plan and insert are the time the tick
 * waited on each, summed over the pages) in a process of its own that has run the tick of 07:59
 * before it, as the running scheduler has; the same tick again (every key already known, as a
 * second instance sees it); that process's peak RSS; the 08:00 tick as the very first thing a
 * fresh process does (which also loads the zone data and warms the code up); the peak RSS of a
 * process that only opens the database and queries it once (the baseline every tick carries:
 * Node, the Prisma client and its query compiler); and the growth from 10,000 to 100,000
 * assignments. Deadlines are spread over the year, as in real notices.
 * Targets (issue 6): a tick ≤ 1 s, peak RSS ≤ 250 MB, growth ≤ 12×.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { addDays, parseIsoDate } from '../src/domain/local-date.js';
import { instantAt } from '../src/domain/zoned-time.js';
import type { Benchmark } from '../src/cli/bench.js';
import { compile } from '../scripts/build.mjs';
import { createTestDatabase, providersUnderTest } from '../test/support/databases.js';
import { openDatabase } from '../src/store/database.js';
import { openMigrated, seedWorld } from '../test/scheduler/world.js';

// The tick's process runs compiled, as `npm start` runs the bot (see scripts/build.mjs): not
// through tsx, whose module hooks would add a second JavaScript engine to its memory.
const childDir = fileURLToPath(new URL('../node_modules/.cache/dondoc/planning-tick-child/', import.meta.url));
const child = path.join(childDir, 'planning-tick-child.js');
const hanoi = (iso: string, hour: number) => instantAt(parseIsoDate(iso), hour, 0, 'Asia/Ho_Chi_Minh');

interface TickFigures {
  total: number;
  load: number;
  plan: number;
  insert: number;
  inserted: number;
  longestBlock: number;
}

const bench: Benchmark = async (log) => {
  await compile(['test/scheduler/planning-tick-child.ts'], childDir);
  const ms = (value: number) => `${Math.round(value)} ms`;
  for (const provider of await providersUnderTest()) {
    const times: Record<number, number> = {};
    let peak = 0;
    let baseline = 0;
    for (const offices of [100, 1_000]) {
      const testDb = await createTestDatabase(provider);
      try {
        const database = await openMigrated(testDb.url);
        // 10 units × 10 directives per office: 100 open assignments each, deadlines spread over 2025.
        await seedWorld(database, {
          offices,
          unitsPerOffice: 10,
          assignmentsPerUnit: 10,
          dueAt: (office, directive) => instantAt(addDays(parseIsoDate('2025-01-01'), (office * 13 + directive * 37) % 365), 17, 0, 'Asia/Ho_Chi_Minh'),
          publishedAt: hanoi('2025-01-01', 9),
        });
        // Statistics, as a database in service has them (autovacuum; the test server may have it off):
        // without them PostgreSQL scans whole tables for each page's units and assignments.
        await database.db.$executeRawUnsafe(provider === 'postgresql' ? 'VACUUM ANALYZE' : 'ANALYZE');
        await database.close();
        const { first, again, peakRssMb } = await runChild<{ first: TickFigures; again: TickFigures; peakRssMb: number }>(testDb.url);
        let cold = '';
        if (offices === 1_000) {
          baseline = (await runChild<{ peakRssMb: number }>(testDb.url, '--open-only')).peakRssMb;
          // Its own database state: the first child's reminders are in the outbox, as a second run's would be.
          await removeReminders(testDb.url);
          cold = `; as a fresh process's first work ${ms((await runChild<{ first: TickFigures }>(testDb.url, '--cold')).first.total)}`;
        }
        times[offices] = first.total;
        peak = Math.max(peak, peakRssMb);
        log(
          `${provider}, ${(offices * 100).toLocaleString('en')} assignments: tick ${ms(first.total)} (load ${ms(first.load)}, plan ${ms(first.plan)}, insert ${ms(first.insert)} of ${first.inserted.toLocaleString('en')} reminders; event loop held at most ${ms(first.longestBlock)}); ` +
            `same minute again ${ms(again.total)} (${again.inserted} new); peak RSS ${Math.round(peakRssMb)} MB${cold}`,
        );
      } finally {
        await testDb.drop();
      }
    }
    const growth = times[1_000]! / times[100]!;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    log(`${provider}: tick over 100,000 ${ms(times[1_000]!)} (target ≤ 1,000 ms: ${met(times[1_000]! <= 1_000)}); growth 10,000 → 100,000 ${growth.toFixed(1)}× (≤ 12×: ${met(growth <= 12)}); peak RSS ${Math.round(peak)} MB (≤ 250 MB: ${met(peak <= 250)}; of which a process that only opens the database: ${Math.round(baseline)} MB)`);
  }
};

async function removeReminders(url: string): Promise<void> {
  const database = await openDatabase(url);
  try {
    await database.db.reminder.deleteMany();
    if (database.target.provider === 'postgresql') await database.db.$executeRawUnsafe('VACUUM "Reminder"');
  } finally {
    await database.close();
  }
}

function runChild<T>(url: string, ...args: string[]): Promise<T> {
  return promisify(execFile)(process.execPath, [child, url, ...args], { maxBuffer: 1 << 20 }).then(({ stdout }) => JSON.parse(stdout) as T);
}

export default bench;
