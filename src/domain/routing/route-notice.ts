/**
 * Routes each directive of a parsed notice to the office's registered units, as a careful reader
 * would: collectives expand to every unit of their kind, the organs of a commune go to that
 * commune's unit, a bare "xã" or "địa phương" is the commune the notice is about, and persons are
 * named but never routed. What routing is not sure of becomes a flag with at most three
 * suggestions of the same level, because sending a directive to the wrong unit is worse than
 * asking the secretary.
 *
 * ```ts
 * const routing = routeNotice(parseNotice(text), units, people);
 * for (const d of routing.directives) console.log(d.ordinal, d.routes, d.flags);
 * ```
 */
import { isAmbiguous, MIN_MATCH_SCORE, rankUnits, unitKey, type RankedUnit } from './unit-matcher.js';
import type { UnitKind } from './unit-kind.js';
import { communeMentions, readLocality, type Locality } from './localities.js';
import { readPhrase, type OrganFamily, type PhraseReading } from './phrase-reading.js';
import { describeUnit, mentionedIn, sameLevel, unitsOfPlace, type Unit } from './office-units.js';
import type { DirectiveRouting, KnownPerson, NoticeRouting, RoutableUnit, Route, RouteFlag, RoutingDirective, RoutingNotice, Suggestion } from './types.js';

/**
 * The score from which a phrase is routed without asking. Below it the matcher only found
 * shared generic words ("Văn phòng … huyện"), and sending a directive to the wrong unit is
 * worse than asking the secretary: the phrase is flagged, with the near misses as suggestions.
 */
export const AUTO_ROUTE_SCORE = 0.8;

/** Suggestions below this score are noise (one generic word in common), not help. */
const SUGGESTION_SCORE = 0.3;
const MAX_SUGGESTIONS = 3;
/** How sure a route by kind, place or the notice's locality is: certain rules, not name likeness. */
const RULE_SCORE = 0.9;

/** The outcome of one phrase, before the directive merges lead and support. */
interface Resolution {
  routes: Omit<Route, 'role'>[];
  flags: Omit<RouteFlag, 'message'>[];
  expansion?: { phrase: string; unitIds: string[] };
  person?: string;
  /** A group of people (`các đồng chí thành viên …`): flagged only when nothing else in its role is routed. */
  people?: string;
}

/** Everything routing needs besides the directive: the units and the notice's own place. */
interface Context {
  units: Unit[];
  people: readonly KnownPerson[];
  locality: Locality | null;
  /** The notice's locality's unit when exactly one registered unit is that place. */
  localityUnit: Unit | null;
  /** Whether an addressee phrase names the locality's unit, decided once per notice (phrase → answer). */
  namesLocality: Map<string, boolean>;
}

/** Routes every directive of a notice; see the module comment for the rules. */
export function routeNotice(notice: RoutingNotice, units: readonly RoutableUnit[], people: readonly KnownPerson[] = []): NoticeRouting {
  const known = units.map(describeUnit);
  const locality = notice.notice.locality ? readLocality(notice.notice.locality) : null;
  const placeUnits = locality ? unitsOfPlace(locality, known) : [];
  const context: Context = { units: known, people, locality, localityUnit: placeUnits.length === 1 ? placeUnits[0]! : null, namesLocality: new Map() };
  const expansions = new Map<string, { phrase: string; unitIds: string[] }>();
  const directives = notice.directives.map((directive) => {
    const { routing, expanded } = routeDirective(directive, notice, context);
    for (const expansion of expanded) {
      const key = unitKey(expansion.phrase);
      if (!expansions.has(key)) expansions.set(key, expansion);
    }
    return routing;
  });
  return { directives, expansions: [...expansions.values()] };
}

