import type { LocalDate } from './local-date.js';
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
}

export interface OverdueItem {
  ordinal: string;
  daysLate: number;
}

/** The `/report` content for one notice. */
export interface NoticeProgress {
  noticeId: string;
  noticeLabel: string;
  total: number;
  counts: Record<ResultCategory, number>;
  /** Units with overdue work, most overdue first. */
  overdue: { unitName: string; items: OverdueItem[] }[];
  /** Units with open work that have not reported since the last reporting day. */
  notReported: string[];
}

/**
 * Builds the per-notice summary: counts in the four categories, overdue items by unit, and
 * the units silent since `lastReportingDay` (since ever, when the office has no schedule).
 */
export function buildProgressReport(rows: readonly ProgressRow[], options: { today: LocalDate; lastReportingDay: LocalDate | null }): NoticeProgress[] {
  return [...groupBy(rows, (row) => row.noticeId).values()].map((noticeRows) => {
    const counts: Record<ResultCategory, number> = { ON_TIME: 0, LATE: 0, IN_TIME: 0, OVERDUE: 0 };
    const overdueRows: (OverdueItem & { unitName: string })[] = [];
    const silent = new Set<string>();
    for (const row of noticeRows) {
      const { category, daysLate } = categorise(row, options.today);
      counts[category] += 1;
      if (category === 'OVERDUE') overdueRows.push({ unitName: row.unitName, ordinal: row.ordinal, daysLate });
      const open = row.state !== 'DONE';
      const reportedSince = row.lastReport !== null && (options.lastReportingDay === null || row.lastReport >= options.lastReportingDay);
      if (open && !reportedSince) silent.add(row.unitName);
    }
    const first = noticeRows[0]!;
    return {
      noticeId: first.noticeId,
      noticeLabel: first.noticeLabel,
      total: noticeRows.length,
      counts,
      overdue: [...groupBy(overdueRows, (item) => item.unitName).entries()]
        .map(([unitName, items]) => ({ unitName, items: items.map(({ ordinal, daysLate }) => ({ ordinal, daysLate })).sort((a, b) => b.daysLate - a.daysLate) }))
        .sort((a, b) => (b.items[0]?.daysLate ?? 0) - (a.items[0]?.daysLate ?? 0)),
      notReported: [...silent].sort((a, b) => a.localeCompare(b, 'vi')),
    };
  });
}
