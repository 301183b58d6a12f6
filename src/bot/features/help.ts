import { commandDefinitions, type CommandPlace } from '../../../commands/definitions.js';
import type { Locale } from '../../i18n.js';
import type { Platform } from '../../messaging/port.js';
import { escapeHtml } from '../html.js';
import { rolesIn } from '../../store/offices.js';
import { placesOf, type Feature } from '../router.js';

/**
 * The help lines for a chat: each command that works in one of its places and on its platform,
 * with its usage as written for that platform (a Zalo user is never told to attach a file).
 */
export function helpLines(places: readonly Exclude<CommandPlace, 'any'>[], locale: Locale, platform: Platform): string[] {
  return commandDefinitions
    .filter((definition) => definition.places.some((allowed: CommandPlace) => allowed === 'any' || places.includes(allowed)))
    .flatMap((definition) => {
      const zalo = platform === 'ZALO' && 'zalo' in definition ? definition.zalo : undefined;
      if (zalo === false) return [];
      const usage = (zalo ? zalo.usage : definition.usage)[locale];
      return [`/${definition.name}${usage ? ` ${escapeHtml(usage)}` : ''} — ${escapeHtml(definition.help[locale])}`];
    });
}

/** `/start` and `/help`: who the bot is, and the commands that work where the user is. */
export const helpFeature: Feature = {
  commands: {
    async start(ctx) {
      const lines = [ctx.t('start-intro', { name: ctx.person.displayName })];
      const memberships = await ctx.services.db.membership.findMany({ where: { personId: ctx.person.id }, include: { office: true, unit: true } });
      if (memberships.length === 0) lines.push(ctx.t('start-no-role'));
      for (const membership of memberships) {
        lines.push(
          ctx.t('start-role', {
            role: ctx.t(`role-${membership.role.toLowerCase()}`),
            office: membership.office.name,
            unit: membership.unit ? ` — ${membership.unit.name}` : '',
          }),
        );
      }
      lines.push(ctx.t('start-help'));
      await ctx.reply(lines.join('\n'));
    },

    async help(ctx) {
      // The places the router accepts commands in: an official's linked private chat is also the unit's.
      const places = placesOf(ctx);
      const isSecretary = ctx.office ? (await rolesIn(ctx.services.db, ctx.office.id, ctx.person.id)).size > 0 : false;
      const header = ctx.t(`help-header-${places[0]!}`);
      await ctx.reply([header, '', ...helpLines(places, ctx.locale, ctx.event.platform), '', ctx.t(isSecretary ? 'help-footer-secretary' : 'help-footer')].join('\n'));
    },
  },
};
