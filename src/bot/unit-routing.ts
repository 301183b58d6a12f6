import {
  AUTO_ROUTE_SCORE,
  matchUnit,
  routeNotice,
  type KnownPerson,
  type NoticeRouting,
  type RoutableUnit,
  type RoutingDirective,
  type RoutingNotice,
} from '../domain/routing/index.js';
import type { DirectivePhrases, DirectiveRoute } from '../store/notices.js';
import { unitKindOf, type UnitWithChannels } from '../store/units.js';

/** The office's registered units as routing reads them: names, aliases and kinds. */
export function routableUnits(units: readonly UnitWithChannels[]): RoutableUnit[] {
  return units.map((unit) => ({ id: unit.id, name: unit.name, aliases: unit.aliases.map((alias) => alias.alias), kind: unitKindOf(unit) }));
}

/**
 * The office's leaders as people a notice may name. Vietnamese write the family name first
 * ("Lê Phú Quốc"), while a Telegram profile is first name then last name ("Quốc" + "Lê Phú" →
 * "Quốc Lê Phú"): either way the written name is a rotation of the profile's words, so every
 * rotation is offered under the same person.
 */
export function knownPeople(leaders: readonly { id: string; displayName: string }[]): KnownPerson[] {
  return leaders.flatMap((leader) => {
    const words = leader.displayName.trim().split(/\s+/).filter(Boolean);
    const rotations = words.map((_, start) => [...words.slice(start), ...words.slice(0, start)].join(' '));
    return [...new Set(rotations)].map((name) => ({ id: leader.id, name }));
  });
}

/** What routing needs of one stored directive; drafts from before phrases were kept route on their text alone. */
export function routingDirective(directive: { ordinal: string; text: string }, phrases: DirectivePhrases | null): RoutingDirective {
  return { ordinal: directive.ordinal, text: directive.text, lead: phrases?.lead ?? [], support: phrases?.support ?? [], persons: phrases?.persons ?? [], leadSource: phrases?.leadSource ?? 'none' };
}

/**
 * Routes a notice over the office's units and leaders (the routing core, as `dondoc route`
 * does) and returns, per directive in order, what the store keeps: unit ids by role, flags and persons.
 */
export function routeDirectives(notice: RoutingNotice, units: readonly UnitWithChannels[], people: readonly KnownPerson[]): { directives: DirectiveRoute[]; expansions: NoticeRouting['expansions'] } {
  const routing = routeNotice(notice, routableUnits(units), people);
  return {
    directives: routing.directives.map((directive) => ({
      lead: directive.routes.filter((route) => route.role === 'lead').map((route) => route.unitId),
      support: directive.routes.filter((route) => route.role === 'support').map((route) => route.unitId),
      flags: directive.flags,
      persons: directive.persons,
    })),
    expansions: routing.expansions,
  };
}

/**
 * Resolves unit names a secretary typed (`/assign`) through the routing core's matcher, listing
 * the unknown ones. A name is taken from the score routing itself routes at: below it the
 * matcher only found shared generic words ("Văn phòng … huyện").
 */
export function resolveTypedUnits(names: string[], units: readonly UnitWithChannels[]): { ids: string[]; unknown: string[] } {
  const candidates = routableUnits(units);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const match = matchUnit(name, candidates);
    if (match.unit && match.score >= AUTO_ROUTE_SCORE) ids.push(match.unit.id);
    else unknown.push(match.unit ? `${name} (${match.reason}?)` : name);
  }
  return { ids, unknown };
}
