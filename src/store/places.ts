import type { Db } from './database.js';
import { findOfficeByHomeChat } from './offices.js';
import { findUnitByChannel } from './units.js';

/** What a chat (or forum topic) is to dondoc: an office's home group, a unit's channel, or neither. */
export interface Place {
  office: Awaited<ReturnType<typeof findOfficeByHomeChat>>;
  unit: Awaited<ReturnType<typeof findUnitByChannel>>;
}

/**
 * How long a chat's place (its office, or its unit with the unit's office and channels) is
 * reused. Every update needs it, and on a reporting day the same hundred groups send hundreds
 * of updates a minute: reading it fresh each time was a third of the work of a /status.
 * Changes made by this process forget the places at once ({@link forgetPlaces}); another
 * instance on the same PostgreSQL sees a renamed or removed unit, or a changed office
 * setting, at most this late.
 */
const placeTtlMs = 10_000;

const caches = new WeakMap<Db, Map<string, { place: Place; expires: number }>>();

/** Resolves where an update came from. Only registered places are cached: a group that registers is seen at once. */
export async function resolvePlace(db: Db, chatId: string, threadId: number, now = Date.now()): Promise<Place> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${chatId}#${threadId}`;
  const cached = cache.get(key);
  if (cached && cached.expires > now) return cached.place;
  const office = await findOfficeByHomeChat(db, chatId);
  const unit = office ? null : await findUnitByChannel(db, chatId, threadId);
  const place = { office, unit };
  if (office || unit) cache.set(key, { place, expires: now + placeTtlMs });
  else cache.delete(key);
  return place;
}

/** Forgets every cached place of a database, after a change to offices, units or their channels. */
export function forgetPlaces(db: Db): void {
  caches.get(db)?.clear();
}