function routeDirective(directive: RoutingDirective, notice: RoutingNotice, context: Context) {
  const namesLead = directive.leadSource !== 'addressee' && directive.leadSource !== 'none';
  const persons = directive.persons ?? [];
  const lead = (namesLead ? directive.lead : []).map((phrase) => resolvePhrase(phrase, directive, context));
  const support = directive.support.map((phrase) => resolvePhrase(phrase, directive, context));
  const leadsByUnit = lead.some((r) => r.person === undefined);
  const personNames = [...new Set([...persons, ...[...lead, ...support].flatMap((r) => (r.person ? [r.person] : []))])];
  if (!leadsByUnit) lead.push(...fallbackLead(directive, notice, context, personNames.length > 0));

  const routes: Route[] = [];
  const add = (route: Omit<Route, 'role'>, role: Route['role']) => {
    // A unit named as lead is never also support: the first lead wins, then the first support.
    if (!routes.some((r) => r.unitId === route.unitId)) routes.push({ ...route, role });
  };
  for (const r of lead) for (const route of r.routes) add(route, 'lead');
  for (const r of support) for (const route of r.routes) add(route, 'support');

  const flags: RouteFlag[] = [];
  const personLinks = personNames.map((name) => ({ name, personId: findPerson(name, context.people)?.id ?? null }));
  for (const { name, personId } of personLinks) {
    const flag = { kind: 'person' as const, phrase: name, suggestions: [], ...(personId ? { personId } : {}) };
    flags.push({ ...flag, message: flagMessage(flag, 'lead', context) });
  }
  for (const [role, resolutions] of [['lead', lead], ['support', support]] as const) {
    // People beside units ("Các phòng, ban …, các đồng chí thành viên BCĐ") act through those units.
    const alone = !routes.some((r) => r.role === role);
    const peopleFlags = resolutions.flatMap((r) => (r.people && alone ? [peopleFlag(r.people, context)] : []));
    for (const flag of [...resolutions.flatMap((r) => r.flags), ...peopleFlags]) {
      if (!alreadyRouted(flag, role, routes)) flags.push({ ...flag, message: flagMessage(flag, role, context) });
    }
  }
  const expanded = [...lead, ...support].flatMap((r) => (r.expansion ? [r.expansion] : []));
  const routing: DirectiveRouting = { ordinal: directive.ordinal, text: directive.text, routes, flags, persons: personLinks };
  return { routing, expanded };
}

/** A group of people no unit beside it covers: asked about, the unit it names (if any) suggested. */
function peopleFlag(phrase: string, context: Context): Omit<RouteFlag, 'message'> {
  const { routes, flags } = namedUnit(phrase, context);
  return flags[0] ?? { kind: 'unmatched', phrase, suggestions: routes.map(({ unitId, score, reason }) => ({ unitId, score, reason })) };
}

/**
 * A loose phrase whose closest unit a collective of the same directive already reached in the
 * same role ("Ủy ban MTTQ" beside "các đoàn thể"): asking about it again would be noise.
 */
function alreadyRouted(flag: Omit<RouteFlag, 'message'>, role: Route['role'], routes: readonly Route[]): boolean {
  const [best] = flag.suggestions;
  return (flag.kind === 'unmatched' || flag.kind === 'ambiguous') && best !== undefined && best.score >= MIN_MATCH_SCORE && routes.some((r) => r.unitId === best.unitId && r.role === role);
}

/**
 * A directive that names no lead unit: the notice's commune when the notice is about one and
 * asks it to act (a working session with one commune: the commune is who acts), else the
 * addressee, else a flag. A person named as lead keeps the directive out of the addressee's
 * collectives: the person follows it, not every department.
 */
