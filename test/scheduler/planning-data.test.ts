import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { loadPlanningOffices } from '../../src/scheduler/planning-data.js';
import { planReminders, type PlanningWindow } from '../../src/scheduler/planner.js';
import type { Database } from '../../src/store/database.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { openMigrated, seedWorld } from './world.js';

const hanoi = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

describe('what a tick reads', () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase('sqlite');
    database = await openMigrated(testDb.url);
    // Directives due every day from 30 days before the ticks to 60 days after, so that some are
    // far out of any reminder's reach and some are overdue long enough to escalate.
    await seedWorld(database, {
      offices: 3,
      unitsPerOffice: 4,
      assignmentsPerUnit: 90,
      dueAt: (_office, directive) => new Date(hanoi('2025-03-20', 17).getTime() + (directive - 30) * 86_400_000),
      publishedAt: hanoi('2025-02-01', 9),
    });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('on an ordinary day, reads only deadlines within reach yet plans exactly what reading everything plans', async () => {
    const calendar = createWorkingCalendar(await loadCalendarOverrides());
    // Ordinary working days: no reporting (14th, 28th) or summary (15th, 30th) day among them.
    for (const day of ['2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21', '2025-03-24']) {
      const window: PlanningWindow = { from: hanoi(day, 0), to: hanoi(day, 23) };
      const windowed = await loadPlanningOffices(database.db, 'sqlite', window, calendar);
      // A window reaching back to the 14th (a reporting day) makes the loader read every open assignment.
      const everything = await loadPlanningOffices(database.db, 'sqlite', { from: hanoi('2025-03-13', 23), to: window.to }, calendar);
      const assignmentsRead = (offices: typeof windowed) => offices.reduce((sum, office) => sum + office.assignments.length, 0);
      expect(assignmentsRead(windowed)).toBeLessThan(assignmentsRead(everything));
      const keys = (offices: typeof windowed) => planReminders(offices, window, calendar).map((reminder) => reminder.key).sort();
      const planned = keys(windowed);
      expect(planned.some((key) => key.startsWith('deadline:'))).toBe(true);
      expect(planned).toEqual(keys(everything));
    }
  });
});
