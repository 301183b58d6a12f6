/**
 * Places in unit names: the commune a name belongs to (`UBND xã Bình Sơn` → xã Bình Sơn) and
 * the level it sits at. Levels decide what may match what: a district body (`UBND huyện`,
 * `Huyện ủy`) is never a commune's unit, and the reverse.
 */
import { unifyTonePlacement } from '../vietnamese-text.js';
import { unitKey } from './unit-matcher.js';

/** The commune-level words (cấp xã). `thị xã` is a district-level town and is not one of them. */
const COMMUNE_WORD = String.raw`(?:xã|phường|thị trấn|đặc khu)`;

/**
 * A commune-level word with, when written, the commune's proper name (`xã Bình Sơn`, `Phường 3`).
 * Not `thị xã` (district level), `hợp tác xã` (a cooperative), `xã hội` (society) nor `các xã` (a collective).
 */
const communeMention = new RegExp(
  String.raw`(?<![\p{L}])(?<!thị |hợp tác |các )(?<word>${COMMUNE_WORD})(?![\p{L}])(?!\s+hội(?![\p{L}]))(?=(?<next>(?:\s+[\p{L}\d]+){0,6}))`,
  'giu',
);

/** A commune named or implied in a text: `name` is null for a bare `xã` (`của xã`, `UBND xã`). */
export interface CommuneMention {
  /** `xã`, `phường`, `thị trấn` or `đặc khu`, lower case. */
  word: string;
  /** The proper name as written (`Bình Sơn`), or null. */
  name: string | null;
}

/** Makes spelling variants uniform (NFC, `uỷ`/`ủy` tone placement) before any pattern reads the text. */
export function uniformText(text: string): string {
  let uniform = uniformCache.get(text);
  if (uniform === undefined) {
    if (uniformCache.size >= CACHE_SIZE) uniformCache.clear();
    uniform = unifyTonePlacement(text.normalize('NFC'));
    uniformCache.set(text, uniform);
  }
  return uniform;
}

/** Each unit name is read by several patterns for every notice routed: it is made uniform once. */
const uniformCache = new Map<string, string>();
const CACHE_SIZE = 5000;

/** Every commune a text mentions, in order, bare ones included. */
export function communeMentions(text: string): CommuneMention[] {
  return [...uniformText(text).matchAll(communeMention)].map((match) => ({
    word: match.groups!.word!.toLowerCase(),
    name: properName(match.groups!.next!),
  }));
}

/** The capitalised words (or a number, `Phường 3`) that open `text`: a commune's proper name. */
function properName(text: string): string | null {
  const words: string[] = [];
  for (const word of text.trim().split(/\s+/u)) {
    if (!/^(?:\p{Lu}|\d)/u.test(word)) break;
    words.push(word);
  }
  return words.length > 0 ? words.join(' ') : null;
}

/** A district, province or central body's level word (`UBND huyện`, `Huyện ủy`, `Sở …`). */
const upperLevel = /(?<![\p{L}])(?:huyện|tỉnh|quận|thị xã|thành phố|huyện ủy|tỉnh ủy|thành ủy|thị ủy|quận ủy|huyện đoàn|tỉnh đoàn|sở|trung ương)(?![\p{L}])/iu;

/** True when the text says it is above the communes: a district, a province or their bodies. */
export function mentionsUpperLevel(text: string): boolean {
  return upperLevel.test(uniformText(text));
}

const districtName = /(?<![\p{L}])(?:[Hh]uyện ủy|[Tt]hị ủy|[Tt]hành ủy|[Qq]uận ủy|huyện|thị xã|thành phố|quận)\s+(?<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)/u;

/**
 * The key of the district, town or city of a province a name belongs to (`UBND huyện Bắc Mỹ`,
 * `Huyện ủy Bắc Mỹ` → `bac my`), or null.
 */
export function districtNameKey(name: string): string | null {
  const match = districtName.exec(uniformText(name));
  return match ? unitKey(match.groups!.name!) : null;
}

/** True when the text names a commune or a commune's organ (`Đảng ủy xã Thuận`, `của xã`). */
export function mentionsCommune(text: string): boolean {
  return communeMentions(text).length > 0;
}

/**
 * A locality as the parser writes it (`xã Bình Sơn`, `huyện Triệu Sơn`): its level word and the
 * comparison key of the whole (`xa binh son`), or null when the text is not one.
 */
export interface Locality {
  /** True for xã, phường, thị trấn, đặc khu. */
  commune: boolean;
  /** The comparison key of the proper name alone (`binh son`). */
  nameKey: string;
  /** The locality as written, for messages. */
  label: string;
}

const localityPattern = new RegExp(String.raw`^(?<word>${COMMUNE_WORD}|huyện|quận|thị xã|thành phố|tỉnh)\s+(?<name>\S.*)$`, 'iu');

/** Reads a locality phrase (`xã Bình Sơn`); null when it names no level and place. */
export function readLocality(text: string): Locality | null {
  const label = uniformText(text).trim();
  const match = localityPattern.exec(label);
  if (!match) return null;
  const nameKey = unitKey(match.groups!.name!);
  if (!nameKey) return null;
  return { commune: new RegExp(`^${COMMUNE_WORD}$`, 'iu').test(match.groups!.word!), nameKey, label };
}

/** The comparison key of the commune a unit name belongs to (`UBND xã Bình Sơn` → `binh son`), or null. */
export function communeNameKey(name: string): string | null {
  const named = communeMentions(name).find((mention) => mention.name !== null);
  return named ? unitKey(named.name!) : null;
}
