import { matchUnit } from '../parser/index.js';
import type { UnitWithChannels } from '../store/units.js';

/** Unit phrases of one directive resolved against the office's registered units. */
export interface Routing {
  lead: string[];
  support: string[];
  /** Phrases no registered unit matched, for the preview to flag. */
  unmatched: string[];
}

/**
 * The score from which a phrase is routed without asking. Below it the matcher only found
 * shared generic words ("Văn phòng … huyện"), and sending a directive to the wrong unit is
 * worse than asking the secretary: the phrase is flagged, with the near miss as a hint.
 */
export const autoRouteScore = 0.8;

/**
 * Resolves the parser's unit phrases ("Phòng TN&MT", "UBND xã Thuận") to registered units of
 * the office, through the matcher (abbreviations, diacritics, aliases).
 */
export function routeUnits(phrases: { lead: string[]; support: string[] }, units: readonly UnitWithChannels[]): Routing {
  const candidates = units.map((unit) => ({ id: unit.id, name: unit.name, aliases: unit.aliases.map((alias) => alias.alias) }));
  const unmatched: string[] = [];
  const resolve = (list: string[]) =>
    list.flatMap((phrase) => {
      const match = matchUnit(phrase, candidates);
      if (match.unit && match.score >= autoRouteScore) return [match.unit.id];
      unmatched.push(match.unit ? `${phrase} (${match.reason}?)` : phrase);
      return [];
    });
  return { lead: resolve(phrases.lead), support: resolve(phrases.support), unmatched };
}

/** Resolves unit names a secretary typed (`/assign`), failing loudly on the first unknown one. */
export function resolveTypedUnits(names: string[], units: readonly UnitWithChannels[]): { ids: string[]; unknown: string[] } {
  const routing = routeUnits({ lead: names, support: [] }, units);
  return { ids: routing.lead, unknown: routing.unmatched };
}
