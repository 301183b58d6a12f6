import type { Role } from '../store/offices.js';
import { rolesIn } from '../store/offices.js';
import type { Db } from '../store/database.js';
import type { BotContext } from './context.js';
import { UserError } from './errors.js';

/**
 * Whether the person holds one of `roles` in the office. Admins may do anything a secretary
 * may: they set the office up.
 */
export async function holdsRole(db: Db, officeId: string, personId: string, roles: readonly Role[]): Promise<boolean> {
  const held = await rolesIn(db, officeId, personId);
  return roles.some((role) => held.has(role) || (role === 'SECRETARY' && held.has('ADMIN')));
}

/** Throws unless the person holds one of `roles` in the office (see {@link holdsRole}). */
export async function requireRole(ctx: BotContext, officeId: string, roles: readonly Role[]): Promise<void> {
  if (!(await holdsRole(ctx.services.db, officeId, ctx.person.id, roles))) {
    throw new UserError('not-allowed', { roles: roles.map((role) => ctx.t(`role-${role.toLowerCase()}`)).join(', ') });
  }
}

/** The office of the chat the command came from; commands limited to the office group are routed only there. */
export function officeOf(ctx: BotContext) {
  if (!ctx.office) throw new UserError('wrong-place-unit');
  return ctx.office;
}
