/**
 * The Vietnamese notice parser: the text of a *Thông báo kết luận* (or a press article about a
 * working session) in, the structure of DESIGN.md section 7 out. Pure: no I/O, no clock.
 *
 * ```ts
 * const parsed = parseNotice(text);
 * for (const d of parsed.directives) console.log(d.ordinal, d.lead, d.due);
 * ```
 */
import type { NoticeMetadata, ParsedDirective, ParsedNotice, ParsedSchedule } from './types.js';
import { normalizeNoticeText } from './normalize-text.js';
import { readLayout } from './metadata.js';
import { segmentBody, type DirectiveSegment } from './directives.js';
import { findAddressee, findDirectiveUnits, scanUnitPhrase, unitSpans } from './units.js';
import { belongsTo, findLocality, isCommuneLocality, withLocality } from './locality.js';
import { findDeadline, type DeadlineReference } from './deadlines.js';
import { findSchedules } from './schedules.js';
import { mayRepeat } from './repeats.js';
import { formatDdMmYyyy, parseIsoDate } from '../domain/local-date.js';

export type { ParsedNotice, ParsedDirective, ParsedSchedule, NoticeMetadata, DueKind, Recurrence } from './types.js';
export { foldVietnamese } from '../domain/vietnamese-text.js';
export { matchUnit, unitKey, MIN_MATCH_SCORE, type RegisteredUnit, type UnitMatch } from '../domain/routing/unit-matcher.js';
export { readNoticeFile } from './files/read-notice-file.js';
export { NoticeFileError, MAX_NOTICE_FILE_BYTES, type NoticeFileErrorCode } from './files/notice-file-error.js';

/** Options of `parseNotice`. */
export interface ParseOptions {
  /**
   * `YYYY-MM-DD` to resolve deadlines against when the notice gives neither its own date nor
   * the meeting's, for instance the day the secretary sent it. The parser never reads the clock.
   */
  referenceDate?: string;
}

/** Parses a notice's text. It never throws on odd input: what it cannot read becomes a warning. */
export function parseNotice(text: string, options: ParseOptions = {}): ParsedNotice {
  const lines = normalizeNoticeText(text).split('\n');
  const { metadata, bodyStart, bodyEnd } = readLayout(lines);
  const referenceDate = metadata.issuedOn ?? metadata.meetingOn ?? options.referenceDate ?? null;
  const dates: DeadlineReference = { issuedOn: metadata.issuedOn, meetingOn: metadata.meetingOn, fallback: options.referenceDate ?? null };
  const body = lines.slice(bodyStart, bodyEnd);
  const segments = segmentBody(body, (part) => findDeadline(part, dates).dueKind !== 'none');
  const locality = findLocality(metadata, body.join('\n'));
  const addressee = findAddressee(segments.leadIn, segments.closing).map((unit) => withLocality(unit, locality));
  const context: NoticeContext = { locality, fallback: fallbackLead(addressee.length > 0 ? addressee : sessionCounterpart(metadata.title), locality), dates, parents: new Map() };
  const directives = segments.directives.map((segment) => readDirective(segment, context));
  const schedules = noticeSchedules(segments.directives, directives, body).map((schedule) => ({
    ...schedule,
    reporters: unique(schedule.reporters.map((unit) => withLocality(unit, locality))),
  }));
  return { notice: { ...metadata, locality }, addressee, directives, schedules, warnings: warningsFor(metadata, directives, referenceDate) };
}

/** What every directive of one notice is read against. */
interface NoticeContext {
  locality: string | null;
  /** Who a directive naming no unit falls to, with the source to report. */
  fallback: { lead: string[]; source: 'addressee' | 'none' };
  /** The notice's and the meeting's dates, which deadlines count from. */
  dates: DeadlineReference;
  /** Units of parent texts already read: the sub-items of one heading share it. */
  parents: Map<string, ReturnType<typeof findDirectiveUnits>>;
}

function parentUnits(context: NoticeContext, parentText: string): ReturnType<typeof findDirectiveUnits> {
  const known = context.parents.get(parentText);
  if (known) return known;
  const found = findDirectiveUnits(parentText);
  context.parents.set(parentText, found);
  return found;
}

/**
 * Who a directive that names no unit is for: the notice's addressee. When the notice is about
 * one commune and its addressee mixes that commune's organs with district bodies (`yêu cầu UBND
 * huyện, các ban, phòng, ngành …; Đảng bộ, chính quyền … xã Bình Sơn`), an unnamed task
 * (`Hoàn thiện hồ sơ các tiêu chí`) is the commune's: the district bodies have tasks by name.
 */
