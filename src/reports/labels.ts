/**
 * The Vietnamese words of the exported documents. Official reports are written in Vietnamese
 * whatever the reader's chat language, so these live here rather than in `locales/`.
 */
import { formatDdMmYyyy, type LocalDate } from '../domain/local-date.js';
import type { ResultCategory } from '../domain/result-category.js';
import type { TaskState } from '../domain/task-state.js';
import type { LocalDateTime } from '../domain/zoned-time.js';
import type { ExtensionEntry, ReportNotice, ReportRow } from './report-data.js';

/**
 * Category names as government follow-up statistics word them. Work not done but still in time
 * includes blocked work (vướng mắc), so that category does not say "đang thực hiện".
 */
export const categoryLabels: Record<ResultCategory, string> = {
  ON_TIME: 'Hoàn thành đúng hạn',
  LATE: 'Hoàn thành quá hạn',
  IN_TIME: 'Chưa hoàn thành, còn trong hạn',
  OVERDUE: 'Quá hạn chưa hoàn thành',
};

export const stateLabels: Record<TaskState, string> = {
  NOT_STARTED: 'Chưa thực hiện',
  IN_PROGRESS: 'Đang thực hiện',
  DONE: 'Hoàn thành',
  BLOCKED: 'Vướng mắc',
};

export const roleLabels: Record<ReportRow['role'], string> = { LEAD: 'Chủ trì', SUPPORT: 'Phối hợp' };

const extensionStateLabels: Record<ExtensionEntry['state'], string> = { PENDING: 'chờ duyệt', APPROVED: 'đã duyệt', REFUSED: 'không duyệt' };

/** "Quá hạn chưa hoàn thành (12 ngày)": the category with its days when it has any. */
export function resultText(row: Pick<ReportRow, 'category' | 'daysLate'>): string {
  const label = categoryLabels[row.category];
  return row.daysLate > 0 ? `${label} (${row.daysLate} ngày)` : label;
}

/** One line per request: "12/03/2021: 31/03/2021 → 30/04/2021, đã duyệt (lý do)". */
export function extensionHistory(entries: readonly ExtensionEntry[]): string {
  return entries
    .map((entry) => `${formatDdMmYyyy(entry.requestedOn)}: ${entry.from ? formatDdMmYyyy(entry.from) : '—'} → ${formatDdMmYyyy(entry.to)}, ${extensionStateLabels[entry.state]}${entry.reason ? ` (${entry.reason})` : ''}`)
    .join('\n');
}

/** `14:05 25/11/2020` */
export function dateTimeText(time: LocalDateTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')} ${formatDdMmYyyy(time.date)}`;
}

/** `dd/mm/yyyy`, or a dash for no date. */
export function dateText(date: LocalDate | null): string {
  return date ? formatDdMmYyyy(date) : '—';
}

/** How a notice is named in titles: "Thông báo số 12/TB-BCĐ", or "Thông báo kết luận ngày 17/11/2020 (xã Bình Sơn)" when it has no number. */
export function noticeName(notice: Pick<ReportNotice, 'label'>): string {
  return notice.label;
}
