import { setImmediate } from 'node:timers/promises';
import type { WorkingCalendar } from '../domain/calendar.js';
import type { Provider } from '../store/database-url.js';
import type { Db } from '../store/database.js';
import type { Outbox } from '../store/outbox.js';
import { planReminders, type PlanningWindow } from './planner.js';
import { loadPlanningPages } from './planning-data.js';

/** What planning a window needs. */
export interface PlanWindowDeps {
  db: Db;
  provider: Provider;
  outbox: Outbox;
  calendar: WorkingCalendar;
}

/** What planning a window did. */
export interface WindowReport {
  /** Reminders the planner found due in the window (new or not). */
  planned: number;
  /** Of those, rows new to the outbox. */
  inserted: number;
  /** Milliseconds spent waiting for the reads, planning and waiting for the inserts, summed over the pages. */
  ms: { load: number; plan: number; insert: number };
}

/**
 * Plans `window` into the outbox a page of offices at a time (see {@link loadPlanningPages}), so
 * a tick holds a few pages' rows and reminders whatever the number of offices. A page's insert
 * runs while the next page is planned: on PostgreSQL the server inserts while this process plans.
 * This is the scheduler's tick and the planner benchmark's.
 */
export async function planWindow(deps: PlanWindowDeps, window: PlanningWindow, pageOffices?: number): Promise<WindowReport> {
  const report: WindowReport = { planned: 0, inserted: 0, ms: { load: 0, plan: 0, insert: 0 } };
  let mark = performance.now();
  const lap = (step: keyof WindowReport['ms']) => {
    const now = performance.now();
    report.ms[step] += now - mark;
    mark = now;
  };
  let inserting: Promise<void> = Promise.resolve();
  for await (const offices of loadPlanningPages(deps.db, deps.provider, window, deps.calendar, pageOffices)) {
    lap('load');
    const planned = planReminders(offices, window, deps.calendar);
    report.planned += planned.length;
    lap('plan');
    await inserting;
    lap('insert');
    inserting = deps.outbox.insert(planned).then((inserted) => {
      report.inserted += inserted;
    });
    // Awaited with the next page or after the last; a failure must not count as unhandled meanwhile.
    inserting.catch(() => undefined);
    // SQLite's driver is synchronous: without a turn of the event loop between pages, a reporting
    // day's tick would hold up every update (the officials reporting that morning) until it ends.
    await setImmediate();
  }
  lap('load');
  await inserting;
  lap('insert');
  return report;
}
