import { daysBetween, type LocalDate } from './local-date.js';
import { categorise, type ResultCategory } from './result-category.js';
import type { TaskState } from './task-state.js';
import { groupBy } from './group-by.js';

/** One assignment as the report sees it; dates are ISO `YYYY-MM-DD` in the office's zone. */
export interface ProgressRow {
  noticeId: string;
  noticeLabel: string;
  ordinal: string;
  unitId: string;
  unitName: string;
  state: TaskState;
  due: LocalDate | null;
  completed: LocalDate | null;
  /** The local date of the unit's last status report on this assignment, if any. */
  lastReport: LocalDate | null;
  /** The note of that last report: for a blocked assignment, the reason it is blocked. */
  lastNote?: string | null;
}

export interface OverdueItem {
  ordinal: string;
  /** The deadline it missed, which the summary shows beside the days. */
  due: LocalDate;
  /** Calendar days past the deadline. */
  daysLate: number;
}

/** An open blocker (vướng mắc): the unit's last report says it is stuck, and why. */
export interface BlockedItem {
  unitName: string;
  ordinal: string;
  reason: string | null;
  /** The local date the blocker was reported. */
  since: LocalDate;
  /** Calendar days it has been open on the report's date. */
  days: number;
  /** Where the government categories count it: still in time, or overdue by its deadline. */
  category: ResultCategory;
}

/** The `/report` content for one notice. */
export interface NoticeProgress {
  noticeId: string;
  noticeLabel: string;
  total: number;
  counts: Record<ResultCategory, number>;
  /** Of each category, how many are blocked (only open categories can be). */
  blockedCounts: Record<ResultCategory, number>;
  /** Units with overdue work, most overdue first. */
  overdue: { unitName: string; items: OverdueItem[] }[];
  /** Open blockers, oldest first. */
  blocked: BlockedItem[];
  /** Units with open work that have not reported since the previous reporting day. */
  notReported: string[];
}

/**
 * Builds the per-notice summary: counts in the four categories (a blocked directive counts where
 * its deadline puts it, and is listed apart with its reason), overdue items by unit, open
 * blockers, and the units silent since `reportedSince` (see {@link silentUnits}).
 */
export function buildProgressReport(rows: readonly ProgressRow[], options: { today: LocalDate; reportedSince: LocalDate | null }): NoticeProgress[] {
  return [...groupBy(rows, (row) => row.noticeId).values()].map((noticeRows) => {
    const counts: Record<ResultCategory, number> = { ON_TIME: 0, LATE: 0, IN_TIME: 0, OVERDUE: 0 };
    const blockedCounts: Record<ResultCategory, number> = { ON_TIME: 0, LATE: 0, IN_TIME: 0, OVERDUE: 0 };
    const overdueRows: (OverdueItem & { unitName: string })[] = [];
    const blocked: BlockedItem[] = [];
    for (const row of noticeRows) {
      const { category, daysLate } = categorise(row, options.today);
      counts[category] += 1;
      if (category === 'OVERDUE' && row.due) overdueRows.push({ unitName: row.unitName, ordinal: row.ordinal, due: row.due, daysLate });
      const blocker = openBlocker(row, options.today);
      if (blocker) {
        blockedCounts[category] += 1;
        blocked.push({ ...blocker, category });
      }
    }
    const first = noticeRows[0]!;
    return {
      noticeId: first.noticeId,
      noticeLabel: first.noticeLabel,
      total: noticeRows.length,
      counts,
      blockedCounts,
      overdue: [...groupBy(overdueRows, (item) => item.unitName).entries()]
        .map(([unitName, items]) => ({ unitName, items: items.map(({ ordinal, due, daysLate }) => ({ ordinal, due, daysLate })).sort((a, b) => b.daysLate - a.daysLate) }))
        .sort((a, b) => (b.items[0]?.daysLate ?? 0) - (a.items[0]?.daysLate ?? 0)),
      blocked: blocked.sort((a, b) => b.days - a.days || a.unitName.localeCompare(b.unitName, 'vi')),
      notReported: silentUnits(noticeRows, options.reportedSince),
    };
  });
}

/**
 * The blocker an assignment has open on `today`, or null. A blocker is the last report when it
 * says "vướng mắc": it stays open until the unit reports again, whatever it reports.
 */
export function openBlocker(row: Pick<ProgressRow, 'state' | 'unitName' | 'ordinal' | 'lastReport' | 'lastNote'>, today: LocalDate): Omit<BlockedItem, 'category'> | null {
  if (row.state !== 'BLOCKED' || row.lastReport === null) return null;
  return { unitName: row.unitName, ordinal: row.ordinal, reason: row.lastNote?.trim() || null, since: row.lastReport, days: Math.max(0, daysBetween(row.lastReport, today)) };
}

/**
 * The units that have open work among `rows` and have sent no report on any of them since
 * `since` (a report on that day counts), in Vietnamese order. With no reporting schedule
 * (`since` null) a unit is silent until it first reports. A unit that has reported is not
 * silent, even on work it did not mention: it has answered this reporting period.
 */
export function silentUnits(rows: readonly Pick<ProgressRow, 'unitId' | 'unitName' | 'state' | 'lastReport'>[], since: LocalDate | null): string[] {
  const silent: string[] = [];
  for (const unitRows of groupBy(rows, (row) => row.unitId).values()) {
    const hasOpenWork = unitRows.some((row) => row.state !== 'DONE');
    const reported = unitRows.some((row) => row.lastReport !== null && (since === null || row.lastReport >= since));
    if (hasOpenWork && !reported) silent.push(unitRows[0]!.unitName);
  }
  return silent.sort((a, b) => a.localeCompare(b, 'vi'));
}
