/**
 * What a unit phrase of a notice means before any registered unit is looked at: one unit, a
 * collective ("UBND các xã, thị trấn"), a collective with a condition only a reader can apply
 * ("các xã có dự án đi qua"), a person ("đồng chí Lê Phú Quốc - HUV, …"), or an organ of a
 * place ("Ban chỉ đạo NTM xã Bình Sơn", "của xã", "địa phương").
 */
import { inferUnitKind, type UnitKind } from './unit-kind.js';
import { communeMentions, uniformText } from './localities.js';

/** The meaning of one unit phrase. */
export type PhraseReading =
  | { type: 'unit' }
  | { type: 'person'; name: string }
  /**
   * Every registered unit of these kinds; `qualified`: only some of them, which the secretary
   * picks; `communeLevel`: the members' level when the phrase says it (`các đoàn thể xã`: the
   * communes' own, `cấp huyện`: the district's), null when it does not; `districts`: the
   * districts of a province too (`UBND các huyện, thị xã`); `organ`: which of each member's
   * bodies, when the phrase says (`UBND các xã` → government, `các đảng ủy xã` → party);
   * `noun`: its first member word as written (`xã`, `sở`), which names each of an enumeration
   * that follows it (`các sở: Tài chính, Xây dựng`).
   */
  | { type: 'collective'; kinds: UnitKind[]; districts: boolean; organ: OrganFamily | null; qualified: boolean; communeLevel: boolean | null; noun: string }
  /**
   * The unit of a place: `localities` as written (`xã Bình Sơn`), or none for the notice's own
   * (`của xã`, `địa phương`); `commune` when the phrase says the place is a commune.
   */
  | { type: 'place'; localities: string[]; commune: boolean }
  /** `các chi bộ thôn`, `các Tiểu ban`: every registered unit whose name opens with `head`. */
  | { type: 'group'; head: string }
  /**
   * `các đồng chí thành viên Ban chỉ đạo huyện`: people who act through the units they belong to,
   * which the directive names beside them, or not a unit at all.
   */
  | { type: 'people' };

/** Reads a phrase; `persons` are the names the parser saw as person leads of the directive. */
export function readPhrase(phrase: string, persons: readonly string[] = []): PhraseReading {
  const text = uniformText(phrase).trim().replace(/\s+/gu, ' ');
  const person = personName(text, persons);
  if (person) return { type: 'person', name: person };
  const local = localGovernment.exec(text);
  if (local) {
    return local.groups!.rest
      ? { type: 'collective', kinds: ['commune'], districts: false, organ: null, qualified: true, communeLevel: true, noun: 'địa phương' }
      : { type: 'place', localities: [], commune: false };
  }
  const collective = readCollective(text);
  if (collective) return collective;
  // `huyện Bắc Mỹ`, `thị xã An Sơn` alone: the place, whose government the secretary registered.
  if (upperPlace.test(text)) return { type: 'place', localities: [text], commune: false };
  if (inferUnitKind(text) === 'commune') {
    const named = [...new Set(communeMentions(text).filter((m) => m.name).map((m) => `${m.word} ${m.name}`))];
    return { type: 'place', localities: named, commune: true };
  }
  const group = /^(?<prefix>.*?)các\s+(?<head>.+)$/iu.exec(text);
  if (!group || !collectivePrefix.test(group.groups!.prefix!)) return { type: 'unit' };
  return /^(?:đồng chí|thành viên|cán bộ|đảng viên)(?![\p{L}])/iu.test(group.groups!.head!) ? { type: 'people' } : { type: 'group', head: group.groups!.head! };
}

const upperPlace = /^(?:[Hh]uyện|[Tt]hị xã|[Tt]hành phố|[Qq]uận|[Tt]ỉnh)(?:\s+\p{Lu}\p{Ll}*)+$/u;