function fallbackLead(directive: RoutingDirective, notice: RoutingNotice, context: Context, personLeads: boolean): Resolution[] {
  // The parser may give a leadless task its addressee itself (the notice's commune) without a
  // notice-wide one: the directive's own `addressee` lead is then who the notice asks, unless a
  // person was named to lead it ("Giao đồng chí … theo dõi"), who then stands alone.
  const ownAddressee = directive.leadSource === 'addressee' && !personLeads ? directive.lead : [];
  const addressee = notice.addressee?.length ? notice.addressee : ownAddressee;
  const local = context.localityUnit;
  const namesLocality = (phrase: string) => {
    let answer = context.namesLocality.get(phrase);
    if (answer === undefined) {
      const resolution = resolvePhrase(phrase, directive, context);
      answer = !resolution.expansion && resolution.routes.some((r) => r.unitId === local!.id);
      context.namesLocality.set(phrase, answer);
    }
    return answer;
  };
  if (local && addressee.some(namesLocality)) {
    return [{ routes: [{ unitId: local.id, score: RULE_SCORE, reason: `thông báo về ${context.locality!.label}, nơi thực hiện: ${local.name}`, via: context.locality!.label }], flags: [] }];
  }
  // A notice about a commune that has not joined yet: its leadless tasks are that commune's, so
  // the secretary is asked rather than the tasks spread over the notice's other addressees.
  if (!local && context.locality?.commune && addressee.some((phrase) => namesPlace(phrase, context.locality!))) {
    return [{ routes: [], flags: [{ kind: 'no-lead', phrase: '', suggestions: [] }] }];
  }
  if (personLeads) return [];
  if (addressee.length > 0) {
    return addressee.map((phrase) => {
      const resolution = resolvePhrase(phrase, directive, context);
      return { ...resolution, routes: resolution.routes.map((r) => ({ ...r, reason: `${r.reason} (đơn vị được đề nghị chung trong thông báo)` })) };
    });
  }
  return [{ routes: [], flags: [{ kind: 'no-lead', phrase: '', suggestions: [] }] }];
}

/** True when a phrase names the locality itself (`Đảng bộ, chính quyền xã Bình Sơn`). */
function namesPlace(phrase: string, locality: Locality): boolean {
  return communeMentions(phrase).some((mention) => mention.name !== null && unitKey(mention.name) === locality.nameKey);
}

/** What one phrase routes to, by what it means (see `readPhrase`). */
function resolvePhrase(phrase: string, directive: RoutingDirective, context: Context): Resolution {
  const reading = readPhrase(phrase, directive.persons);
  switch (reading.type) {
    case 'person':
      return { routes: [], flags: [], person: reading.name };
    case 'collective': {
      if (reading.qualified || conditionFollows(phrase, directive.text)) return qualifiedCollective(phrase, reading.kinds, directive.text, context);
      // "các sở: Tài chính, Xây dựng" names its members: those, not every sở.
      const members = enumerationAfter(phrase, directive.text, reading.kinds.includes('commune') || reading.districts);
      if (members) return mergeResolutions(members.map((member) => resolvePhrase(`${reading.noun} ${member}`, directive, context)));
      return collective(phrase, reading, directive.text, context);
    }
    case 'place':
      return reading.localities.length > 0 ? mergeResolutions(reading.localities.map((label) => place(phrase, readLocality(label)!, context))) : noticePlace(phrase, reading.commune, directive.text, context);
    case 'group':
      return group(phrase, reading.head, directive.text, context);
    case 'people':
      return { routes: [], flags: [], people: phrase };
    case 'unit':
      return namedUnit(phrase, context);
  }
}

/**
 * The parser ends a phrase at its verb, and may take a condition's first word for one: in
 * "Các chi bộ chưa hoàn thành thu, nộp đảng phí …" only the chi bộ that have not are meant, and
 * "các xã (trừ xã Bình Sơn)" is not every commune.
 */
const CONDITION = String.raw`(?:\s+|\s*\(\s*)(?:chưa|có|không có|còn|đã có|nằm|thuộc diện|đạt|được chọn|trừ|ngoại trừ|riêng)(?![\p{L}])`;
const conditionAhead = new RegExp(`^${CONDITION}`, 'iu');
const conditionInside = new RegExp(CONDITION, 'iu');

function conditionFollows(phrase: string, text: string): boolean {
  const at = text.indexOf(phrase);
  return at >= 0 && conditionAhead.test(text.slice(at + phrase.length));
}

/**
 * The names listed after a collective (`các sở: Tài chính, Xây dựng`, `các xã (Bình Sơn, Tân Lập)`),
 * or null. Place names are also joined by `và`; a department's name may hold one (`Kế hoạch và Đầu tư`).
 */
