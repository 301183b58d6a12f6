/**
 * A directive's deadline (thời hạn). Dates and periods resolve against the reference dates (the
 * notice's date, or the meeting's when the notice's is blank): a date without a year takes the
 * reference year (the next one when that would put it months before the notice), a period
 * (`trong tháng 12/2020`, `trong quý I/2021`, `6 tháng đầu năm 2024`, `trong năm 2021`) is due
 * on its last day, and a count of days runs from the signing or the meeting
 * (relative-deadlines.ts). A reporting date (`…, báo cáo kết quả về UBND tỉnh trước ngày 20/12`)
 * is the deadline only when the task names no date of its own.
 */
import type { DueKind, Recurrence } from './types.js';
import { dayMonthYearSource, fullYear, isoDate, lastDayOfMonth, quarterNumber, readDayMonthYear, yearOf } from './calendar-dates.js';
import { findRepeat } from './repeats.js';
import { relativeDeadlines, type DeadlineReference } from './relative-deadlines.js';
import { addDays, parseIsoDate } from '../domain/local-date.js';

export type { DeadlineReference } from './relative-deadlines.js';

/** The deadline fields of a `ParsedDirective`. */
export interface Deadline {
  due: string | null;
  dueTime: string | null;
  dueText: string | null;
  dueKind: DueKind;
  recurrence: Recurrence | null;
}

interface Candidate {
  due: string | null;
  dueTime: string | null;
  text: string;
  kind: DueKind;
  at: number;
  /** The date of a reporting clause (`báo cáo … trước ngày 20/12`), not of the task itself. */
  reporting?: boolean;
}

/** A date without a year more than this many days before the notice is next year's (`trước ngày 15/01` in a December notice). */
const NEXT_YEAR_AFTER_DAYS = 60;

const YEAR = String.raw`(\d{4})`;
/** `Thời gian hoàn thành: 30/6/2025` on its own line, as notices close a group of sub-items. */
const DUE_LABEL = String.raw`(?:thời gian\s+(?:hoàn thành|thực hiện)|thời hạn(?:\s+hoàn thành)?|hạn hoàn thành)\s*:\s*(?:từ nay\s+)?`;
const dateCue = String.raw`(?:${DUE_LABEL}(?:(?:trước|chậm nhất|đến|đến hết|trong)\s+)?|trước|chậm nhất(?:\s+là)?|hạn chót|thời hạn(?:\s+hoàn thành)?(?:\s+là)?|hoàn thành(?:\s+xong)?(?:\s+trong)?|xong\s+(?:trước|trong)|đến hết|đến|trong|vào)`;
const datePattern = new RegExp(
  String.raw`${dateCue}\s+(?:(\d{1,2})\s*(?:giờ|h|g)\s*(\d{1,2})?(?:\s*phút)?,?\s*)?(?:ngày\s+)?${dayMonthYearSource}`,
  'giu',
);
const monthListPattern = new RegExp(String.raw`tháng\s+(\d{1,2})((?:\s*(?:,|và)\s*(?:tháng\s+)?\d{1,2})+)\s*(?:\/|năm)\s*${YEAR}`, 'giu');
const monthPattern = new RegExp(String.raw`(?:${DUE_LABEL}(?:trong\s+)?|trong|trước|đến hết|hết|cuối|xong trong|hoàn thành trong|(?:phiên họp|kỳ họp|cuộc họp|hội nghị|giao ban)(?:\s+(?:thường kỳ|thường lệ|định kỳ))?)\s+tháng\s+(\d{1,2})(?:\s*(?:\/|năm)\s*${YEAR})?(?!\s*(?:,|và)\s*(?:tháng\s+)?\d)`, 'giu');
const quarterPattern = new RegExp(String.raw`(?:(trong|trước|cuối|hết|đến hết|đến cuối|hoàn thành trong)\s+)?quý\s+(I{1,3}|IV|[1-4])(?![\p{L}])(?:\s*(?:\/|-|năm)\s*${YEAR})?`, 'giu');
const halfYearPattern = new RegExp(String.raw`(?:(trong|trước|hết|đến hết|xong trong|hoàn thành trong)\s+)?(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+${YEAR})?`, 'giu');
const yearPattern = new RegExp(String.raw`(trong năm|trong cả năm|đến cuối năm|đến hết năm|cuối năm|hết năm|trước năm)\s+${YEAR}`, 'giu');
const yearEndPattern = /(?:đến|trước)\s+cuối\s+năm(?!\s+\d)/giu;
/** Words the period patterns need (same flags): most directives name no period, and one test spares a pattern's scan. */
const namesMonth = /tháng/iu;
const namesQuarter = /quý/iu;
const namesYear = /năm/iu;
const immediatePattern = /(?<![\p{L}])ngay(?![\p{L}])(?!\s+(?:cả|thẳng|từ đầu năm))/iu;
const ongoingPattern = /thường xuyên|liên tục|lâu dài/iu;
/** A date followed by `hằng tháng` is a reporting day, not a deadline. */
const repeatAfter = /^\s*(?:của\s+)?(?:hàng|hằng|mỗi)\s+(?:tháng|quý)|^\s*(?:của\s+)?tháng\s+cuối/iu;