function fallbackLead(addressee: string[], locality: string | null): NoticeContext['fallback'] {
  if (locality && isCommuneLocality(locality)) {
    const local = addressee.filter((unit) => belongsTo(unit, locality));
    // One organ (`Đảng ủy xã An Phú`) keeps its name; several (`Đảng bộ, chính quyền, Ban chỉ đạo … xã Bình Sơn`) are the commune as a whole.
    if (local.length > 0 && local.length < addressee.length) return { lead: local.length === 1 ? local : [locality], source: 'addressee' };
    if (addressee.length === 0) return { lead: [locality], source: 'addressee' };
  }
  return addressee.length > 0 ? { lead: addressee, source: 'addressee' } : { lead: [], source: 'none' };
}

/** The body a working session was held with (`Thường trực Huyện ủy làm việc với Đảng ủy xã An Phú`), which the notice's unnamed tasks are for. */
function sessionCounterpart(title: string | null): string[] {
  const cue = title ? /làm việc với\s+/u.exec(title) : null;
  const scanned = cue ? scanUnitPhrase(title!, cue.index + cue[0].length) : null;
  return scanned ? scanned.units.filter((unit) => unit.kind !== 'person').map((unit) => unit.text) : [];
}

function readDirective(segment: DirectiveSegment, context: NoticeContext): ParsedDirective {
  const { locality, fallback, dates } = context;
  const resolve = (units: string[]) => unique(units.map((unit) => withLocality(unit, locality)));
  const own = findDirectiveUnits(taskText(segment.text));
  const parent = segment.parentText ? parentUnits(context, segment.parentText) : { lead: [], support: [], persons: [] };
  const cells = segment.cells;
  const table = cells?.lead ? unitSpans(cells.lead) : [];
  const tableLead = table.filter((unit) => unit.kind !== 'person').map((unit) => unit.text);
  const persons = unique([...table.filter((unit) => unit.kind === 'person').map((unit) => unit.name ?? unit.text), ...own.persons, ...(own.lead.length > 0 ? [] : parent.persons)]);
  const [lead, leadSource]: [string[], NonNullable<ParsedDirective['leadSource']>] =
    tableLead.length > 0 ? [tableLead, 'table']
    : own.lead.length > 0 ? [own.lead, 'text']
    : parent.lead.length > 0 ? [parent.lead, 'parent']
    // A person named as the lead (`Giao đồng chí … theo dõi`) is who the text gives it to: no unit stands in for them.
    : persons.length > 0 ? [[], 'text']
    : [fallback.lead, fallback.source];
  // A bare `xã` or `địa phương` that no locality resolves names nobody: the directive falls to the addressee.
  const named = resolve(lead).filter((unit) => !/^(?:xã|phường|thị trấn|địa phương)$/iu.test(unit));
  const [resolvedLead, resolvedSource] = named.length > 0 || lead.length === 0 ? [named, leadSource] : [fallback.lead, fallback.source];
  const leadKeys = new Set(resolvedLead.map((unit) => unit.toLowerCase()));
  const ownSupport = cells?.support ? unitSpans(cells.support).filter((unit) => unit.kind !== 'person').map((unit) => unit.text) : own.support;
  const support = resolve([...ownSupport, ...parent.support]).filter((unit) => !leadKeys.has(unit.toLowerCase()));
  // A due cell (`Quý I/2025`, `30/6/2025`, `Thường xuyên`) is read as if it followed `trong`.
  let deadline = cells?.due ? findDeadline(`trong ${cells.due}`, dates) : findDeadline(segment.text, dates);
  if (deadline.dueKind === 'none' && cells?.due) deadline = findDeadline(segment.text, dates);
  if (deadline.dueKind === 'none' && segment.parentText) {
    const inherited = findDeadline(segment.parentText, dates);
    if (inherited.dueKind !== 'none') deadline = inherited;
  }
  return { ordinal: segment.ordinal, text: segment.text, lead: resolvedLead, support, persons, leadSource: resolvedSource, ...deadline };
}

/**
 * The directive's text without the reporting duties that stand after it as paragraphs of their
 * own ("Các chi bộ trực thuộc báo cáo … trước ngày 25 hằng tháng" after the last item): they set
 * a schedule for everyone, and their subjects are the schedule's reporters, not the task's leads.
 * A directive that is nothing but such a duty keeps it, since then reporting is the task.
 */
function taskText(text: string): string {
  if (!text.includes('\n')) return text;
  const paragraphs = text.split('\n');
  let end = paragraphs.length;
  while (end > 1 && isPeriodicReportingDuty(paragraphs[end - 1]!)) end -= 1;
  return end === paragraphs.length ? text : paragraphs.slice(0, end).join('\n');
}

