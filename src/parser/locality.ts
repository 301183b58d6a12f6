/**
 * The locality a notice is about (`xã Bình Sơn`), and how a bare `xã`, `của xã` or `địa phương`
 * in its directives resolves to it. A conclusion of a working session with a commune speaks of
 * "the commune" without naming it again; a reader knows which one.
 */
import type { NoticeMetadata } from './types.js';

const LEVEL = String.raw`(?:xã|phường|thị trấn|đặc khu|huyện|thị xã|thành phố|quận)`;
const COMMUNE_LEVEL = /^(?:xã|phường|thị trấn|đặc khu)\s/u;
/** A place's proper name: capitalised syllables or a number (`Bình Sơn`, `5`), at most four. */
const NAME = String.raw`(?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,2})(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3}`;
/** `làm việc với (UBND|Đảng ủy|Ban Thường vụ Đảng ủy …) xã Bình Sơn`, `kiểm tra tại xã X`, `… tại xã X` in the title. */
const sessionWith = new RegExp(
  String.raw`(?:làm việc|buổi làm việc|đối thoại)\s+(?:với|tại)\s+(?:(?:Ban Thường vụ|Thường trực|Ban chỉ đạo[\p{L}\s]{0,40}?|lãnh đạo)\s+)?(?:(?:UBND|Ủy ban nhân dân|Đảng ủy|HĐND|Đảng bộ|cấp ủy, chính quyền)\s+)?(${LEVEL})\s+(${NAME})`,
  'u',
);
const titleAt = new RegExp(String.raw`(?:tại|với|của)\s+(?:(?:UBND|Ủy ban nhân dân|Đảng ủy|Đảng bộ)\s+)?(${LEVEL})\s+(${NAME})`, 'u');
/** `Hợp tác xã Nông nghiệp` is no commune. */
const anyCommune = new RegExp(String.raw`(?<![\p{L}])(?<!tác\s)(xã|phường|thị trấn|đặc khu)\s+(${NAME})`, 'gu');
/** The body's opening names who met: `Ngày 07/6/2024, Ban Chỉ đạo xây dựng nông thôn mới xã Yên Thịnh họp …`. */
const openingBody = new RegExp(
  String.raw`^[^.]{0,60}?,\s*(?:(?:Ban Thường vụ|Thường trực|Ban chấp hành|Ban Chỉ đạo|Ban chỉ đạo)[\p{L}\s]{0,50}?\s+)?(?:Đảng ủy|Đảng bộ|UBND|Ủy ban nhân dân|HĐND|xây dựng nông thôn mới|NTM)\s+(xã|phường|thị trấn|đặc khu)\s+(${NAME})`,
  'u',
);
/** An issuer of district level or above speaks of the communes it names, not for one of them. */
const districtIssuer = /(?<![\p{L}])(?:HUYỆN|TỈNH|THÀNH PHỐ|QUẬN|THỊ XÃ|huyện|tỉnh)(?![\p{L}])/u;
/** An issuer in capitals: `ĐẢNG ỦY XÃ THẠCH LONG`, `ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH`. */
const issuerPlace = /(?<![\p{L}])(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+([\p{Lu}\d][\p{Lu}\p{M}\d]*(?:\s+[\p{Lu}\d][\p{Lu}\p{M}\d]*){0,3})\s*$/u;

/**
 * The locality the notice is about, with its level: from the working session (`làm việc với xã
 * Bình Sơn`), the title (`… tại xã X`), the commune body that met (`Ngày …, Ban Chỉ đạo … xã X
 * họp`), a commune's own header, or the commune the body names most when the issuer is not a
 * district's or a province's. Null when none stands out.
 */
export function findLocality(metadata: NoticeMetadata, body: string): string | null {
  const opening = body.slice(0, 1500);
  for (const source of [metadata.title ?? '', opening]) {
    // The pattern opens with one of these words; testing for them first spares its scan of most texts.
    const m = source.includes('làm việc') || source.includes('đối thoại') ? sessionWith.exec(source) : null;
    if (m) return `${m[1]} ${m[2]}`;
  }
  const fromTitle = titleAt.exec(metadata.title ?? '');
  if (fromTitle) return `${fromTitle[1]} ${fromTitle[2]}`;
  const met = openingBody.exec(opening.trimStart());
  if (met) return `${met[1]} ${met[2]}`;
  const issuer = issuerPlace.exec(metadata.issuer ?? '');
  if (issuer) return `${issuer[1]!.toLowerCase()} ${titleCase(issuer[2]!)}`;
  return districtIssuer.test(`${metadata.issuer ?? ''} ${metadata.title ?? ''}`) ? null : mostNamedCommune(body);
}

/** The commune named at least three times and twice as often as any other. */
function mostNamedCommune(body: string): string | null {
  const counts = new Map<string, number>();
  for (const match of body.matchAll(anyCommune)) {
    const key = `${match[1]} ${match[2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [first, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return first && first[1] >= 3 && (!second || second[1] * 2 <= first[1]) ? first[0] : null;
}

function titleCase(upper: string): string {
  return upper.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/**
 * Resolves a unit phrase against the notice's locality: `Xã`, `xã`, `địa phương` become
 * `xã Bình Sơn`; a name ending with a bare level (`Ban chỉ đạo xây dựng NTM xã`, `UBND xã`) takes
 * the locality's name. Only commune-level localities resolve: a district's notice says `UBND
 * huyện` of itself, and `các xã`, `cấp xã` stay collectives.
 */
export function withLocality(unit: string, locality: string | null): string {
  if (!locality || !isCommuneLocality(locality)) return unit;
  const level = /^(?:thị trấn|đặc khu|xã|phường)/u.exec(locality)![0];
  const lower = unit.toLowerCase();
  if (lower === level || /^(?:các\s+)?địa phương(?:\s+liên quan)?$/u.test(lower)) return locality;
  if (!lower.endsWith(` ${level}`) || lower.startsWith('các ') || /(?:^|\s)(?:các|cấp)\s+(?:[\p{L}]+(?:,\s*|\s+)){0,6}$/u.test(lower.slice(0, -level.length))) return unit;
  return `${unit.slice(0, unit.length - level.length)}${locality}`;
}

/** Whether a unit phrase names an organ of the locality (`Đảng bộ xã Bình Sơn`, `xã Bình Sơn`). */
export function belongsTo(unit: string, locality: string): boolean {
  return unit.toLowerCase().endsWith(locality.toLowerCase());
}

/** True when a locality as the parser writes it is a commune (`xã Bình Sơn`, `phường 5`), not a district or province. */
export function isCommuneLocality(locality: string): boolean {
  return COMMUNE_LEVEL.test(locality);
}
