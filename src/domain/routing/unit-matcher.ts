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
import { foldVietnamese } from '../domain/vietnamese-text.js';

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

/** Abbreviations in government writing, as folded text → folded expansion. Longer forms first. */
const abbreviations: [RegExp, string][] = [
  [/ld\s*-?\s*tb\s*&?\s*xh/g, 'lao dong thuong binh va xa hoi'],
  [/nn\s*&?\s*ptnt/g, 'nong nghiep va phat trien nong thon'],
  [/tn\s*&?\s*mt/g, 'tai nguyen va moi truong'],
  [/vh\s*&?\s*tt/g, 'van hoa va thong tin'],
  [/gd\s*&?\s*dt/g, 'giao duc va dao tao'],
  [/tc\s*-?\s*kh/g, 'tai chinh ke hoach'],
  [/kt\s*-?\s*ht/g, 'kinh te ha tang'],
  [/ubnd/g, 'uy ban nhan dan'],
  [/hdnd/g, 'hoi dong nhan dan'],
  [/mttq/g, 'mat tran to quoc'],
  [/ntm/g, 'nong thon moi'],
  [/bcd/g, 'ban chi dao'],
  [/huv/g, 'huyen uy vien'],
  [/vp/g, 'van phong'],
].map(([pattern, expansion]) => [new RegExp(`(?<![a-z0-9])(?:${(pattern as RegExp).source})(?![a-z0-9])`, 'g'), expansion as string]);

/** Words that say nothing about which unit is meant. */
const fillerWords = new Set(['cac', 'va', 'cua', 'voi', 'cho', 'giao', 'dong', 'chi', 'lien', 'quan']);

/**
 * The comparison key of a unit name or phrase: folded, abbreviations spelled out, punctuation
 * dropped (`Phòng TN&MT` → `phong tai nguyen va moi truong`).
 */
export function unitKey(text: string): string {
  let key = foldVietnamese(text);
  for (const [pattern, expansion] of abbreviations) key = key.replace(pattern, expansion);
  return key.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Finds the registered unit a phrase names. */
export function matchUnit(phrase: string, units: RegisteredUnit[]): UnitMatch {
  const phraseKey = unitKey(phrase);
  const ranked = units
    .map((unit) => bestNameMatch(phraseKey, unit))
    .filter((match): match is UnitMatch & { unit: RegisteredUnit } => match.unit !== null)
    .sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  if (!best || best.score < MIN_MATCH_SCORE) return { unit: null, score: best?.score ?? 0, reason: `không tìm thấy đơn vị nào khớp "${phrase}"` };
  // Two units almost equally close: the secretary has to choose, so the score says so.
  if (second && second.unit.id !== best.unit.id && best.score - second.score < 0.05) {
    return { unit: best.unit, score: Math.min(best.score, 0.6), reason: `${best.reason}; cũng gần "${second.unit.name}"` };
  }
  return best;
}

function bestNameMatch(phraseKey: string, unit: RegisteredUnit): UnitMatch {
  const names = [{ text: unit.name, alias: false }, ...unit.aliases.map((text) => ({ text, alias: true }))];
  let best: UnitMatch = { unit: null, score: 0, reason: '' };
  for (const { text, alias } of names) {
    const candidate = scoreName(phraseKey, unitKey(text), text, alias);
    if (candidate.score > best.score) best = { ...candidate, unit };
  }
  return best;
}

function scoreName(phraseKey: string, nameKey: string, name: string, alias: boolean): Omit<UnitMatch, 'unit'> {
  if (!phraseKey || !nameKey) return { score: 0, reason: '' };
  if (phraseKey === nameKey) return alias ? { score: 0.95, reason: `khớp bí danh "${name}"` } : { score: 1, reason: `trùng tên "${name}"` };
  const phraseWords = meaningfulWords(phraseKey);
  const nameWords = meaningfulWords(nameKey);
  const shared = nameWords.filter((word) => phraseWords.includes(word)).length;
  if (shared === 0) return { score: 0, reason: '' };
  const label = alias ? `bí danh "${name}"` : `tên "${name}"`;
  if (` ${phraseKey} `.includes(` ${nameKey} `)) {
    return { score: 0.7 + 0.2 * (nameWords.length / Math.max(phraseWords.length, 1)), reason: `cụm từ chứa ${label}` };
  }
  const dice = (2 * shared) / (phraseWords.length + nameWords.length);
  return { score: 0.85 * dice, reason: `gần giống ${label} (${shared}/${nameWords.length} từ trùng)` };
}

function meaningfulWords(key: string): string[] {
  return key.split(' ').filter((word) => !fillerWords.has(word));
}
