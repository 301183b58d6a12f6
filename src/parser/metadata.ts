/**
 * The frame of a notice around its directives: the header (issuer, `Số:`, place and date), the
 * title under `THÔNG BÁO`, the body, and the footer (`Nơi nhận:`, signature block, signer).
 * A press article has no header: its headline is the title and its body runs to the end.
 */
import type { NoticeMetadata } from './types.js';
import { dayMonthYearSource, isoDate, readDayMonthYear, yearOf } from './calendar-dates.js';
import { postedLine } from './web-chrome.js';

/** Where the parts of a notice are, as line indexes into the normalised text. */
export interface NoticeLayout {
  metadata: NoticeMetadata;
  /** First line of the body (after the title). */
  bodyStart: number;
  /** Line after the body: the `Nơi nhận:` line, the signature block, or the end. */
  bodyEnd: number;
}

const HEADER_SCAN_LINES = 30;
/** The motto, also when a flattened header broke it over two lines (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT` / `NAM`). */
const mottoPattern = /CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc/giu;
/** A header line that goes on from the line above it: the locality of `ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG HÒA`. */
const headerContinuation = /^(?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|THÀNH PHỐ|QUẬN|VIỆT NAM|NAM)(?![\p{L}]| ỦY)/u;
/** Words that open a body sentence, never a place: `Hôm nay, ngày …` is the meeting, not the issue date. */
const notAPlace = /^(?:Hôm nay|Sáng|Chiều|Tối|Trưa|Vào|Ngày|Hôm qua|Cũng|Tại)(?![\p{L}])/iu;
const numberPattern = /(?:^|\s)Số\s*:?\s*([^\s,]*)/u;
// The place is a few words (`Triệu Sơn`, `TP. Hồ Chí Minh`): bounded, so that a long line without the date cannot make
// the lazy run retry from every letter to the end of the line (quadratic: 18 s on one 50 KB line).
const placeDatePattern = /([\p{L}][\p{L} .'-]{0,60}?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})/u;
const titleLinePattern = /^THÔNG BÁO(?![\p{L}\p{N}])\s*:?\s*(.*)$/u;
const decorativeLine = /^[-–—_*=.~\s]+$/u;
/** Sentences that open a body rather than continue a title. */
const bodyOpening = /^(?:Ngày|Sáng|Chiều|Tối|Hôm nay|Vừa qua|Căn cứ|Thực hiện|Thừa ủy quyền|Trong (?:các )?ngày|Tham dự|Chủ trì|Tại (?:phiên|cuộc|buổi|hội nghị|kỳ)|Sau khi|Theo)(?![\p{L}\p{N}])/u;
const signatureMarker = /^(?:T\/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)\s*\p{Lu}/u;
const roleLine = /^(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|THỦ TRƯỞNG|CHÁNH THANH TRA)(?![\p{L}\p{N}])/u;
const recipientsLine = /^Nơi nhận\s*:?\s*(.*)$/iu;
const personName = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}*){1,4}$/u;
const upperPersonName = /^\p{Lu}+(?: \p{Lu}+){1,4}$/u;
const notANameWord = /^(?:CHỦ|TỊCH|BAN|TRƯỞNG|PHÓ|BÍ|THƯ|UBND|HĐND|HUYỆN|XÃ|TỈNH|VĂN|PHÒNG|GIÁM|ĐỐC|THƯỜNG|VỤ|TRỰC|ỦY|NHÂN|DÂN|ĐẢNG|CHÁNH|THANH|TRA|CHỈ|ĐẠO|KÝ|ĐÃ)$/u;
/** A two-line header names a parent body (`UBND HUYỆN X`) over the issuing office (`VĂN PHÒNG`). */
const parentBody = /^(?:ĐẢNG BỘ|UBND|ỦY BAN NHÂN DÂN|TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY|BỘ|SỞ)(?![\p{L}\p{N}])/u;
const childBody = /^(?:BAN|PHÒNG|VĂN PHÒNG|HUYỆN ỦY|THÀNH ỦY|THỊ ỦY|ĐẢNG ỦY|SỞ|UBND|ỦY BAN|CHI BỘ|HỘI ĐỒNG|TRUNG TÂM|CHI CỤC)(?![\p{L}\p{N}])/u;

/** Finds the notice's frame and reads its metadata. `lines` are the normalised text's lines. */
export function readLayout(lines: string[]): NoticeLayout {
  const scanEnd = Math.min(lines.length, HEADER_SCAN_LINES);
  const titleIndex = findIndex(lines, 0, scanEnd, (line) => titleLinePattern.test(line));
  const headerEnd = titleIndex >= 0 ? titleIndex : lastHeaderFieldLine(lines, scanEnd) + 1;
  const header = unzipColumns(lines.slice(0, headerEnd));
  const { title, bodyStart } = readTitle(lines, titleIndex, headerEnd);
  const bodyEnd = findBodyEnd(lines, bodyStart);
  // A press article's only date of issue is the page's posting date.
  const issuedOn = readIssuedOn(header) ?? postedOn(lines, scanEnd);
  const footer = unzipColumns(lines.slice(bodyEnd));
  const metadata: NoticeMetadata = {
    number: readNumber(header),
    issuer: readIssuer(header) ?? issuerFromText(lines.slice(bodyStart, bodyEnd), title),
    issuedOn,
    meetingOn: readMeetingOn(lines.slice(bodyStart, bodyEnd), yearOf(issuedOn)),
    title,
    signer: readSigner(footer),
    recipients: readRecipients(footer),
  };
  return { metadata, bodyStart, bodyEnd };
}

