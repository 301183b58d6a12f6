/**
 * Who a directive is for: the lead units (chủ trì), the coordinating units (phối hợp) and the
 * people named as leads, as the phrases the notice writes. Vietnamese puts the unit before its
 * verb (`Giao Phòng Kinh tế - Hạ tầng tham mưu …`, `UBND các xã, thị trấn kiểm tra …`); the
 * grammar of unit-grammar.ts says where a unit's name ends, whatever verb follows it.
 */
import { scanUnits, type UnitSpan } from './unit-grammar.js';

/** A unit phrase (or list of them) and what follows it. */
export interface ScannedPhrase {
  /** The whole list as written. */
  phrase: string;
  units: UnitSpan[];
  end: number;
  /** The lower-case word after the phrase (its verb), or null when punctuation or nothing follows. */
  verb: string | null;
  /** `Phòng Y phối hợp` (the phrase's units coordinate), unlike `X, phối hợp với Y`. */
  coordinates: boolean;
}

/** `Phòng Y phối hợp …` right after the units, not `phối hợp với …` (which names whom they work with). */
const coordinatesAfter = /^\s+phối hợp(?![\p{L}])(?!\s+(?:chặt chẽ\s+)?(?:với|cùng)\s)/u;

/**
 * Reads the unit phrase (a list of units) that starts at `start`. `semicolons` lets an addressee
 * list run over `;` (`UBND huyện, …; Đảng bộ, chính quyền xã`).
 */
export function scanUnitPhrase(text: string, start: number, semicolons = false): ScannedPhrase | null {
  const scan = scanUnits(text, start, semicolons);
  if (!scan) return null;
  const after = text.slice(scan.end, scan.end + 40);
  const coordinates = after.includes('phối hợp') && coordinatesAfter.test(after);
  return new Scanned(text, start, withSharedLocality(scan.units), scan.end, scan.next, coordinates);
}

/** A scan's result. A class, because an object literal with a getter costs more to build on every scan. */
class Scanned implements ScannedPhrase {
  constructor(
    private readonly text: string,
    private readonly start: number,
    readonly units: UnitSpan[],
    readonly end: number,
    readonly verb: string | null,
    readonly coordinates: boolean,
  ) {}

  /** Most scans only need the units; the whole phrase is cut only when asked for. */
  get phrase(): string {
    return cleanPhrase(this.text.slice(this.start, this.end));
  }
}

function cleanPhrase(phrase: string): string {
  return phrase.replace(/\s+/gu, ' ').replace(/^(?:cho|là)\s+/u, '').replace(/(?:[\s,;-]+|\s+(?:và|cùng))+$/u, '').trim();
}


/**
 * Splits a phrase naming several units into unit names (`Phòng A, Phòng B và UBND các xã`), for
 * a table cell or a list found elsewhere. `Các ban, phòng, ngành cấp huyện` stays whole (a
 * collective unit); a person keeps their roles; `Đảng bộ, chính quyền xã Bình Sơn` gives both
 * units the locality. Pieces the grammar cannot read are kept as written.
 */
export function splitUnitList(phrase: string): string[] {
  return unitSpans(phrase).map((unit) => unit.text);
}

/** The units of a phrase with their kinds (see `splitUnitList`). */
export function unitSpans(phrase: string): UnitSpan[] {
  const text = cleanPhrase(phrase);
  const spans: UnitSpan[] = [];
  let at = 0;
  while (at < text.length) {
    const scan = scanUnits(text, at, true);
    const next = scan ? scan.end : text.length;
    const rest = /^[^,;\n]*/u.exec(text.slice(at))![0];
    if (scan) spans.push(...withSharedLocality(scan.units));
    else if (rest.trim().length > 1) spans.push({ text: cleanPhrase(rest), start: at, end: at + rest.length, kind: 'unit' });
    const skip = /^[^,;\n]*[,;\n]?\s*(?:và\s+)?/u.exec(text.slice(scan ? next : at))![0].length;
    at = (scan ? next : at) + Math.max(skip, scan ? 0 : 1);
    if (scan && skip === 0) break;
  }
  return spans;
}