/**
 * Finds the deadline of a directive's text. The earliest dated deadline of the task is the
 * principal one (a reporting date only when the task has none); later ones are kept as
 * milestones. `reference` is the notice's and the meeting's dates, or one date for both.
 */
export function findDeadline(text: string, reference: DeadlineReference | string | null): Deadline {
  const dates: DeadlineReference = typeof reference === 'object' && reference !== null ? reference : { issuedOn: reference, meetingOn: reference };
  const referenceDate = dates.issuedOn ?? dates.meetingOn ?? dates.fallback ?? null;
  const all = datedCandidates(text, referenceDate, dates).sort((a, b) => compareDue(a.due, b.due) || a.at - b.at);
  // Only a choice between dates needs to know which of them a report is due on.
  if (all.length > 1) for (const candidate of all) candidate.reporting = inReportingClause(text, candidate.at);
  const tasks = all.filter((c) => !c.reporting);
  const candidates = tasks.length > 0 ? [...tasks, ...all.filter((c) => c.reporting)] : all;
  const repeat = findRepeat(text);
  const recurrence: Recurrence | null = repeat
    ? { kind: repeat.kind, ...(repeat.daysOfMonth.length > 0 ? { daysOfMonth: repeat.daysOfMonth } : {}), text: repeat.text }
    : milestones(candidates);
  const principal = candidates[0];
  if (principal) return { due: principal.due, dueTime: principal.dueTime, dueText: principal.text, dueKind: principal.kind, recurrence };
  const immediate = immediatePattern.exec(text);
  if (immediate) return { due: referenceDate, dueTime: null, dueText: immediate[0], dueKind: 'immediate', recurrence };
  if (repeat) return { due: null, dueTime: null, dueText: repeat.text, dueKind: 'recurring', recurrence };
  const ongoing = ongoingPattern.exec(text);
  return { due: null, dueTime: null, dueText: ongoing ? ongoing[0] : null, dueKind: 'none', recurrence: null };
}

/** Several dates (`trong tháng 3, tháng 5 năm 2021`, or a month then a year) are milestones, not a lost date. */
function milestones(candidates: Candidate[]): Recurrence | null {
  const dates = [...new Set(candidates.map((c) => c.due).filter((d): d is string => d !== null))];
  if (dates.length < 2) return null;
  return { kind: 'milestones', dates, text: [...new Set(candidates.map((c) => c.text))].join('; ') };
}

