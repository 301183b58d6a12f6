import type { WorkingCalendar } from '../domain/calendar.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { Db } from '../store/database.js';
import { nextClockTargets, reminderTimesBetween, type ClockTarget } from './clock-targets.js';
import type { DemoWorld } from './demo-world.js';
import type { Driver } from './driver.js';
import { walkClock, type SandboxClock } from './sandbox-clock.js';
import { sandboxGuide, type GuideStep } from './sandbox-guide.js';

/** The bot's clock as the page shows it: the time, whether it was moved, and where it can go. */
export interface ClockView {
  now: string;
  moved: boolean;
  timeZone: string;
  next: Record<ClockTarget, string | null>;
}

/** What the sandbox page asks of the running bot beyond the emulator: its data and its clock. */
export interface SandboxBackend {
  guide(): Promise<GuideStep[]>;
  /** The roles each demo person holds in the bot (in any office), by Telegram user id. */
  botRoles(): Promise<Map<number, string[]>>;
  clock(): Promise<ClockView>;
  /**
   * Moves the bot's clock to the next reporting day, deadline or summary day (the reminder time
   * on that day), running the production scheduler's tick on the way, or back to the wall clock.
   */
  moveClock(to: ClockTarget | 'now'): Promise<ClockView & { ticks: number }>;
}

export interface SandboxBackendDeps {
  /** The bot's database, opened once the app has migrated it (the page's route is made before). */
  db(): Db;
  driver: Driver;
  demo: DemoWorld;
  clock: SandboxClock;
  calendar: WorkingCalendar;
  timeZone: string;
  /** The running app's scheduler; the app starts after the page's route is made. */
  scheduler(): Scheduler;
}

export function createSandboxBackend(deps: SandboxBackendDeps): SandboxBackend {
  const { clock } = deps;
  // One move at a time: two presses must not walk the clock over each other.
  let moving: Promise<unknown> = Promise.resolve();

  async function clockView(): Promise<ClockView> {
    const now = clock.now();
    const targets = await nextClockTargets(deps.db(), deps.calendar, now);
    const iso = (instant: Date | null) => instant?.toISOString() ?? null;
    return { now: now.toISOString(), moved: clock.moved, timeZone: deps.timeZone, next: { report: iso(targets.report), deadline: iso(targets.deadline), summary: iso(targets.summary) } };
  }

  async function move(to: ClockTarget | 'now'): Promise<ClockView & { ticks: number }> {
    let ticks = 0;
    if (to === 'now') {
      clock.reset();
    } else {
      const target = (await nextClockTargets(deps.db(), deps.calendar, clock.now()))[to];
      if (target === null) throw new Error(`Chưa có ${to === 'report' ? 'ngày báo cáo' : to === 'deadline' ? 'hạn chót' : 'ngày tổng hợp'} nào phía trước: hãy phát hành một thông báo trước.`);
      const stops = await reminderTimesBetween(deps.db(), clock.now(), target);
      ticks = await walkClock(clock, target, stops, () => deps.scheduler().tick());
    }
    return { ...(await clockView()), ticks };
  }

  return {
    guide: () => sandboxGuide(deps.db(), deps.driver, deps.demo, clock.now(), deps.timeZone),
    async botRoles() {
      const people = await deps.db().person.findMany({
        where: { platform: 'TELEGRAM', externalId: { in: deps.demo.roles.map((role) => String(role.user.id)) } },
        select: { externalId: true, memberships: { select: { role: true } } },
      });
      return new Map(people.map((person) => [Number(person.externalId), [...new Set(person.memberships.map((membership) => membership.role))]]));
    },
    clock: clockView,
    moveClock(to) {
      const result = moving.then(() => move(to));
      moving = result.catch(() => undefined);
      return result;
    },
  };
}