/** Titles that follow `đồng chí` when the text names a post, not a person (`đồng chí Phó Chủ tịch UBND xã`). */
const titleWords = /^(?:Trưởng|Phó|Chủ|Bí|Giám|Chánh|Thủ|Thường|Ủy|Huyện|Tỉnh|Bộ|Chỉ|Tổng|Đội|Chính|Thành|Các)$/u;
const personPattern = /^(?:[Đđ]ồng chí|Đ\/c|đ\/c|[Ôô]ng|[Bb]à)\s+(?<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})(?=$|\s*[-–,;(]|\s+\p{Ll})/u;

function personName(text: string, persons: readonly string[]): string | null {
  const fold = (s: string) => s.normalize('NFC').toLowerCase();
  const named = persons.find((name) => fold(name) === fold(text));
  if (named) return named;
  const name = personPattern.exec(text)?.groups?.name;
  return name && !titleWords.test(name.split(' ')[0]!) ? name : null;
}

/** `địa phương`, `chính quyền địa phương`, `cấp ủy, chính quyền địa phương`, and the qualified `địa phương liên quan`. */
const localGovernment = /^(?:(?:cấp ủy|chính quyền|lãnh đạo|UBND)(?:,\s*|\s+và\s+|\s+))*địa phương(?:\s+(?<rest>.+))?$/iu;

/** Who a collective's members are: units of a kind, or the districts (huyện, thị xã, thành phố) of a province. */
type Members = UnitKind | 'district';

/** Nouns a collective lists, each with the members it expands to; null for vague ones (`các đơn vị`) that never expand. */
const collectiveNouns: [RegExp, Members | null][] = [
  [/^(?:xã|phường|thị trấn|đặc khu|địa phương)(?![\p{L}])/iu, 'commune'],
  [/^(?:huyện ủy|thị ủy|thành ủy|quận ủy|huyện|thị xã|thành phố|quận)(?![\p{L}])/iu, 'district'],
  [/^(?:(?:cơ quan|phòng) chuyên môn|phòng ban|phòng|ban|sở|chi cục|ngành)(?![\p{L}])(?!\s+chức năng)/iu, 'department'],
  [/^(?:(?:đoàn thể|tổ chức)(?:\s+chính trị\s*-\s*xã hội)?|hội đoàn thể|hội|đoàn|MTTQ|Mặt trận(?: Tổ quốc)?)(?![\p{L}])(?!\s+đồng)/iu, 'mass-org'],
  [/^trường(?: học)?(?![\p{L}])/iu, 'school'],
  [/^(?:đơn vị|cơ quan|tổ chức|doanh nghiệp|chủ đầu tư|ngành chức năng|lực lượng|hộ)(?![\p{L}])/iu, null],
];

/**
 * What may stand before `các`: the organ of each member (`UBND các xã`, `Trưởng các thôn`), or
 * the Front beside the đoàn thể (`MTTQ và các đoàn thể`).
 */
const collectivePrefix = /^(?:(?<organ>UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Đảng ủy|Đảng bộ|Ban Thường vụ|Cấp ủy|Chủ tịch(?: UBND| Ủy ban nhân dân)?|Bí thư|Lãnh đạo|Thủ trưởng|Trưởng|Thường trực)|(?<front>(?:Ủy ban )?(?:MTTQ|Mặt trận Tổ quốc)(?: Việt Nam)?(?: \p{L}+)?(?:,|\s+và)))?\s*$/iu;

/** An organ written inside the first item instead (`các đảng ủy xã, thị trấn`). */
const innerOrgan = /^(?<organ>UBND|Ủy ban nhân dân|HĐND|Đảng ủy|Đảng bộ|cấp ủy|chính quyền)\s+(?=\p{L})/iu;

/** The family of an organ: the people's committees (chính quyền) or the Party committees (cấp ủy). */
export type OrganFamily = 'government' | 'party';

function organFamily(organ: string | undefined): OrganFamily | null {
  if (!organ) return null;
  if (/^(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Chủ tịch|chính quyền)/iu.test(organ)) return 'government';
  if (/^(?:Đảng ủy|Đảng bộ|Ban Thường vụ|Cấp ủy|Bí thư)/iu.test(organ)) return 'party';
  return null;
}

/**
 * Words after a collective that only say which level it is (`cấp huyện`, `trên địa bàn huyện`),
 * as opposed to a condition (`có dự án đi qua`, `chưa đạt chuẩn`, `liên quan`).
 */
const levelQualifier = /^(?:(?:cấp|thuộc|trực thuộc|của|trong|trên địa bàn|toàn|ở)\s*)*(?:(?:huyện|tỉnh|thành phố|thị xã|quận|xã|phường)(?:\s+\p{Lu}\p{Ll}*)*)?$/u;

function readCollective(text: string): PhraseReading | null {
  const at = /(?<![\p{L}])các\s+/iu.exec(text);
  if (!at) return null;
  const prefix = collectivePrefix.exec(text.slice(0, at.index));
  if (!prefix) return null;
  const kinds = new Set<UnitKind>(prefix.groups?.front ? ['mass-org'] : []);
  let organ = organFamily(prefix.groups?.organ);
  let districts = false;
  let qualified = false;
  let levelWords = '';
  let firstNoun = '';
  const tokens = text.slice(at.index + at[0].length).replace(/[()]/gu, ' ').split(/\s*[,;]\s*|\s+và\s+/u).map((t) => t.trim().replace(/^các\s+/iu, '')).filter(Boolean);
  for (const [i, written] of tokens.entries()) {
    const inner = innerOrgan.exec(written);
    if (inner) organ ??= organFamily(inner.groups!.organ);
    const token = inner ? written.slice(inner[0].length) : written;
    const noun = collectiveNouns.map(([pattern, kind]) => ({ match: pattern.exec(token), kind })).find((n) => n.match);
    if (!noun) {
      if (i === 0) return null;
      qualified = true;
      continue;
    }
    if (noun.kind === null) qualified = true;
    else if (noun.kind === 'district') districts = true;
    else kinds.add(noun.kind);
    if (/ủy$/iu.test(noun.match![0])) organ ??= 'party';
    firstNoun ||= noun.match![0];
    const rest = token.slice(noun.match![0].length).trim();
    if (rest && !levelQualifier.test(rest)) qualified = true;
    else levelWords = rest;
  }
  const communeLevel = /(?:^|\s)(?:xã|phường)(?:\s|$)/u.test(levelWords) ? true : /(?:^|\s)(?:huyện|tỉnh|thành phố|thị xã|quận)(?:\s|$)/u.test(levelWords) ? false : null;
  return { type: 'collective', kinds: [...kinds], districts, organ, qualified, communeLevel: kinds.has('commune') ? true : communeLevel, noun: firstNoun };
}
