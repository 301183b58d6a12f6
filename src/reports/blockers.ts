import type { LocalDate } from '../domain/local-date.js';
import { openBlocker, type BlockedItem } from '../domain/progress-report.js';
import type { ReportRow } from './report-data.js';

/**
 * The open blockers (vướng mắc) among a notice's rows on `today`, longest open first: what the
 * dashboard and the .docx list under "Khó khăn, vướng mắc", as /report does.
 */
export function openBlockersOf(rows: readonly ReportRow[], today: LocalDate): BlockedItem[] {
  return rows
    .flatMap((row) => {
      const blocker = openBlocker({ state: row.state, unitName: row.unitName, ordinal: row.ordinal, lastReport: row.reportedAt?.date ?? null, lastNote: row.lastNote }, today);
      return blocker ? [{ ...blocker, category: row.category }] : [];
    })
    .sort((a, b) => b.days - a.days || a.unitName.localeCompare(b.unitName, 'vi'));
}

/** "đã 5 ngày", or "báo hôm nay" for a blocker reported today. */
export function blockerAge(days: number): string {
  return days === 0 ? 'báo hôm nay' : `đã ${days} ngày`;
}