function datedCandidates(text: string, referenceDate: string | null, dates: DeadlineReference): Candidate[] {
  const referenceYear = yearOf(referenceDate);
  const found: Candidate[] = [];
  // Which characters an earlier candidate's words cover: a match starting inside one is part of
  // it. A mark per character rather than a look through every candidate keeps a text with
  // thousands of dates linear (each pattern's matches do not overlap, so each pass marks a
  // character at most once).
  const covered = new Uint8Array(text.length);
  const push = (candidate: Candidate) => {
    covered.fill(1, candidate.at, candidate.at + candidate.text.length);
    found.push(candidate);
  };
  const add = (at: number, matchText: string, kind: DueKind, due: string | null, dueTime: string | null = null) => {
    if (!covered[at]) push({ due, dueTime, text: matchText.trim(), kind, at });
  };
  for (const r of relativeDeadlines(text, dates)) add(r.at, r.text, 'date', r.due);
  for (const m of text.matchAll(datePattern)) {
    if (repeatAfter.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
    const time = m[1] ? `${m[1].padStart(2, '0')}:${(m[2] ?? '00').padStart(2, '0')}` : null;
    add(m.index, m[0], 'date', m[5] ? readDayMonthYear(m[3], m[4], m[5], referenceYear) : withoutYear(m[3]!, m[4]!, referenceDate), time);
  }
  const hasMonth = namesMonth.test(text);
  for (const m of hasMonth ? text.matchAll(monthListPattern) : []) {
    const year = Number(m[3]);
    const months = [m[1]!, ...m[2]!.match(/\d{1,2}/gu)!].map(Number);
    // Every month of the list is a milestone; all share the list's position, so none is dropped as an overlap.
    for (const month of months) push({ due: endOfMonth(year, month), dueTime: null, text: m[0], kind: 'month', at: m.index });
  }
  for (const m of hasMonth ? text.matchAll(monthPattern) : []) {
    const year = m[2] ? fullYear(m[2]) : referenceYear;
    add(m.index, m[0], 'month', year === null ? null : endOfMonth(year, Number(m[1])));
  }
  for (const m of namesQuarter.test(text) ? text.matchAll(quarterPattern) : []) {
    const quarter = quarterNumber(m[2]!);
    // `quý I` alone with neither a cue nor a year is a name (`Báo cáo quý I`), not a deadline.
    if (quarter === null || (!m[1] && !m[3])) continue;
    const year = m[3] ? Number(m[3]) : referenceYear;
    add(m.index, m[0], 'quarter', year === null ? null : endOfMonth(year, quarter * 3));
  }
  for (const m of hasMonth ? text.matchAll(halfYearPattern) : []) {
    // `đảng phí 6 tháng đầu năm` names a period; without a year only a cue makes it a deadline.
    if (!m[1] && !m[3]) continue;
    const year = m[3] ? Number(m[3]) : referenceYear;
    add(m.index, m[0], 'half-year', year === null ? null : isoDate(year, m[2] === 'đầu' ? 6 : 12, m[2] === 'đầu' ? 30 : 31));
  }
  const hasYear = namesYear.test(text);
  for (const m of hasYear ? text.matchAll(yearPattern) : []) {
    const year = Number(m[2]) - (m[1] === 'trước năm' ? 1 : 0);
    add(m.index, m[0], 'year', isoDate(year, 12, 31));
  }
  for (const m of hasYear ? text.matchAll(yearEndPattern) : []) add(m.index, m[0], 'year', referenceYear === null ? null : isoDate(referenceYear, 12, 31));
  return found;
}

/** `15/8` in a notice of `referenceDate`: that year's, or the next year's when it would fall months before the notice. */
function withoutYear(day: string, month: string, referenceDate: string | null): string | null {
  const year = yearOf(referenceDate);
  const date = readDayMonthYear(day, month, undefined, year);
  if (!date || !referenceDate || year === null) return date;
  return date < addDays(parseIsoDate(referenceDate), -NEXT_YEAR_AFTER_DAYS) ? readDayMonthYear(day, month, undefined, year + 1) : date;
}

/** Whether the words from the last comma or clause end up to `at` report rather than do (`…, báo cáo kết quả về UBND tỉnh trước`). */
function inReportingClause(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1);
  return /(?<![\p{L}])(?:báo cáo|gửi báo cáo|tổng hợp báo cáo)(?![\p{L}])/iu.test(clause) && !/^\s*báo cáo\s+(?:số|đề xuất|đánh giá)/iu.test(clause);
}

/** Earlier ISO date first, no date last. A plain comparison: ISO dates sort as strings, and `localeCompare` costs far more. */
function compareDue(a: string | null, b: string | null): number {
  const x = a ?? '9999';
  const y = b ?? '9999';
  return x < y ? -1 : x > y ? 1 : 0;
}

function endOfMonth(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? isoDate(year, month, lastDayOfMonth(year, month)) : null;
}
