import type { Role } from '../store/offices.js';
import { rolesIn } from '../store/offices.js';
import type { BotContext } from './context.js';
import { UserError } from './errors.js';

/**
 * Throws unless the person holds one of `roles` in the office. Admins may do anything a
 * secretary may: they set the office up.
 */
export async function requireRole(ctx: BotContext, officeId: string, roles: readonly Role[]): Promise<void> {
  const held = await rolesIn(ctx.services.db, officeId, ctx.person.id);
  const allowed = roles.some((role) => held.has(role) || (role === 'SECRETARY' && held.has('ADMIN')));
  if (!allowed) throw new UserError('not-allowed', { roles: roles.map((role) => ctx.t(`role-${role.toLowerCase()}`)).join(', ') });
}

/** The office of the chat the command came from; commands limited to the office group are routed only there. */
export function officeOf(ctx: BotContext) {
  if (!ctx.office) throw new UserError('wrong-place-unit');
  return ctx.office;
}
