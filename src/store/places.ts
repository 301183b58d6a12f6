import type { Db } from './database.js';
import { findOfficeByHomeChat } from './offices.js';
import { findUnitByChannel } from './units.js';

/** What a chat (or forum topic) is to dondoc: an office's home group, a unit's channel, or neither. */
export interface Place {
  office: Awaited<ReturnType<typeof findOfficeByHomeChat>>;
  unit: Awaited<ReturnType<typeof findUnitByChannel>>;
}

/**
 * How long the link from a chat to its office or unit is reused. Every update needs it, and on
 * a reporting day the same hundred groups send hundreds of updates a minute. Only the ids are
 * cached, so office settings and unit names are always read fresh; changes made by this process
 * forget the links at once ({@link forgetPlaces}), and another instance on the same PostgreSQL
 * sees a newly removed unit at most this late.
 */
const placeTtlMs = 10_000;

const caches = new WeakMap<Db, Map<string, { officeId: string | null; unitId: string | null; expires: number }>>();

/** Resolves where an update came from. Only registered places are cached: a group that registers is seen at once. */
export async function resolvePlace(db: Db, chatId: string, threadId: number, now = Date.now()): Promise<Place> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${chatId}#${threadId}`;
  const cached = cache.get(key);
  if (cached && cached.expires > now) {
    const office = cached.officeId ? await db.office.findUnique({ where: { id: cached.officeId } }) : null;
    const unit = cached.unitId ? await db.unit.findFirst({ where: { id: cached.unitId, removedAt: null }, include: { office: true } }) : null;
    if (office || unit) return { office, unit };
  }
  const office = await findOfficeByHomeChat(db, chatId);
  const unit = office ? null : await findUnitByChannel(db, chatId, threadId);
  if (office || unit) cache.set(key, { officeId: office?.id ?? null, unitId: unit?.id ?? null, expires: now + placeTtlMs });
  return { office, unit };
}

/** Forgets every cached place of a database, after a change to offices, units or their channels. */
export function forgetPlaces(db: Db): void {
  caches.get(db)?.clear();
}
