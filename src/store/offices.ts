import type { Prisma } from '../generated/prisma/sqlite/client.js';
import type { Role } from '../generated/prisma/sqlite/enums.js';
import type { Db } from './database.js';
import { forgetPlaces } from './places.js';

export type { Role };

/** The office whose home group is this chat, if any. */
export function findOfficeByHomeChat(db: Db, chatId: string) {
  return db.office.findUnique({ where: { homeChatId: chatId } });
}

/** Creates an office with its home group; the person who set it up becomes its admin and secretary. */
export async function createOffice(db: Db, input: { name: string; homeChatId: string; founderId: string; timeZone: string; locale: string }) {
  const office = await db.office.create({
    data: {
      name: input.name,
      homeChatId: input.homeChatId,
      timeZone: input.timeZone,
      locale: input.locale,
      deadlineOffsets: [-3, -1, 0],
      memberships: { create: [{ personId: input.founderId, role: 'ADMIN' }, { personId: input.founderId, role: 'SECRETARY' }] },
      auditLogs: { create: { actorId: input.founderId, action: 'office.setup', details: {} } },
    },
  });
  forgetPlaces(db);
  return office;
}

/** Changes an office's settings (reminder hour, quiet hours, who may mute, escalation). */
export async function updateOffice(db: Db, officeId: string, data: Prisma.OfficeUpdateInput) {
  await db.office.update({ where: { id: officeId }, data });
  forgetPlaces(db);
}

/** The roles a person holds in an office. */
export async function rolesIn(db: Db, officeId: string, personId: string): Promise<Set<Role>> {
  const rows = await db.membership.findMany({ where: { officeId, personId }, select: { role: true } });
  return new Set(rows.map((row) => row.role));
}

/**
 * Grants a role (idempotently, and without a write when nothing changes); officials also name
 * their unit. A grant by someone else is audited; joining a unit by reporting for it is not,
 * since the status report itself records who reported.
 */
export async function grantRole(db: Db, input: { officeId: string; personId: string; role: Role; unitId?: string | null; actorId: string }) {
  const key = { personId_officeId_role: { personId: input.personId, officeId: input.officeId, role: input.role } };
  const existing = await db.membership.findUnique({ where: key });
  if (existing && (!input.unitId || existing.unitId === input.unitId)) return;
  await db.membership.upsert({
    where: key,
    create: { personId: input.personId, officeId: input.officeId, role: input.role, unitId: input.unitId ?? null },
    update: input.unitId ? { unitId: input.unitId } : {},
  });
  if (input.actorId !== input.personId) {
    await db.auditLog.create({ data: { officeId: input.officeId, actorId: input.actorId, action: 'role.grant', subject: input.personId, details: { role: input.role } } });
  }
}
