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
  return compared(text).key;
}

/** A name or phrase as the matcher compares it: its key, its meaningful words and their sequence. */
interface Compared {
  key: string;
  words: string[];
  /** The meaningful words joined: `Phòng Văn hóa - Thông tin` and `Phòng Văn hóa và Thông tin` share it. */
  core: string;
}

/**
 * Routing compares every phrase of a notice with every unit name and alias, thousands of times
 * for one notice of a large office; an office's names are few and repeat, so their forms are kept.
 */
const comparedCache = new Map<string, Compared>();
const CACHE_SIZE = 5000;

function compared(text: string): Compared {
  let found = comparedCache.get(text);
  if (found === undefined) {
    if (comparedCache.size >= CACHE_SIZE) comparedCache.clear();
    const key = computeKey(text);
    const words = key.replace(fillerPairs, ' ').split(' ').filter((word) => word && !fillerWords.has(word));
    found = { key, words, core: words.join(' ') };
    comparedCache.set(text, found);
  }
  return found;
}

function computeKey(text: string): string {
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
  const target = compared(phrase);
  const ranked: RankedUnit<U>[] = [];
  for (const unit of units) {
    const match = bestNameMatch(target, unit);
    if (match.score > 0) ranked.push({ ...match, unit });
  }
  return ranked.sort((a, b) => b.score - a.score);
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

function bestNameMatch(phrase: Compared, unit: RegisteredUnit): Omit<UnitMatch, 'unit'> {
  let best = scoreName(phrase, unit.name, false);
  for (const alias of unit.aliases) {
    const candidate = scoreName(phrase, alias, true);
    if (candidate.score > best.score) best = candidate;
  }
  return best;
}

function scoreName(phrase: Compared, name: string, alias: boolean): Omit<UnitMatch, 'unit'> {
  const target = compared(name);
  if (!phrase.key || !target.key) return { score: 0, reason: '' };
  if (phrase.key === target.key || (target.core && phrase.core === target.core)) return alias ? { score: 0.95, reason: `khớp bí danh "${name}"` } : { score: 1, reason: `trùng tên "${name}"` };
  const shared = target.words.filter((word) => phrase.words.includes(word)).length;
  if (shared === 0) return { score: 0, reason: '' };
  const label = alias ? `bí danh "${name}"` : `tên "${name}"`;
  if (` ${phrase.core} `.includes(` ${target.core} `)) {
    return { score: 0.7 + 0.2 * (target.words.length / Math.max(phrase.words.length, 1)), reason: `cụm từ chứa ${label}` };
  }
  const dice = (2 * shared) / (phrase.words.length + target.words.length);
  return { score: 0.85 * dice, reason: `gần giống ${label} (${shared}/${target.words.length} từ trùng)` };
}