/**
 * A header or signature block that was a two-column Word table, flattened to text with `|`
 * between the columns (`UBND TỈNH X | CỘNG HÒA …` / `Số: 12/TB-VP | X, ngày …`): the left
 * column's lines, then the right column's, as Word would show each cell. Other lines stay as
 * they are.
 */
function unzipColumns(lines: string[]): string[] {
  if (!lines.some((line) => line.includes('|'))) return lines;
  const left: string[] = [];
  const right: string[] = [];
  for (const line of lines) {
    const bar = line.indexOf('|');
    left.push(bar < 0 ? line : line.slice(0, bar).trim());
    if (bar >= 0) right.push(line.slice(bar + 1).replace(/\|/gu, ' ').trim());
  }
  return [...left, ...right].filter((line) => line !== '' && !decorativeLine.test(line));
}

function findIndex(lines: string[], from: number, to: number, test: (line: string) => boolean): number {
  for (let i = from; i < to; i += 1) if (test(lines[i]!)) return i;
  return -1;
}

/** Without a `THÔNG BÁO` line, the header is whatever reaches down to `Số:` or the place-date line. */
function lastHeaderFieldLine(lines: string[], scanEnd: number): number {
  let last = -1;
  for (let i = 0; i < Math.min(scanEnd, 12); i += 1) {
    const line = lines[i]!;
    if (/^Số\s*:?/u.test(line) || placeDatePattern.test(line) || line.replace(mottoPattern, '') !== line) last = i;
  }
  return last;
}

function readTitle(lines: string[], titleIndex: number, headerEnd: number): { title: string | null; bodyStart: number } {
  const parts: string[] = [];
  const sameLine = titleIndex >= 0 ? titleLinePattern.exec(lines[titleIndex]!)?.[1]?.trim() : '';
  if (sameLine) parts.push(sameLine);
  let i = headerEnd + (titleIndex >= 0 ? 1 : 0);
  while (i < lines.length && (lines[i] === '' || decorativeLine.test(lines[i]!) || postedLine.test(lines[i]!))) i += 1;
  // A press headline or a subtitle is a few short lines; a line that opens the body ends it.
  // A Word file has no blank line after the title: a line that ends a sentence or a lead-in, or a table row, is body.
  const endsTitle = (line: string) => bodyOpening.test(line) || line.length >= 300 || (parts.length > 0 && (line.length > 200 || /[.:;]$/u.test(line) || line.includes('|')));
  while (i < lines.length && lines[i] !== '' && parts.length < 6 && !endsTitle(lines[i]!)) {
    if (/^(?:\d{1,2}|[IVX]+)\s*[.)]\s/u.test(lines[i]!)) break;
    parts.push(lines[i]!);
    i += 1;
  }
  const title = parts.join(' ').replace(/\s+/g, ' ').trim();
  return { title: title || null, bodyStart: i };
}

function findBodyEnd(lines: string[], bodyStart: number): number {
  for (let i = bodyStart; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (recipientsLine.test(line) || signatureMarker.test(line) || (roleLine.test(line) && line === line.toUpperCase())) return i;
  }
  // A press article ends with its author's name (byline), which is not part of the last directive.
  let last = lines.length - 1;
  while (last > bodyStart && lines[last] === '') last -= 1;
  return last > bodyStart && personName.test(lines[last]!) ? last : lines.length;
}

function readNumber(header: string[]): string | null {
  for (const line of header) {
    const value = numberPattern.exec(line)?.[1];
    if (value === undefined) continue;
    // `Số:   /TB-BCĐ` is a number left blank for the clerk to fill in.
    return /^\d/u.test(value) ? value.replace(/[.;,]$/u, '') : null;
  }
  return null;
}

function readIssuedOn(header: string[]): string | null {
  // A place-date may break before `năm 2024`: the header is read as one text for it.
  for (const text of [...header, header.join(' ')]) {
    const match = placeDatePattern.exec(text);
    if (!match || notAPlace.test(match[1]!.trim())) continue;
    return match[2] && match[3] ? isoDate(Number(match[4]), Number(match[3]), Number(match[2])) : null;
  }
  return null;
}

function postedOn(lines: string[], scanEnd: number): string | null {
  for (let i = 0; i < scanEnd; i += 1) {
    const match = postedLine.exec(lines[i]!);
    if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  }
  return null;
}