/** The locality a unit name ends with (`… xã Bình Sơn`), which earlier units of the same list share. */
const localityTail = /\s((?:xã|phường|thị trấn|huyện|thị xã|thành phố)\s+\p{Lu}[\p{L}\s]*)$/u;

/** `Đảng bộ, chính quyền, Ban chỉ đạo … xã Bình Sơn`: units named by their head alone take the last one's locality. */
function withSharedLocality(units: UnitSpan[]): UnitSpan[] {
  const locality = localityTail.exec(units[units.length - 1]?.text ?? '')?.[1];
  if (!locality || units.length < 2) return units;
  return units.map((unit) =>
    unit.kind === 'unit' && unit.text.split(' ').length <= 2 && !/(?:xã|phường|thị trấn|huyện|tỉnh)/iu.test(unit.text) ? { ...unit, text: `${unit.text} ${locality}` } : unit,
  );
}

/** Lead and coordinating unit phrases of one directive, and the people named as its leads. */
export interface DirectiveUnits {
  lead: string[];
  support: string[];
  /** Names of people the directive is given to (`đồng chí Lê Phú Quốc …` → `Lê Phú Quốc`). */
  persons: string[];
}

const assignCue = /(?<![\p{L}])(?:[Gg]iao(?: nhiệm vụ)?(?: cho)?|[Đđ]ề nghị|[Yy]êu cầu|[Cc]hế độ báo cáo của)\s+/gu;
const supportCue = /(?:[Pp]hối hợp(?: chặt chẽ)?(?: với| cùng)|chủ trì,?\s+cùng(?: với)?)\s+/gu;
const clauseStart = /(?:^|[.;:!?]\s+|\n)(?:(?:Đối với|Riêng)\s+(?<concerned>[^,.;:]{3,160})[,:]\s*)?/gu;
/** An adverbial that may come before a clause's subject: `Trong tháng 12, Phòng X …`, `Để …, UBND xã …`. */
const adverbialOpening = /(?:^|[.;:!?]\s+|\n)(?:Để|Trong|Đến|Từ|Sau|Trước|Căn cứ|Trên cơ sở|Theo|Nhằm|Qua|Ngoài ra|Đồng thời|Bên cạnh đó|Mặt khác|Khi|Chậm nhất|Định kỳ|Hằng (?:tuần|tháng|quý))(?![\p{L}])[^.;:\n]{0,120}?,\s+/gu;
/** A clause whose only verbs oversee (`hướng dẫn, kiểm tra.`): its unit supports the one doing the work. */
const supervisesOnly = /^\s*(?:hướng dẫn|kiểm tra|giám sát|theo dõi|đôn đốc)(?:\s*(?:,|và)\s*(?:hướng dẫn|kiểm tra|giám sát|theo dõi|đôn đốc))*\s*(?:[.;]|$)/u;
/** Who executes what a person supervises: `chỉ đạo UBND các xã thực hiện`. */
const executorCue = /(?<![\p{L}])chỉ đạo\s+/gu;
/** `… thông báo để các cơ quan, đơn vị biết, thực hiện./.`: the notice's closing formula names no directive's unit. */
const closingFormula = /(?:^|[.;]\s+|\n)[^.;\n]{0,160}?\bthông báo\s+(?:để|đến|cho)\s[\s\S]*$/u;
/** Clauses that evaluate rather than assign: `Ghi nhận những nỗ lực của …`. */
const evaluationClause = /(?:^|[.;]\s+|\n)(?:Ghi nhận|Biểu dương|Đánh giá cao|Hoan nghênh|Khen ngợi|Cơ bản thống nhất|Thống nhất với)[^.;\n]*/gu;

