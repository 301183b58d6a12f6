import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { planWindow } from '../../src/scheduler/plan-window.js';
import { loadPlanningPages } from '../../src/scheduler/planning-data.js';
import { planReminders, type PlanningOffice, type PlanningWindow } from '../../src/scheduler/planner.js';
import type { Database } from '../../src/store/database.js';
import { createOutbox } from '../../src/store/outbox.js';
import { providersUnderTest } from '../support/databases.js';
import { useSeededWorld } from '../support/seeded-world.js';

const hanoi = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

/** The pages a window is read in, `pageOffices` offices each (all of them by default). */
async function readPages(database: Database, window: PlanningWindow, pageOffices = 1_000): Promise<PlanningOffice[][]> {
  const calendar = createWorkingCalendar(await loadCalendarOverrides());
  const pages: PlanningOffice[][] = [];
  for await (const page of loadPlanningPages(database.db, database.target.provider, window, calendar, pageOffices)) pages.push(page);
  return pages;
}

describe.each(await providersUnderTest())('what a tick reads on %s', (provider) => {
  // Directives due every day from 30 days before the ticks to 60 days after, so that some are
  // far out of any reminder's reach and some are overdue long enough to escalate.
  const seeded = useSeededWorld(provider, {
    offices: 3,
    unitsPerOffice: 4,
    assignmentsPerUnit: 90,
    dueAt: (_office, directive) => new Date(hanoi('2025-03-20', 17).getTime() + (directive - 30) * 86_400_000),
    publishedAt: hanoi('2025-02-01', 9),
  });

  it('on an ordinary day, reads only deadlines within reach yet plans exactly what reading everything plans', async () => {
    const calendar = createWorkingCalendar(await loadCalendarOverrides());
    // Ordinary working days: no reporting (14th, 28th) or summary (15th, 30th) day among them.
    for (const day of ['2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21', '2025-03-24']) {
      const window: PlanningWindow = { from: hanoi(day, 0), to: hanoi(day, 23) };
      const windowed = (await readPages(seeded.database, window)).flat();
      // Read for the whole year, every deadline is within reach: every open assignment is read.
      const everything = (await readPages(seeded.database, { from: hanoi('2025-01-01', 0), to: hanoi('2025-12-31', 0) })).flat();
      const assignmentsRead = (offices: typeof windowed) => offices.reduce((sum, office) => sum + office.assignments.length, 0);
      expect(assignmentsRead(windowed)).toBeLessThan(assignmentsRead(everything));
      const keys = (offices: typeof windowed) => planReminders(offices, window, calendar).map((reminder) => reminder.key).sort();
      const planned = keys(windowed);
      expect(planned.some((key) => key.startsWith('deadline:'))).toBe(true);
      expect(planned).toEqual(keys(everything));
    }
  });

  it('on a reporting day, reads each unit\'s open work per notice instead of every open assignment', async () => {
    const window: PlanningWindow = { from: hanoi('2025-03-14', 0), to: hanoi('2025-03-14', 23) };
    const [offices] = await readPages(seeded.database, window);
    // One notice per office, four units: four rows each, whatever the number of assignments.
    expect(offices!.map((office) => office.openWork.length)).toEqual([4, 4, 4]);
    expect(offices!.every((office) => office.assignments.length < 4 * 90)).toBe(true);
    const work = offices![0]!.openWork[0]!;
    expect([work.oldestReportAt, work.publishedAt.toISOString()]).toEqual([null, hanoi('2025-02-01', 9).toISOString()]);

    // A unit that reported on all but one assignment is still silent, as of its oldest report.
    const unitId = work.unitId;
    const open = await seeded.database.db.assignment.findMany({ where: { unitId }, orderBy: { id: 'asc' } });
    await seeded.database.db.assignment.updateMany({ where: { id: { in: open.slice(1).map((a) => a.id) } }, data: { lastReportAt: hanoi('2025-03-10', 9) } });
    await seeded.database.db.assignment.update({ where: { id: open[0]!.id }, data: { lastReportAt: hanoi('2025-03-01', 9) } });
    const reread = (await readPages(seeded.database, window)).flat().flatMap((office) => office.openWork).find((w) => w.unitId === unitId)!;
    expect(reread.oldestReportAt?.toISOString()).toBe(hanoi('2025-03-01', 9).toISOString());
    // On an ordinary day nobody's open work is read.
    const ordinary = (await readPages(seeded.database, { from: hanoi('2025-03-18', 0), to: hanoi('2025-03-18', 23) })).flat();
    expect(ordinary.every((office) => office.openWork.length === 0)).toBe(true);
    await seeded.database.db.assignment.updateMany({ where: { unitId }, data: { lastReportAt: null } });
  });

  it('reads nothing in the minutes that are no office\'s reminder time, and on its minute only the deadlines with a reminder then', async () => {
    const calendar = createWorkingCalendar(await loadCalendarOverrides());
    const minuteTo = (hour: number, minute: number): PlanningWindow => {
      const to = new Date(`2025-03-14T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);
      return { from: new Date(to.getTime() - 60_000), to };
    };
    // The offices remind at 08:00: the minute before and the minute after read no office at all.
    expect(await readPages(seeded.database, minuteTo(7, 59))).toEqual([]);
    expect(await readPages(seeded.database, minuteTo(8, 1))).toEqual([]);

    const eight = minuteTo(8, 0);
    const offices = (await readPages(seeded.database, eight)).flat();
    expect(offices).toHaveLength(3);
    // Friday 14/03: due Wed 19/03 (3 working days before), Mon 17/03 (1 before), today, and
    // overdue or escalated ones; not the three weeks of deadlines on either side that are in reach.
    const dueDates = new Set(offices.flatMap((office) => office.assignments.map((assignment) => String(assignment.due))));
    expect(dueDates.has('2025-03-19')).toBe(true);
    expect(dueDates.has('2025-03-17')).toBe(true);
    expect(dueDates.has('2025-03-14')).toBe(true);
    expect(dueDates.has('2025-03-18')).toBe(false);
    expect(dueDates.size).toBeLessThan(10);
    // What the whole day's reading plans for that minute is what the minute's reading plans.
    const keys = (read: PlanningOffice[]) => planReminders(read, eight, calendar).map((reminder) => reminder.key).sort();
    const day = (await readPages(seeded.database, { from: hanoi('2025-03-14', 0), to: hanoi('2025-03-14', 23) })).flat();
    expect(keys(offices)).toEqual(keys(day));
    expect(keys(offices).some((key) => key.startsWith('deadline:'))).toBe(true);
  });

  // Pages follow the database's own order of ids (its collation on PostgreSQL), read back from each page.
  it('plans page by page exactly what it plans from one page of every office', async () => {
    const calendar = createWorkingCalendar(await loadCalendarOverrides());
    // A reporting day (every open assignment read), a summary day and an ordinary day with deadlines.
    for (const day of ['2025-03-14', '2025-03-17', '2025-03-21']) {
      const window: PlanningWindow = { from: hanoi(day, 0), to: hanoi(day, 23) };
      const plan = (pages: PlanningOffice[][]) => pages.flatMap((offices) => planReminders(offices, window, calendar)).sort((a, b) => a.key.localeCompare(b.key));
      const whole = await readPages(seeded.database, window);
      expect(whole).toHaveLength(1);
      for (const pageOffices of [1, 2]) {
        const paged = await readPages(seeded.database, window, pageOffices);
        expect(paged.map((page) => page.length)).toEqual(pageOffices === 1 ? [1, 1, 1] : [2, 1]);
        expect(new Set(paged.flat().map((office) => office.id)).size).toBe(3);
        expect(plan(paged)).toEqual(plan(whole));
      }
      expect(plan(whole).length).toBeGreaterThan(0);
    }
  });

  it('lets other work run between pages, so a long tick does not hold up the bot', async () => {
    const calendar = createWorkingCalendar(await loadCalendarOverrides());
    const window: PlanningWindow = { from: hanoi('2025-03-28', 0), to: hanoi('2025-03-28', 23) };
    const outbox = createOutbox(seeded.database.db, provider);
    const events: string[] = [];
    const recording = { ...outbox, insert: (entries: Parameters<typeof outbox.insert>[0]) => (events.push('insert'), outbox.insert(entries)) };
    // An update arriving as the tick starts, handled at the next turn of the event loop.
    setTimeout(() => events.push('update'), 0);
    await planWindow({ db: seeded.database.db, provider, outbox: recording, calendar }, window, 1);
    // Three pages; the update is handled before the last one (on SQLite every call in between is synchronous).
    expect(events.filter((event) => event === 'insert')).toHaveLength(3);
    expect(events.slice(0, events.lastIndexOf('insert'))).toContain('update');
    await seeded.database.db.reminder.deleteMany();
  });

  it('plans a window into the outbox page by page, and fails as soon as an insert fails', async () => {
    const calendar = createWorkingCalendar(await loadCalendarOverrides());
    const window: PlanningWindow = { from: hanoi('2025-03-14', 0), to: hanoi('2025-03-14', 23) };
    const planned = (await readPages(seeded.database, window)).flatMap((offices) => planReminders(offices, window, calendar));
    const outbox = createOutbox(seeded.database.db, provider);
    const deps = { db: seeded.database.db, provider, outbox, calendar };
    let inserts = 0;
    const failing = { ...outbox, insert: (entries: Parameters<typeof outbox.insert>[0]) => (++inserts === 2 ? Promise.reject(new Error('seeded.database gone')) : outbox.insert(entries)) };
    await expect(planWindow({ ...deps, outbox: failing }, window, 1)).rejects.toThrow('seeded.database gone');
    // The first page went in before the second failed; planning the window again adds the rest.
    const before = (await outbox.countByState()).PENDING ?? 0;
    expect(before).toBeGreaterThan(0);
    expect(await planWindow(deps, window, 1)).toMatchObject({ planned: planned.length, inserted: planned.length - before });
    expect((await outbox.countByState()).PENDING).toBe(planned.length);
    expect(await planWindow(deps, window, 2)).toMatchObject({ planned: planned.length, inserted: 0 });
  });
});