function readIssuer(header: string[]): string | null {
  const bodies = header
    .join('\n')
    .replace(mottoPattern, ' ')
    .split('\n')
    .reduce<string[]>((merged, line) => {
      if (merged.length > 0 && headerContinuation.test(line) && merged[merged.length - 1] === merged[merged.length - 1]!.toUpperCase()) merged[merged.length - 1] += ` ${line}`;
      else merged.push(line);
      return merged;
    }, [])
    .map((line) => line.replace(mottoPattern, ' ').replace(/Số\s*:?.*$/u, '').replace(placeDatePattern, ' ').replace(/[*\-–_]+/gu, ' ').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 2 && line === line.toUpperCase() && /\p{Lu}{2}/u.test(line));
  if (bodies.length === 0) return null;
  // `UBND HUYỆN X` over `VĂN PHÒNG` names the parent, then the issuing office itself.
  if (bodies.length < 2 || !parentBody.test(bodies[0]!) || !childBody.test(bodies[1]!)) return bodies.join(' ');
  // A bare `VĂN PHÒNG` under its parent is that parent's office: `VĂN PHÒNG UBND HUYỆN YÊN THÀNH`.
  return bodies.length === 2 && bodies[1]!.split(' ').length <= 2 ? `${bodies[1]} ${bodies[0]}` : bodies.slice(1).join(' ');
}

/**
 * Without a header, the issuer is named in the text: `Văn phòng NTM huyện thông báo để …` in
 * the closing, `Kết luận của Ban Thường vụ Huyện ủy tại …` in the title, or a press headline
 * `BAN THƯỜNG VỤ HUYỆN ỦY LÀM VIỆC VỚI …`.
 */
function issuerFromText(body: string[], title: string | null): string | null {
  const closing = body.find((line) => /^Trên đây(?![\p{L}\p{N}])|^[^.:;]{0,150}? thông báo (?:để|đến|cho) /u.test(line));
  const announcer = closing ? /(?:^|,\s*)([^,;:]+?)\s+(?:xin\s+)?thông báo\s+(?:để|đến|cho)(?![\p{L}\p{N}])/u.exec(closing)?.[1] : undefined;
  if (announcer && announcer.split(' ').length <= 10) return announcer.trim();
  const author = title ? /^Kết luận của\s+(.+?)\s+(?:tại|về|khi|trong)\s/iu.exec(title)?.[1] : undefined;
  if (author) return author;
  return title ? (/^(.+?)\s+(?:LÀM VIỆC VỚI|KIỂM TRA|THĂM)\s/u.exec(title)?.[1] ?? null) : null;
}

/**
 * The meeting date is in the body's first sentences (`Ngày 17/11/2020, …`, `Sáng ngày 03
 * tháng 9 năm 2024`). A date right after a document number (`Quyết định số 1083-QĐ/HU,
 * ngày 21/10/2022`) cites that document, and one after `trước`/`chậm nhất`/`đến` is a
 * deadline: both are skipped. The opening ends at the first numbered item, whose dates are
 * deadlines, not the meeting's.
 */
function readMeetingOn(body: string[], referenceYear: number | null): string | null {
  const lines = body.filter((line) => line !== '' && !postedLine.test(line));
  const firstItem = lines.findIndex((line) => /^\(?(?:\d{1,2}|[IVX]{1,4})[.)]\s/u.test(line));
  const opening = lines.slice(0, Math.min(3, firstItem < 0 ? 3 : firstItem)).join(' ');
  // `Ngày 17/11/2020`, `Sáng ngày 03 tháng 9`, and in the press `Sáng 15/5`, `Chiều 13/10`.
  const pattern = new RegExp(String.raw`(?:^|[\s,(])(?:ngày|(?:sáng|chiều|tối|trưa)(?:\s+ngày)?)\s+${dayMonthYearSource}`, 'giu');
  for (const match of opening.matchAll(pattern)) {
    const before = opening.slice(Math.max(0, match.index - 40), match.index);
    if (/số\s*\d+[^.;]*,?\s*$/iu.test(before)) continue;
    if (/(?:trước|chậm nhất|hạn|đến|hoàn thành)\s*$/iu.test(before)) continue;
    const date = readDayMonthYear(match[1], match[2], match[3], referenceYear);
    if (date) return date;
  }
  return null;
}

function readRecipients(footer: string[]): string[] {
  const start = footer.findIndex((line) => recipientsLine.test(line));
  if (start < 0) return [];
  const recipients: string[] = [];
  const first = recipientsLine.exec(footer[start]!)?.[1]?.trim();
  const candidates = first ? [first, ...footer.slice(start + 1)] : footer.slice(start + 1);
  for (const line of candidates) {
    if (line === '') continue;
    const item = /^[-–•+*]\s*(.+)$/u.exec(line)?.[1];
    if (item === undefined) break;
    recipients.push(item.replace(/[;,.]+$/u, '').trim());
  }
  return recipients;
}

/** The signer is the first personal name under the signature block (`T/M`, `KT.`, a role line). */
function readSigner(footer: string[]): string | null {
  const blockStart = footer.findIndex((line) => signatureMarker.test(line) || (roleLine.test(line) && line === line.toUpperCase()));
  if (blockStart < 0) return null;
  for (const line of footer.slice(blockStart + 1)) {
    if (personName.test(line)) return line;
    if (upperPersonName.test(line) && !line.split(' ').some((word) => notANameWord.test(word))) return line;
  }
  return null;
}