function enumerationAfter(phrase: string, text: string, places: boolean): string[] | null {
  const at = text.indexOf(phrase);
  const list = at >= 0 ? /^\s*[:(]\s*(?<list>[^.;:()\n]+)/u.exec(text.slice(at + phrase.length))?.groups?.list : undefined;
  const pieces = list?.split(places ? /\s*,\s*(?:và\s+)?|\s+và\s+/u : /\s*,\s*(?:và\s+)?/u).map((member) => member.trim()) ?? [];
  // A place's name is its capitalised words: the last one runs on into the sentence's verb.
  const members = (places ? pieces.map((piece) => /^[\p{Lu}\d][\p{L}\d]*(?:\s+[\p{Lu}\d][\p{L}\d]*)*/u.exec(piece)?.[0] ?? '') : pieces).filter(Boolean);
  return members.length > 0 && members.every((member) => /^[\p{Lu}\d]/u.test(member)) ? members : null;
}

function mergeResolutions(resolutions: Resolution[]): Resolution {
  return { routes: resolutions.flatMap((r) => r.routes), flags: resolutions.flatMap((r) => r.flags) };
}

/** One unit by its name, among the units of the phrase's level only. */
function namedUnit(phrase: string, context: Context): Resolution {
  const ranked = rankUnits(phrase, sameLevel(phrase, context.units));
  const [best] = ranked;
  if (best && best.score >= AUTO_ROUTE_SCORE && !isAmbiguous(ranked)) return { routes: [{ unitId: best.unit.id, score: round(best.score), reason: best.reason }], flags: [] };
  const kind = best && best.score >= MIN_MATCH_SCORE && isAmbiguous(ranked) ? 'ambiguous' : 'unmatched';
  return { routes: [], flags: [{ kind, phrase, suggestions: suggestionsFrom(ranked) }] };
}

function suggestionsFrom(ranked: readonly RankedUnit<Unit>[]): Suggestion[] {
  return ranked
    .filter((match) => match.score >= SUGGESTION_SCORE)
    .slice(0, MAX_SUGGESTIONS)
    .map((match) => ({ unitId: match.unit.id, score: round(match.score), reason: match.reason }));
}

/**
 * "UBND các xã, thị trấn", "các phòng, ban, ngành", "UBND các huyện, thị xã": every registered
 * unit of those kinds, at the level the phrase names ("các đoàn thể xã" are the communes' own,
 * not the district's), and of the organ it names when a place has both its UBND and its Đảng ủy
 * registered. A phrase that names no organ then is asked about, not sent to both.
 */
function collective(phrase: string, reading: Extract<PhraseReading, { type: 'collective' }>, text: string, context: Context): Resolution {
  const { kinds, communeLevel } = reading;
  const atLevel = (unit: Unit) => communeLevel === null || (communeLevel ? unit.level !== 'upper' : unit.level !== 'commune');
  const ofKind = context.units.filter((unit) => kinds.includes(unit.kind) && unit.kind !== 'commune' && atLevel(unit));
  const places = context.units.filter((unit) => (kinds.includes('commune') && unit.kind === 'commune') || (reading.districts && unit.districtKey !== null && unit.family !== null));
  const bodies = organsOf(places, reading.organ);
  if (bodies === null) return qualifiedCollective(phrase, kinds, text, context);
  const chosen = new Set([...ofKind, ...bodies]);
  const members = context.units.filter((unit) => chosen.has(unit));
  if (members.length === 0) return { routes: [], flags: [{ kind: 'unmatched', phrase, suggestions: [] }] };
  return {
    routes: members.map((unit) => ({ unitId: unit.id, score: RULE_SCORE, reason: `thuộc nhóm "${phrase}"`, via: phrase })),
    flags: [],
    expansion: { phrase, unitIds: members.map((unit) => unit.id) },
  };
}

/**
 * One body per place: its only registered unit, or the one of the organ asked for. Null when a
 * place has both its UBND and its Đảng ủy registered and the phrase does not say which.
 */
function organsOf(places: readonly Unit[], organ: OrganFamily | null): Unit[] | null {
  const byPlace = new Map<string, Unit[]>();
  for (const unit of places) {
    const key = unit.communeKey ?? unit.districtKey ?? '';
    byPlace.set(key, [...(byPlace.get(key) ?? []), unit]);
  }
  const chosen: Unit[] = [];
  for (const bodies of byPlace.values()) {
    const asked = organ ? bodies.filter((unit) => unit.family === organ) : [];
    if (bodies.length > 1 && asked.length === 0 && new Set(bodies.map((unit) => unit.family)).size > 1) return null;
    chosen.push(...(asked.length > 0 ? asked : bodies));
  }
  return chosen;
}

/**
 * "các chi bộ thôn", "các Tiểu ban": every unit whose name opens with the words after "các".
 * With a condition ("các khu phố có tỷ lệ thu gom rác thấp") they are only suggestions.
 */
function group(phrase: string, head: string, text: string, context: Context): Resolution {
  const condition = conditionInside.exec(head);
  const noun = condition ? head.slice(0, condition.index) : head;
  const nounKey = unitKey(noun);
  const members = sameLevel(noun, context.units).filter((unit) => `${unitKey(unit.name)} `.startsWith(`${nounKey} `));
  if (condition || conditionFollows(phrase, text)) {
    const mentioned = mentionedIn(text, members);
    const candidates = [...mentioned, ...members.filter((unit) => !mentioned.includes(unit))];
    return { routes: [], flags: [{ kind: 'qualified-collective', phrase, suggestions: candidates.slice(0, MAX_SUGGESTIONS).map((unit) => textSuggestion(unit, mentioned, phrase)) }] };
  }
  if (members.length === 0) return namedUnit(phrase, context);
  return {
    routes: members.map((unit) => ({ unitId: unit.id, score: RULE_SCORE, reason: `thuộc nhóm "${phrase}"`, via: phrase })),
    flags: [],
    expansion: { phrase, unitIds: members.map((unit) => unit.id) },
  };
}

/**
 * "các xã có dự án đi qua", "các đơn vị liên quan": never expanded. The suggestions are the
 * units of that kind the directive's text names, then the first of the kind.
 */
function qualifiedCollective(phrase: string, kinds: UnitKind[], text: string, context: Context): Resolution {
  const ofKind = context.units.filter((unit) => kinds.length === 0 || kinds.includes(unit.kind));
  const mentioned = mentionedIn(text, ofKind);
  const candidates = kinds.length === 0 ? mentioned : [...mentioned, ...ofKind.filter((unit) => !mentioned.includes(unit))];
  return { routes: [], flags: [{ kind: 'qualified-collective', phrase, suggestions: candidates.slice(0, MAX_SUGGESTIONS).map((unit) => textSuggestion(unit, mentioned, phrase)) }] };
}

function textSuggestion(unit: Unit, mentioned: readonly Unit[], group: string): Suggestion {
  return mentioned.includes(unit) ? { unitId: unit.id, score: 0.6, reason: 'được nêu trong nhiệm vụ' } : { unitId: unit.id, score: 0.4, reason: `thuộc nhóm "${group}"` };
}

/** "Đảng ủy xã X", "lãnh đạo xã X", "Ban chỉ đạo NTM xã X": the unit of xã X. */
function place(phrase: string, locality: Locality, context: Context): Resolution {
  // A unit registered under the very name the phrase gives (`Công an xã X` beside `UBND xã X`) is meant first.
  const bodies = rankUnits(phrase, unitsOfPlace(locality, context.units, true));
  const [named] = bodies;
  if (named && named.score >= AUTO_ROUTE_SCORE && !isAmbiguous(bodies)) return { routes: [{ unitId: named.unit.id, score: round(named.score), reason: named.reason, via: phrase }], flags: [] };
  const all = unitsOfPlace(locality, context.units);
  // `huyện Bắc Mỹ` as the subject of a sentence is its people's committee, not its police.
  const governments = locality.commune ? [] : all.filter((unit) => unit.family === 'government');
  const candidates = governments.length === 1 ? governments : all;
  if (candidates.length === 1) {
    const unit = candidates[0]!;
    return { routes: [{ unitId: unit.id, score: RULE_SCORE, reason: `cơ quan của ${locality.label}: ${unit.name}`, via: phrase }], flags: [] };
  }
  if (candidates.length === 0) return { routes: [], flags: [{ kind: 'unmatched', phrase, suggestions: suggestionsFrom(rankUnits(phrase, sameLevel(phrase, context.units))) }] };
  // Several units of one commune (its UBND and its Đảng ủy): the organ the phrase names decides, or the secretary does.
  const ranked = rankUnits(phrase, candidates);
  const [best] = ranked;
  if (best && best.score >= AUTO_ROUTE_SCORE && !isAmbiguous(ranked)) return { routes: [{ unitId: best.unit.id, score: round(best.score), reason: best.reason, via: phrase }], flags: [] };
  return { routes: [], flags: [{ kind: 'ambiguous', phrase, suggestions: candidates.slice(0, MAX_SUGGESTIONS).map((unit) => ({ unitId: unit.id, score: 0.6, reason: `đơn vị của ${locality.label}` })) }] };
}

/** "của xã", "Ban chỉ đạo NTM của xã", "địa phương": the place the notice is about. */
function noticePlace(phrase: string, commune: boolean, text: string, context: Context): Resolution {
  const locality = context.locality;
  if (locality && (locality.commune || !commune)) {
    const resolved = place(phrase, locality, context);
    return { ...resolved, routes: resolved.routes.map((r) => ({ ...r, reason: `"${phrase}" là ${locality.label}, nơi thông báo nói đến: ${context.units.find((u) => u.id === r.unitId)!.name}` })) };
  }
  // No place of the notice to read it as: the communes the directive names, or the few registered.
  const communes = context.units.filter((unit) => unit.communeLevel);
  const mentioned = mentionedIn(text, communes);
  const candidates = mentioned.length > 0 ? mentioned : communes.length <= MAX_SUGGESTIONS ? communes : [];
  return { routes: [], flags: [{ kind: 'unmatched', phrase, suggestions: candidates.slice(0, MAX_SUGGESTIONS).map((unit) => textSuggestion(unit, mentioned, 'các xã')) }] };
}

function findPerson(name: string, people: readonly KnownPerson[]): KnownPerson | undefined {
  const key = unitKey(name);
  return people.find((person) => unitKey(person.name) === key);
}

function flagMessage(flag: Omit<RouteFlag, 'message'>, role: Route['role'], context: Context): string {
  const label = role === 'lead' ? 'Chủ trì' : 'Phối hợp';
  const names = flag.suggestions.map((s) => context.units.find((u) => u.id === s.unitId)!.name);
  const hint = names.length > 0 ? ` Gợi ý: ${names.join('; ')}.` : '';
  switch (flag.kind) {
    case 'unmatched':
      return `${label} "${flag.phrase}": chưa khớp đơn vị nào đã đăng ký.${hint}`;
    case 'ambiguous':
      return `${label} "${flag.phrase}": gần với nhiều đơn vị, cần chọn.${hint}`;
    case 'qualified-collective':
      return `${label} "${flag.phrase}": nhóm có điều kiện, cần chọn các đơn vị cụ thể.${hint}`;
    case 'no-lead':
      return 'Nhiệm vụ không nêu đơn vị chủ trì: cần giao đơn vị.';
    case 'person':
      return flag.personId
        ? `Đồng chí ${flag.phrase} được giao chủ trì, theo dõi nhiệm vụ (đã có trong danh sách lãnh đạo).`
        : `Đồng chí ${flag.phrase} được giao chủ trì, theo dõi nhiệm vụ nhưng chưa có trong danh sách lãnh đạo: cần kiểm tra người nhận.`;
  }
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
