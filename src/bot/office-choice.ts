import { lastByKey } from '../domain/group-by.js';
import { shorten } from '../domain/short-text.js';
import type { ButtonEvent, MessageEvent } from '../messaging/port.js';
import type { Role } from '../store/offices.js';
import type { BotContext } from './context.js';
import { UserError } from './errors.js';
import { requireRole } from './permissions.js';
import type { ButtonHandler, CommandHandler } from './router.js';

/** The office a command acts for, as the handlers below pass it. */
export interface ChosenOffice {
  id: string;
  name: string;
  timeZone: string;
}

/** A command's work once its office is known; `ctx` is the command's message or the button that chose the office. */
export type OfficeCommand = (ctx: BotContext<MessageEvent> | BotContext<ButtonEvent>, office: ChosenOffice, args: string) => Promise<void>;

/** Telegram's callback_data limit, in bytes. */
const MAX_BUTTON_DATA = 64;
/** How much of an office's name a button shows: a longer label is cut off by the app anyway. */
const MAX_BUTTON_TEXT = 64;

/**
 * A command for the office's people that works in the office group and in a private chat with
 * the bot: leaders rarely sit in the secretaries' group. In the group it acts for that office;
 * in private for the office where the person holds one of `roles`, and when there are several
 * it asks which with one button per office (a numbered choice on Zalo), whose press runs the
 * command with the words it was given.
 *
 * ```ts
 * const report = officeCommand('report', ['SECRETARY', 'LEADER'], async (ctx, office, args) => { … });
 * export const reportFeature: Feature = { commands: { report: report.command }, buttons: report.buttons };
 * ```
 */
export function officeCommand(name: string, roles: readonly Role[], run: OfficeCommand): { command: CommandHandler; buttons: Record<string, ButtonHandler> } {
  const prefix = `in-office-${name}`;
  return {
    async command(ctx, args) {
      if (ctx.office) {
        await requireRole(ctx, ctx.office.id, roles);
        await run(ctx, ctx.office, args);
        return;
      }
      const offices = await officesOf(ctx, roles);
      if (offices.length === 0) throw new UserError('office-none', { roles: roles.map((role) => ctx.t(`role-${role.toLowerCase()}`)).join(', ') });
      if (offices.length === 1) {
        await run(ctx, offices[0]!, args);
        return;
      }
      // The words after the command ride in the button, as far as Telegram's 64 bytes allow.
      const room = MAX_BUTTON_DATA - Buffer.byteLength(`${prefix}:${offices[0]!.id}:`);
      if (Buffer.byteLength(args.trim()) > room) throw new UserError('office-choice-args-too-long', { command: name });
      await ctx.reply(ctx.t('office-choose', { command: name }), {
        buttons: offices.map((office) => [{ text: shorten(office.name, MAX_BUTTON_TEXT), data: `${prefix}:${office.id}:${args.trim()}` }]),
      });
    },
    buttons: {
      async [prefix](ctx, payload) {
        const separator = payload.indexOf(':');
        const officeId = separator < 0 ? payload : payload.slice(0, separator);
        const args = separator < 0 ? '' : payload.slice(separator + 1);
        const office = await ctx.services.db.office.findUnique({ where: { id: officeId } });
        if (!office) throw new UserError('button-expired');
        // The button may be pressed after the role was taken away.
        await requireRole(ctx, office.id, roles);
        await ctx.messenger.answerButton(ctx.event.buttonId);
        await run(ctx, office, args);
      },
    },
  };
}

/** The offices where the person holds one of `roles` (an admin counts as a secretary), by name. */
async function officesOf(ctx: BotContext, roles: readonly Role[]): Promise<ChosenOffice[]> {
  const held: Role[] = roles.includes('SECRETARY') ? [...roles, 'ADMIN'] : [...roles];
  const memberships = await ctx.services.db.membership.findMany({ where: { personId: ctx.person.id, role: { in: held } }, include: { office: true } });
  return lastByKey(memberships, (membership) => membership.officeId)
    .map((membership) => membership.office)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