/** A sentence that opens with its subject and asks it to report on a period (hằng tuần, hằng tháng, định kỳ). */
function isPeriodicReportingDuty(paragraph: string): boolean {
  return /^\p{Lu}/u.test(paragraph) && /(?<![\p{L}])báo cáo(?![\p{L}])/iu.test(paragraph) && /(?:hằng|hàng|mỗi)\s+(?:tuần|tháng|quý)|định kỳ/iu.test(paragraph);
}

/**
 * Every reporting schedule of the notice: those in directives (a task table's due cell read with
 * its row), then those in paragraphs outside any directive (`Chế độ báo cáo: …` after the
 * items, `Định kỳ, các chi bộ báo cáo …`), each once.
 */
function noticeSchedules(segments: DirectiveSegment[], directives: ParsedDirective[], body: string[]): ParsedSchedule[] {
  const found = segments.flatMap((segment, i) => {
    const text = segment.cells?.due ? `${segment.text.replace(/[.;]\s*$/u, '')} ${segment.cells.due}` : segment.text;
    return findSchedules(text, directives[i]!.lead);
  });
  const inDirectives = segments.map((segment) => `${segment.text}\n${segment.parentText ?? ''}`).join('\n');
  const outside = outsideOf(inDirectives);
  for (const line of body) {
    // Table rows come through their segments; only prose that names a period can hold a schedule.
    if (/[|\t]/u.test(line) || !mayRepeat(line)) continue;
    const content = line.replace(/^(?:[-–•+*]|\d{1,2}[.)]|[a-zđ][.)])\s*/u, '');
    if (outside(content)) found.push(...findSchedules(content, []));
  }
  const seen = new Set<string>();
  return found.filter((schedule) => {
    const key = `${schedule.rule}|${schedule.text}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** Characters the search for lines outside the directives may read in all: some fifty passes over the longest notice. */
const OUTSIDE_SEARCH_BUDGET = 50 * 1_000_000;

/**
 * Whether a body line is outside the directives' texts. Most lines that name a period are a
 * directive's own paragraph, which a set answers at once; the others (a line joined into a
 * wrapped paragraph, prose outside the items) are looked for in the texts. A search reads them
 * all, so thousands of such lines in a long notice would be quadratic: past a budget of
 * characters read, a line is taken to be inside, and only such a notice loses schedules written
 * outside its items.
 */
function outsideOf(inDirectives: string): (line: string) => boolean {
  const paragraphs = new Set(inDirectives.split('\n'));
  let budget = OUTSIDE_SEARCH_BUDGET;
  return (line) => {
    if (paragraphs.has(line) || budget < inDirectives.length) return false;
    budget -= inDirectives.length;
    return !inDirectives.includes(line);
  };
}

function unique(phrases: string[]): string[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => !seen.has(phrase.toLowerCase()) && seen.add(phrase.toLowerCase()));
}

function warningsFor(metadata: NoticeMetadata, directives: ParsedDirective[], referenceDate: string | null): string[] {
  const warnings: string[] = [];
  if (directives.length === 0) warnings.push('Không tìm thấy nhiệm vụ nào trong văn bản: kiểm tra lại văn bản hoặc nhập nhiệm vụ thủ công.');
  if (!metadata.number) warnings.push('Văn bản chưa có số.');
  if (!metadata.issuedOn && referenceDate) warnings.push(`Văn bản chưa ghi ngày ban hành: thời hạn được tính theo ngày ${formatDdMmYyyy(parseIsoDate(referenceDate))}.`);
  if (!referenceDate) warnings.push('Không xác định được ngày văn bản hay ngày họp: thời hạn không ghi năm sẽ không được tính.');
  const toAddressee = directives.filter((d) => d.leadSource === 'addressee');
  if (toAddressee.length > 0) warnings.push(`Nhiệm vụ ${toAddressee.map((d) => d.ordinal).join(', ')} không nêu đơn vị chủ trì: tạm giao cho ${toAddressee[0]!.lead.join('; ')}.`);
  const unrouted = directives.filter((d) => d.leadSource === 'none');
  if (unrouted.length > 0) warnings.push(`Nhiệm vụ ${unrouted.map((d) => d.ordinal).join(', ')} chưa xác định được đơn vị chủ trì.`);
  for (const d of directives) {
    if (d.dueText && !d.due && d.dueKind !== 'none' && d.dueKind !== 'recurring') warnings.push(`Nhiệm vụ ${d.ordinal}: không tính được ngày của thời hạn "${d.dueText}".`);
  }
  return warnings;
}
