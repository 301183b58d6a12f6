import { commandDefinitions } from '../../../commands/definitions.js';
import { escapeHtml } from '../html.js';
import { rolesIn } from '../../store/offices.js';
import type { Feature } from '../router.js';

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
      const place = ctx.event.chat.kind === 'PRIVATE' ? 'private' : ctx.office ? 'office' : ctx.unit ? 'unit' : 'unregistered-group';
      const isSecretary = ctx.office ? (await rolesIn(ctx.services.db, ctx.office.id, ctx.person.id)).size > 0 : false;
      const lines = commandDefinitions
        .filter((definition) => definition.places.some((allowed: string) => allowed === 'any' || allowed === place))
        .map((definition) => {
          const usage = definition.usage[ctx.locale];
          return `/${definition.name}${usage ? ` ${escapeHtml(usage)}` : ''} — ${escapeHtml(definition.help[ctx.locale])}`;
        });
      const header = ctx.t(`help-header-${place}`);
      await ctx.reply([header, '', ...lines, '', ctx.t(isSecretary ? 'help-footer-secretary' : 'help-footer')].join('\n'));
    },
  },
};
