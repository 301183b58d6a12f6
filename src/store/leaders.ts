import type { Db } from './database.js';

/**
 * The leaders of an office (people with the LEADER role), whom a notice may name as the ones who
 * follow a directive ("Giao đồng chí Lê Phú Quốc … chủ trì theo dõi").
 */
export function listLeaders(db: Db, officeId: string) {
  return db.person.findMany({
    where: { memberships: { some: { officeId, role: 'LEADER' } } },
    select: { id: true, displayName: true },
    orderBy: { createdAt: 'asc' },
  });
}