/** Finds the lead (chủ trì) and coordinating (phối hợp) unit phrases, and the persons leading, in a directive's text. */
export function findDirectiveUnits(rawText: string): DirectiveUnits {
  let text = rawText.includes('thông báo') ? rawText.replace(closingFormula, '') : rawText;
  if (/Ghi nhận|Biểu dương|Đánh giá cao|Hoan nghênh|Khen ngợi|thống nhất/iu.test(text)) text = text.replace(evaluationClause, (clause) => ' '.repeat(clause.length));
  // Found cue by cue (assignment, clause subject, coordination), then put back in the order the text names them.
  const lead: { at: number; units: UnitSpan[]; oversees?: boolean }[] = [];
  const support: { at: number; units: UnitSpan[]; oversees?: boolean }[] = [];
  const add = (scanned: ScannedPhrase | null, at: number, asLead: boolean) => {
    if (!scanned) return;
    // `…; Phòng Y hướng dẫn, kiểm tra.` beside a unit that does the work: Y only oversees it (settled below).
    const oversees = supervisesOnly.test(text.slice(scanned.end, scanned.end + 80));
    (asLead && !scanned.coordinates ? lead : support).push({ at, units: scanned.units, oversees });
  };
  const subjectAt = (start: number) => {
    const scanned = scanUnitPhrase(text, start);
    if (!scanned) return;
    // A clause's subject counts when a verb follows it (`UBND các xã kiểm tra …`), or a colon (`Sở Tài chính:` over sub-items).
    if (scanned.verb && !/^(?:đã|vừa|từng)$/u.test(scanned.verb)) add(scanned, start, true);
    else if (/^\s*:/u.test(text.slice(scanned.end, scanned.end + 3))) add(scanned, start, true);
    // `Phòng X (cơ quan thường trực …) rà soát …`: a parenthesis between the subject and its verb.
    else if (/^\s*\([^()]{0,200}\)\s+\p{Ll}/u.test(text.slice(scanned.end, scanned.end + 220))) add(scanned, start, true);
    // `Các ban, phòng, ngành cấp huyện, căn cứ chức năng, bám sát …`: an aside between the subject and its verb.
    else if (/^,\s+\p{Ll}/u.test(text.slice(scanned.end, scanned.end + 4)) && !scanUnitPhrase(text, text.indexOf(',', scanned.end) + 2)) add(scanned, start, true);
  };
  for (const match of text.matchAll(assignCue)) {
    const start = match.index + match[0].length;
    add(scanUnitPhrase(text, start), start, true);
  }
  for (const match of text.matchAll(clauseStart)) {
    const concerned = match.groups?.concerned;
    const start = match.index + match[0].length;
    if (concerned) {
      const named = scanUnitPhrase(concerned, 0);
      // `Đối với các xã trong lộ trình …,` keeps its qualifier whole: the secretary decides who that is.
      if (named) lead.push({ at: match.index, units: named.units.length === 1 ? [{ ...named.units[0]!, text: cleanPhrase(concerned) }] : named.units });
    }
    subjectAt(start);
  }
  for (const match of text.matchAll(adverbialOpening)) subjectAt(match.index + match[0].length);
  // `X chủ trì, Phòng Y phối hợp …`: a unit after a comma that coordinates.
  // Only a text that says `phối hợp` after a unit has one to find; most have none.
  // A comma after the last `phối hợp` has none to find either (the next occurrence is tracked, so this stays linear).
  let coordination = text.indexOf('phối hợp');
  for (const match of /\S\s+phối hợp/u.test(text) ? text.matchAll(/,\s+/gu) : []) {
    const start = match.index + match[0].length;
    while (coordination >= 0 && coordination < start) coordination = text.indexOf('phối hợp', coordination + 1);
    if (coordination < 0) break;
    const scanned = scanUnitPhrase(text, start);
    if (scanned?.coordinates) add(scanned, start, false);
  }
  for (const match of text.matchAll(supportCue)) {
    const start = match.index + match[0].length;
    add(scanUnitPhrase(text, start), start, false);
  }
  if (lead.some((found) => !found.oversees)) support.push(...lead.filter((found) => found.oversees));
  const doers = lead.some((found) => !found.oversees) ? lead.filter((found) => !found.oversees) : lead;
  lead.splice(0, lead.length, ...doers);
  const inOrder = (found: { at: number; units: UnitSpan[] }[]) => {
    // A loop rather than `flatMap`, which costs more than the few units it gathers.
    const units: UnitSpan[] = [];
    for (const f of found.sort((a, b) => a.at - b.at)) units.push(...f.units);
    return units;
  };
  const leadSpans = inOrder(lead);
  const persons = unique(leadSpans.filter((unit) => unit.kind === 'person').map((unit) => unit.name ?? unit.text));
  let leadUnits = unique(leadSpans.filter((unit) => unit.kind !== 'person').map((unit) => unit.text));
  if (leadUnits.length === 0 && persons.length > 0) leadUnits = executors(text);
  if (leadUnits.length === 0 && persons.length > 0) leadUnits = topicOwner(text);
  const leadKeys = new Set(leadUnits.map((unit) => unit.toLowerCase()));
  const supportUnits = unique(inOrder(support).filter((unit) => unit.kind !== 'person').map((unit) => unit.text));
  return { lead: leadUnits, support: supportUnits.filter((unit) => !leadKeys.has(unit.toLowerCase())), persons };
}

