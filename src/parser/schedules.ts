/**
 * Reporting schedules (chế độ báo cáo): who reports to whom, on which days. A notice says it in
 * one clause per party: `… 2 lần/tháng vào các ngày 14, 28 hàng tháng về Ban chỉ đạo huyện qua
 * Văn phòng NTM huyện; Văn phòng NTM huyện tổng hợp báo cáo Trưởng Ban chỉ đạo huyện vào các
 * ngày 15 và 30 hàng tháng`.
 */
import type { ParsedSchedule } from './types.js';
import { findRepeat, mayRepeat } from './repeats.js';
import { findDirectiveUnits, scanUnitPhrase } from './units.js';

/** Splits at clause ends, keeping `14, 28` together. */
const clauseEnd = /(?<=[.;])\s+|\n/u;
const reportWords = /báo cáo|tổng hợp|cung cấp|gửi|nộp/iu;
/** `… cho Ban chỉ đạo để tổng hợp` is the reporter's duty; the consolidating party is the clause's own subject. */
const consolidation = /(?<!để )tổng hợp/iu;
const regimeOwner = /chế độ báo cáo của\s+([^:;.]+?)\s+(?:với|cho|lên|về)\s+([^:;.]+?)\s*:/iu;
const recipientCue = /(?<![\p{L}])(?:(?:báo cáo|gửi|nộp)(?:\s+(?:kết quả|tiến độ))?\s+(?:về\s+|lên\s+|cho\s+)?|về\s+|lên\s+|cho\s+)/gu;

/**
 * The reporting schedules in a directive's text. `defaultReporters` (the directive's lead
 * units) report when a clause names no one.
 */
export function findSchedules(text: string, defaultReporters: string[]): ParsedSchedule[] {
  // A text that names no period has no clause that repeats.
  if (!mayRepeat(text)) return [];
  const owner = regimeOwner.exec(text);
  const schedules: ParsedSchedule[] = [];
  for (const clause of text.split(clauseEnd)) {
    const repeat = findRepeat(clause);
    if (!repeat || !reportWords.test(clause)) continue;
    // Who reports: the clause's own subject (`UBND các xã báo cáo …`, `Giao X …`, `Về chế độ báo cáo: các chi bộ báo cáo …`), else the regime's owner, else the directive's leads.
    const subject = findDirectiveUnits(clause).lead;
    const reporters = subject.length > 0 ? subject : owner ? [owner[1]!.trim()] : defaultReporters;
    schedules.push({
      text: clause.replace(/[.;]$/u, '').trim(),
      reporters,
      recipient: findRecipient(clause) ?? owner?.[2]?.trim() ?? null,
      daysOfMonth: repeat.daysOfMonth,
      rule: repeat.rule,
      kind: consolidation.test(clause) ? 'consolidate' : 'report',
    });
  }
  return schedules;
}

function findRecipient(clause: string): string | null {
  for (const match of clause.matchAll(recipientCue)) {
    const scanned = scanUnitPhrase(clause, match.index + match[0].length);
    if (!scanned) continue;
    // `về Ban chỉ đạo huyện qua Văn phòng NTM huyện`: the channel belongs to the recipient.
    const via = /^\s+qua\s+/u.exec(clause.slice(scanned.end));
    const channel = via ? scanUnitPhrase(clause, scanned.end + via[0].length) : null;
    return channel ? `${scanned.phrase} qua ${channel.phrase}` : scanned.phrase;
  }
  return null;
}
