/**
 * The shapes routing reads and writes (contract B between the parser, the bot's preview and
 * `dondoc route`). Routing reads only what it needs of a parsed notice, so `ParsedNotice` and
 * `ParsedDirective` satisfy these inputs structurally and the domain never imports the parser.
 */
import type { UnitKind } from './unit-kind.js';

/** A unit the office registered: its name, its aliases and, when the secretary set it, its kind. */
export interface RoutableUnit {
  id: string;
  name: string;
  aliases: string[];
  /** Inferred from the name (`inferUnitKind`) when absent. */
  kind?: UnitKind;
}

/** A person the office knows (a leader), whom a directive may name as the one who follows it. */
export interface KnownPerson {
  id: string;
  name: string;
  title?: string | null;
}

/** What routing needs of a parsed directive; ParsedDirective satisfies it structurally. */
export interface RoutingDirective {
  ordinal: string;
  text: string;
  /** Unit phrases as written (chủ trì). */
  lead: string[];
  /** Unit phrases as written (phối hợp). */
  support: string[];
  /** People named as leads (`Lê Phú Quốc`), kept out of `lead` by the parser. */
  persons?: string[];
  /** `text`, `parent`, `table`: the directive names its lead; `addressee`, `none`: it does not. */
  leadSource?: string;
}

/** What routing needs of the notice; ParsedNotice satisfies it structurally. */
export interface RoutingNotice {
  /** `locality`: the place the notice is about, with its level (`xã Bình Sơn`), or null. */
  notice: { locality?: string | null };
  /** Unit phrases the notice asks to act (`yêu cầu X, Y thực hiện …`). */
  addressee?: string[];
  directives: RoutingDirective[];
}

/** One registered unit a directive goes to. */
export interface Route {
  unitId: string;
  role: 'lead' | 'support';
  /** How sure routing is, 0..1; only scores at or above `AUTO_ROUTE_SCORE` become routes. */
  score: number;
  /** Why, in Vietnamese, for the preview. */
  reason: string;
  /** The collective or place phrase the route came from (`UBND các xã, thị trấn`). */
  via?: string;
}

/** A unit offered to the secretary for a phrase routing would not decide alone. */
export interface Suggestion {
  unitId: string;
  score: number;
  reason: string;
}

/**
 * Why a phrase needs the secretary: no unit close enough (`unmatched`), several equally close
 * (`ambiguous`), a collective with a condition only a reader can apply (`qualified-collective`),
 * a person as lead (`person`), or a directive nobody is asked to lead (`no-lead`).
 */
export type RouteFlagKind = 'unmatched' | 'ambiguous' | 'qualified-collective' | 'person' | 'no-lead';

/** Something the preview lists under "Cần kiểm tra", with up to three one-tap suggestions. */
export interface RouteFlag {
  kind: RouteFlagKind;
  phrase: string;
  /** Vietnamese, for the preview. */
  message: string;
  /** At most three, never a unit of a different level (a commune for a district body, or the reverse). */
  suggestions: Suggestion[];
  /** For `person`: the known person the name matched. */
  personId?: string;
}

/** Where one directive goes, and what the secretary should check. */
export interface DirectiveRouting {
  ordinal: string;
  text: string;
  routes: Route[];
  flags: RouteFlag[];
  /** People named as leads, with the known person each matched (null when unknown). */
  persons: { name: string; personId: string | null }[];
}

/** The routing of a whole notice. */
export interface NoticeRouting {
  directives: DirectiveRouting[];
  /** e.g. "UBND các xã, thị trấn" → 14 unit ids, for the preview's "→ 14 đơn vị". */
  expansions: { phrase: string; unitIds: string[] }[];
}
