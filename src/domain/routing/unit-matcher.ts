/**
 * Matches the unit phrases a notice writes (`Phòng TN&MT`, `UBND các xã`, `Văn phòng NTM
 * huyện`) to an office's registered units and their aliases. Comparison runs on folded keys
 * (no diacritics, abbreviations spelled out); the stored names keep their accents. Every result
 * says why, in Vietnamese, so the preview can show the secretary the reason.
 *
 * ```ts
 * const { unit, score, reason } = matchUnit('Phòng TN&MT', units);
 * // unit: Phòng Tài nguyên và Môi trường, score 0.95, reason: khớp bí danh "Phòng TN&MT"
 * ```
 */
import { foldVietnamese } from '../vietnamese-text.js';

/** A unit as the office registered it. */
export interface RegisteredUnit {
  id: string;
  name: string;
  aliases: string[];
}

/** The best registered unit for a phrase, how sure the match is (0..1) and why. */
export interface UnitMatch {
  unit: RegisteredUnit | null;
  score: number;
  reason: string;
}

/** Below this score a phrase is left for the secretary to route by hand. */
export const MIN_MATCH_SCORE = 0.5;

/**
 * Abbreviations in government writing, as folded text → folded expansion. Longer forms first.
 * The letters may be joined by `&`, `-`, `.` or spaces (`TN&MT`, `TN - MT`, `KT-HT`).
 */
const abbreviations: [RegExp, string][] = [
  [/ld\W*tb\W*xh/g, 'lao dong thuong binh va xa hoi'],
  [/nn\W*ptnt/g, 'nong nghiep va phat trien nong thon'],
  [/tn\W*mt/g, 'tai nguyen va moi truong'],
  [/vh\W*tt/g, 'van hoa va thong tin'],
  [/gd\W*dt/g, 'giao duc va dao tao'],
  [/kh\W*dt/g, 'ke hoach va dau tu'],
  [/tc\W*kh/g, 'tai chinh ke hoach'],
  [/kt\W*ht/g, 'kinh te ha tang'],
  [/ubmttq/g, 'uy ban mat tran to quoc'],
  [/ubnd/g, 'uy ban nhan dan'],
  [/hdnd/g, 'hoi dong nhan dan'],
  [/mttq/g, 'mat tran to quoc'],
  [/ntm/g, 'nong thon moi'],
  [/bcd/g, 'ban chi dao'],
  [/huv/g, 'huyen uy vien'],
  [/vp/g, 'van phong'],
].map(([pattern, expansion]) => [new RegExp(`(?<![a-z0-9])(?:${(pattern as RegExp).source})(?![a-z0-9])`, 'g'), expansion as string]);

/**
 * Abbreviations that are ordinary words once folded (`cả` → `ca`), so they are read only in
 * capitals, before folding: `CA huyện` (Công an), `Ban CHQS` / `QS` (quân sự).
 */
const capitalAbbreviations: [RegExp, string][] = [
  [/(?<![\p{L}])CA(?![\p{L}])/gu, 'Công an'],
  [/(?<![\p{L}])CHQS(?![\p{L}])/gu, 'chỉ huy quân sự'],
  [/(?<![\p{L}])QS(?![\p{L}])/gu, 'quân sự'],
];

/**
 * Words that say nothing about which unit is meant. `đồng chí` and `liên quan` go as pairs: alone,
 * `dong` is also `Đông` (a place's name) and `chi` also `chi bộ`, `Chi cục`.
 */
const fillerWords = new Set(['cac', 'va', 'cua', 'voi', 'cho', 'giao']);
const fillerPairs = /(?<![a-z0-9])(?:dong chi|lien quan)(?![a-z0-9])/g;

/**
 * The comparison key of a unit name or phrase: folded, abbreviations spelled out, punctuation
 * dropped (`Phòng TN&MT` → `phong tai nguyen va moi truong`).
 */
export function unitKey(text: string): string {
  let key = text;
  for (const [pattern, expansion] of capitalAbbreviations) key = key.replace(pattern, expansion);
  key = foldVietnamese(key);
  for (const [pattern, expansion] of abbreviations) key = key.replace(pattern, expansion);
  return key.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A registered unit with how close it is to a phrase, and why. */
export type RankedUnit<U extends RegisteredUnit = RegisteredUnit> = UnitMatch & { unit: U };

/** Every unit that shares a meaningful word with the phrase, closest first. */
export function rankUnits<U extends RegisteredUnit>(phrase: string, units: readonly U[]): RankedUnit<U>[] {
  const phraseKey = unitKey(phrase);
  return units
    .map((unit) => ({ ...bestNameMatch(phraseKey, unit), unit }))
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** Two different units almost equally close: only the secretary can choose between them. */
export function isAmbiguous(ranked: readonly RankedUnit[]): boolean {
  const [best, second] = ranked;
  return best !== undefined && second !== undefined && second.unit.id !== best.unit.id && best.score - second.score < 0.05;
}

/** Finds the registered unit a phrase names. */
export function matchUnit(phrase: string, units: RegisteredUnit[]): UnitMatch {
  const ranked = rankUnits(phrase, units);
  const [best, second] = ranked;
  if (!best || best.score < MIN_MATCH_SCORE) return { unit: null, score: best?.score ?? 0, reason: `không tìm thấy đơn vị nào khớp "${phrase}"` };
  if (isAmbiguous(ranked)) {
    return { unit: best.unit, score: Math.min(best.score, 0.6), reason: `${best.reason}; cũng gần "${second!.unit.name}"` };
  }
  return best;
}

function bestNameMatch(phraseKey: string, unit: RegisteredUnit): Omit<UnitMatch, 'unit'> {
  const names = [{ text: unit.name, alias: false }, ...unit.aliases.map((text) => ({ text, alias: true }))];
  let best: Omit<UnitMatch, 'unit'> = { score: 0, reason: '' };
  for (const { text, alias } of names) {
    const candidate = scoreName(phraseKey, unitKey(text), text, alias);
    if (candidate.score > best.score) best = candidate;
  }
  return best;
}

function scoreName(phraseKey: string, nameKey: string, name: string, alias: boolean): Omit<UnitMatch, 'unit'> {
  if (!phraseKey || !nameKey) return { score: 0, reason: '' };
  const phraseWords = meaningfulWords(phraseKey);
  const nameWords = meaningfulWords(nameKey);
  // Compared without filler words: `Phòng Văn hóa - Thông tin` is `Phòng Văn hóa và Thông tin`.
  const phraseCore = phraseWords.join(' ');
  const nameCore = nameWords.join(' ');
  if (phraseKey === nameKey || (nameCore && phraseCore === nameCore)) return alias ? { score: 0.95, reason: `khớp bí danh "${name}"` } : { score: 1, reason: `trùng tên "${name}"` };
  const shared = nameWords.filter((word) => phraseWords.includes(word)).length;
  if (shared === 0) return { score: 0, reason: '' };
  const label = alias ? `bí danh "${name}"` : `tên "${name}"`;
  if (` ${phraseCore} `.includes(` ${nameCore} `)) {
    return { score: 0.7 + 0.2 * (nameWords.length / Math.max(phraseWords.length, 1)), reason: `cụm từ chứa ${label}` };
  }
  const dice = (2 * shared) / (phraseWords.length + nameWords.length);
  return { score: 0.85 * dice, reason: `gần giống ${label} (${shared}/${nameWords.length} từ trùng)` };
}

function meaningfulWords(key: string): string[] {
  return key.replace(fillerPairs, ' ').split(' ').filter((word) => word && !fillerWords.has(word));
}
