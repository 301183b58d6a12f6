/**
 * The Vietnamese notice parser: the text of a *Thông báo kết luận* (or a press article about a
 * working session) in, the structure of DESIGN.md section 7 out. Pure: no I/O, no clock.
 *
 * ```ts
 * const parsed = parseNotice(text);
 * for (const d of parsed.directives) console.log(d.ordinal, d.lead, d.due);
 * ```
 */
import type { ParsedDirective, ParsedNotice, ParsedSchedule } from './types.js';
import { normalizeNoticeText } from './normalize-text.js';
import { readLayout } from './metadata.js';
import { segmentBody, type DirectiveSegment } from './directives.js';
import { findAddressee, findDirectiveUnits } from './units.js';
import { findDeadline } from './deadlines.js';
import { findSchedules } from './schedules.js';
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
  const body = lines.slice(bodyStart, bodyEnd);
  const segments = segmentBody(body, (part) => findDeadline(part, referenceDate).dueKind !== 'none');
  const addressee = findAddressee(segments.leadIn, segments.closing);
  const directives = segments.directives.map((segment) => readDirective(segment, addressee, referenceDate));
  const locality = mainLocality(body.join('\n'));
  const schedules = segments.directives.flatMap((segment, i) =>
    findSchedules(segment.text, directives[i]!.lead).map((schedule) => ({ ...schedule, reporters: schedule.reporters.map((unit) => withLocality(unit, locality)) })),
  );
  return { notice: metadata, directives, schedules, warnings: warningsFor(metadata, directives, referenceDate) };
}

function readDirective(segment: DirectiveSegment, addressee: string[], referenceDate: string | null): ParsedDirective {
  const own = findDirectiveUnits(segment.text);
  const parent = segment.parentText ? findDirectiveUnits(segment.parentText) : { lead: [], support: [] };
  const [lead, leadSource] =
    own.lead.length > 0 ? [own.lead, 'text' as const]
    : parent.lead.length > 0 ? [parent.lead, 'parent' as const]
    : addressee.length > 0 ? [addressee, 'addressee' as const]
    : [[], 'none' as const];
  const leadKeys = new Set(lead.map((unit) => unit.toLowerCase()));
  const support = [...new Set([...own.support, ...parent.support])].filter((unit) => !leadKeys.has(unit.toLowerCase()));
  let deadline = findDeadline(segment.text, referenceDate);
  if (deadline.dueKind === 'none' && segment.parentText) {
    const inherited = findDeadline(segment.parentText, referenceDate);
    if (inherited.dueKind !== 'none') deadline = inherited;
  }
  return { ordinal: segment.ordinal, text: segment.text, lead, support, leadSource, ...deadline };
}

/** The commune the notice is about (`xã Bình Sơn`), so that `báo cáo của xã` can name it. */
function mainLocality(body: string): string | null {
  const counts = new Map<string, number>();
  for (const match of body.matchAll(/(?<![\p{L}])(?:xã|phường|thị trấn)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)?/gu)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best ? best[0] : null;
}

function withLocality(unit: string, locality: string | null): string {
  return locality && locality.startsWith(unit.toLowerCase()) ? locality : unit;
}

function warningsFor(metadata: ParsedNotice['notice'], directives: ParsedDirective[], referenceDate: string | null): string[] {
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
