import type { ResultCategory } from '../domain/result-category.js';
import type { ReportRow } from './report-data.js';

/** The four result categories in the order every report lists them. */
export const resultCategories: readonly ResultCategory[] = ['ON_TIME', 'LATE', 'IN_TIME', 'OVERDUE'];

/** One unit's assignments counted by category, for the summary sheet, the chart and the dashboard. */
export interface UnitTally {
  unitId: string;
  unitName: string;
  total: number;
  lead: number;
  support: number;
  counts: Record<ResultCategory, number>;
  /** The most days any of its overdue assignments is late; 0 when none is. */
  maxDaysOverdue: number;
}

/** The fields of a row a tally reads. */
export type TallyInput = Pick<ReportRow, 'unitId' | 'unitName' | 'role' | 'category' | 'daysLate'>;

/** Counts rows per unit, units in Vietnamese alphabetical order. */
export function tallyByUnit(rows: Iterable<TallyInput>): UnitTally[] {
  const byUnit = new Map<string, UnitTally>();
  for (const row of rows) {
    let tally = byUnit.get(row.unitId);
    if (!tally) {
      tally = { unitId: row.unitId, unitName: row.unitName, total: 0, lead: 0, support: 0, counts: emptyCounts(), maxDaysOverdue: 0 };
      byUnit.set(row.unitId, tally);
    }
    tally.total += 1;
    tally[row.role === 'LEAD' ? 'lead' : 'support'] += 1;
    tally.counts[row.category] += 1;
    if (row.category === 'OVERDUE') tally.maxDaysOverdue = Math.max(tally.maxDaysOverdue, row.daysLate);
  }
  return [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}

/** Counts rows by category alone. */
export function countByCategory(rows: Iterable<Pick<ReportRow, 'category'>>): Record<ResultCategory, number> {
  const counts = emptyCounts();
  for (const row of rows) counts[row.category] += 1;
  return counts;
}

function emptyCounts(): Record<ResultCategory, number> {
  return { ON_TIME: 0, LATE: 0, IN_TIME: 0, OVERDUE: 0 };
}
