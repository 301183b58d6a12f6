/**
 * Routing: which registered units a parsed notice's directives go to. Pure, shared by the bot's
 * preview and `dondoc route`.
 *
 * ```ts
 * const { directives, expansions } = routeNotice(parsed, units, people);
 * ```
 */
export { routeNotice, AUTO_ROUTE_SCORE } from './route-notice.js';
export { inferUnitKind, UNIT_KINDS, type UnitKind } from './unit-kind.js';
export { matchUnit, unitKey, MIN_MATCH_SCORE, type RegisteredUnit, type UnitMatch } from './unit-matcher.js';
export type { RoutableUnit, KnownPerson, RoutingDirective, RoutingNotice, Route, Suggestion, RouteFlagKind, RouteFlag, DirectiveRouting, NoticeRouting } from './types.js';
