/**
 * An office's registered units as routing sees them: each unit's kind, level, place and organ,
 * read once from its name, and the questions routing asks of them (which units are at a phrase's
 * level, which belong to a place, which a text names).
 */
import { unitKey } from './unit-matcher.js';
import { inferUnitKind, type UnitKind } from './unit-kind.js';
import { communeNameKey, districtNameKey, mentionsCommune, mentionsUpperLevel, type Locality } from './localities.js';
import type { OrganFamily } from './phrase-reading.js';
import type { RoutableUnit } from './types.js';

/** A registered unit with what routing decides on: its kind, its level, its place and its organ. */
export interface Unit extends RoutableUnit {
  kind: UnitKind;
  /** Commune level (cấp xã): only commune-level phrases may reach it, and only it may reach them. */
  communeLevel: boolean;
  /** The level its name says: a commune's, a district's or province's (`huyện`, `Huyện ủy`, `Sở`), or none. */
  level: 'commune' | 'upper' | null;
  /** The key of the commune it belongs to (`binh son`), or null. */
  communeKey: string | null;
  /** The key of the district, town or city of a province it belongs to (`UBND huyện Bắc Mỹ` → `bac my`), or null. */
  districtKey: string | null;
  /** The people's committee (UBND, HĐND) or the Party committee (Đảng ủy, Huyện ủy) of its place, or neither. */
  family: OrganFamily | null;
}

/** Reads what routing decides on from a unit's name; a kind the secretary set wins over the name's. */
export function describeUnit(unit: RoutableUnit): Unit {
  const kind = unit.kind ?? inferUnitKind(unit.name);
  const communeLevel = kind === 'commune' || mentionsCommune(unit.name);
  const level = communeLevel ? 'commune' : mentionsUpperLevel(unit.name) ? 'upper' : null;
  const key = unitKey(unit.name);
  const family = /^(?:uy ban nhan dan|hoi dong nhan dan)(?: |$)/.test(key) ? 'government' : /^(?:dang uy|dang bo|ban thuong vu|(?:huyen|thi|thanh|quan|tinh) uy)(?: |$)/.test(key) ? 'party' : null;
  return { ...unit, kind, communeLevel, level, communeKey: communeNameKey(unit.name), districtKey: communeLevel ? null : districtNameKey(unit.name), family };
}

/**
 * Units of the phrase's level: a commune's phrase reaches commune units only, a district's or a
 * province's never does. A phrase that names no level (`Phòng TN&MT`, `Ủy ban MTTQ`) may reach any.
 */
export function sameLevel(phrase: string, units: readonly Unit[]): Unit[] {
  const commune = mentionsCommune(phrase) || inferUnitKind(phrase) === 'commune';
  if (!commune && !mentionsUpperLevel(phrase)) return [...units];
  return units.filter((unit) => unit.communeLevel === commune);
}

/** The units whose name, alias or commune the text writes. */
export function mentionedIn(text: string, units: readonly Unit[]): Unit[] {
  const textKey = ` ${unitKey(text)} `;
  return units.filter((unit) => [unit.name, ...unit.aliases].some((name) => textKey.includes(` ${unitKey(name)} `)) || (unit.communeKey !== null && textKey.includes(` ${unit.communeKey} `)));
}

/**
 * The registered units of a place. For a commune: its commune-kind units, or failing those the
 * units named as the commune or one of its organs (`Bình Sơn`, `Đảng ủy xã Bình Sơn` registered
 * with another kind), never its police, office or school; with `anyBody`, every commune-level
 * unit of the place. For a district or province: the units whose name ends with it
 * (`UBND huyện Triệu Sơn`).
 */
export function unitsOfPlace(locality: Locality, units: readonly Unit[], anyBody = false): Unit[] {
  const placeKey = unitKey(locality.label);
  const endsWithPlace = (unit: Unit) => {
    const key = unitKey(unit.name);
    return key === locality.nameKey || key === placeKey || key.endsWith(` ${placeKey}`) || (unit.communeKey !== null && unit.communeKey === locality.nameKey);
  };
  if (!locality.commune) return units.filter((unit) => !unit.communeLevel && endsWithPlace(unit));
  // A commune's own office registers its bodies without its name (`Công an xã`): they are of its place too.
  if (anyBody) return units.filter((unit) => unit.communeLevel && (endsWithPlace(unit) || unit.communeKey === null));
  const communes = units.filter((unit) => unit.kind === 'commune' && unit.communeKey === locality.nameKey);
  if (communes.length > 0) return communes;
  return units.filter((unit) => endsWithPlace(unit) && (unitKey(unit.name) === locality.nameKey || inferUnitKind(unit.name) === 'commune'));
}