/** When a person supervises, the units the sentence says they direct (`chỉ đạo địa phương thực hiện`) carry the work. */
function executors(text: string): string[] {
  for (const match of text.matchAll(executorCue)) {
    const start = match.index + match[0].length;
    const scanned = scanUnitPhrase(text, start);
    if (scanned?.verb) return unique(scanned.units.filter((unit) => unit.kind !== 'person').map((unit) => unit.text));
    if (/^(?:các\s+)?địa phương(?![\p{L}])/u.test(text.slice(start))) return ['địa phương'];
  }
  return [];
}

/** `Về các kiến nghị của xã Bình Sơn: Giao đồng chí … theo dõi`: the person follows the matter, the unit it is about carries it. */
function topicOwner(text: string): string[] {
  const topic = /^Về\s[^:.;]{0,120}?\scủa\s+(?=[^:]{0,80}:)/u.exec(text);
  const scanned = topic ? scanUnitPhrase(text, topic[0].length) : null;
  return scanned && /^\s*:/u.test(text.slice(scanned.end)) ? unique(scanned.units.filter((unit) => unit.kind !== 'person').map((unit) => unit.text)) : [];
}

/** Collectives that every notice's closing names (`các cơ quan, đơn vị, địa phương liên quan`): nobody in particular. */
const anyone = /^(?:các\s+)?(?:(?:cơ quan|đơn vị|địa phương|tổ chức|cá nhân|ngành)(?:\s*,\s*|\s+và\s+|\s+)?)+(?:có\s+)?(?:liên quan)?$/iu;

/**
 * The body a notice asks to act, from its lead-in (`… đề nghị Đảng ủy xã Thuận tập trung …`,
 * `yêu cầu UBND huyện, …; Đảng bộ, chính quyền xã Bình Sơn thực hiện …`) or, failing that, its
 * closing (`… thông báo để UBND huyện, các ban, phòng, ngành … thực hiện`). The last request in
 * the lead-in wins, because it is the one that introduces the directives. The closing's
 * formula (`… để các cơ quan, đơn vị, địa phương biết, thực hiện`) names nobody.
 */
export function findAddressee(leadIn: string, closing: string): string[] {
  return lastRequested(leadIn, /(?<![\p{L}])(?:đề nghị|yêu cầu|giao(?: cho)?)\s+/giu) ?? lastRequested(closing, /(?<![\p{L}])(?:đề nghị|yêu cầu|giao(?: cho)?|để|đến)\s+/giu) ?? [];
}

function lastRequested(text: string, cue: RegExp): string[] | null {
  let addressee: string[] | null = null;
  for (const match of text.matchAll(cue)) {
    const scanned = scanUnitPhrase(text, match.index + match[0].length, true);
    const units = scanned ? scanned.units.filter((unit) => unit.kind !== 'person' && !anyone.test(unit.text)).map((unit) => unit.text) : [];
    if (units.length > 0) addressee = unique(units);
  }
  return addressee;
}

function unique(phrases: string[]): string[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => {
    const key = phrase.toLowerCase();
    if (phrase.length < 2 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
