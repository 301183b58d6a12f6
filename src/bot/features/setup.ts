import { joinArgs, roleArgs, unitArgs } from '../../../commands/arguments.js';
import { createOffice, grantRole } from '../../store/offices.js';
import type { Translate } from '../../i18n.js';
import { createInvite, redeemInvite } from '../../store/invites.js';
import type { MessageEvent, Platform } from '../../messaging/port.js';
import { findPersonByUsername, upsertPerson } from '../../store/people.js';
import { addAlias, linkChannel, listUnits, removeUnit, renameUnit, setUnitKind, unitKindOf, unitOfChannel } from '../../store/units.js';
import { formatDateTime } from '../dates.js';
import { rematchOpenDrafts } from '../draft-rematch.js';
import { UserError } from '../errors.js';
import { requireWithinCap } from '../length-caps.js';
import { parseArgs } from '../parse-args.js';
import { officeOf, requireRole } from '../permissions.js';
import type { BotContext } from '../context.js';
import type { Feature } from '../router.js';

/** Setting up an office, inviting units' groups, and managing units and roles. */
export const setupFeature: Feature = {
  commands: {
    async setup(ctx, args) {
      if (ctx.event.chat.kind === 'PRIVATE') throw new UserError('setup-in-group');
      if (!(await ctx.messenger.isChatAdmin(ctx.event.chat.id, ctx.event.from.id))) throw new UserError('setup-admins-only');
      const name = args.trim() || ctx.event.chat.title || ctx.t('office-default-name');
      requireWithinCap('office-name', name);
      const office = await createOffice(ctx.services.db, {
        name,
        homeChatId: ctx.chat.id,
        founderId: ctx.person.id,
        timeZone: ctx.services.timeZone,
        locale: ctx.services.defaultLocale,
      });
      await ctx.reply(ctx.t('setup-done', { office: office.name }));
    },

    async invite(ctx) {
      const office = officeOf(ctx);
      await requireRole(ctx, office.id, ['SECRETARY']);
      const { code, expiresAt } = await createInvite(ctx.services.db, {
        officeId: office.id,
        createdById: ctx.person.id,
        now: ctx.services.now(),
        ttlHours: ctx.services.inviteTtlHours,
      });
      const lines = [ctx.t('invite-created', { code, expires: formatDateTime(expiresAt, office.timeZone) })];
      // An official on Zalo joins in a private chat with the bot, not in a group: say so where they will not guess it.
      if (ctx.event.platform !== 'ZALO' && ctx.services.messengers.has('ZALO')) lines.push(ctx.t('invite-on-zalo', { code }));
      await ctx.reply(lines.join('\n'));
    },

    async join(ctx, args) {
      // In a group or topic the chat becomes the unit's; in a private chat (Zalo's usual case,
      // where groups are a limited beta) the official receives the unit's directives in person.
      const inPrivate = ctx.event.chat.kind === 'PRIVATE';
      // A group's work goes wherever it is linked: only its admins decide that, as for /setup.
      if (!inPrivate && !(await ctx.messenger.isChatAdmin(ctx.event.chat.id, ctx.event.from.id))) throw new UserError('join-admins-only');
      const { code, unitName } = parseArgs(joinArgs, args);
      requireWithinCap('unit-name', unitName);
      const { db } = ctx.services;
      // The code is used up even when the join is refused below: one code, one attempt, so
      // that the office hears of an attempt once, not once per retry.
      const redeemed = await redeemInvite(db, { code, chatId: ctx.chat.id, now: ctx.services.now() });
      if (!redeemed.ok) throw new UserError(`join-code-${redeemed.reason}`);
      const current = await unitOfChannel(db, ctx.chat.id, ctx.event.threadId);
      // A group already serving one office never moves to another on a code from that other
      // office, nor does one of its topics: the office would lose its unit's group and its
      // reports without a word. The current office releases it first (/unit remove), and hears
      // of the attempt now. A private chat is its official's own to move; their former office
      // is told below.
      const owner = current ?? (ctx.event.threadId > 0 ? await unitOfChannel(db, ctx.chat.id, 0) : null);
      if (owner && owner.officeId !== redeemed.officeId && !inPrivate) {
        await tellOffice(ctx, owner.office, (t) => t('join-hijack-announced', { person: ctx.person.displayName, chat: ctx.event.chat.title ?? '—', unit: owner.name }));
        throw new UserError('join-linked-elsewhere', { unit: owner.name, office: owner.office.name });
      }
      const unit = await linkChannel(db, {
        officeId: redeemed.officeId,
        unitName,
        chatId: ctx.chat.id,
        threadId: ctx.event.threadId,
        actorId: ctx.person.id,
      });
      await grantRole(db, { officeId: redeemed.officeId, personId: ctx.person.id, role: 'OFFICIAL', unitId: unit.id, actorId: ctx.person.id });
      const office = await db.office.findUniqueOrThrow({ where: { id: redeemed.officeId }, include: { homeChat: true } });
      await ctx.reply(ctx.t(inPrivate ? 'join-done-private' : ctx.event.threadId > 0 ? 'join-done-topic' : 'join-done', { unit: unit.name, office: office.name }));
      const title = ctx.event.chat.title;
      // The unit the chat served loses it: its office's secretaries are told, whichever office it is.
      if (current && current.id !== unit.id) {
        const moved = { chat: title ?? '—', from: current.name, unit: unit.name, person: ctx.person.displayName };
        await tellOffice(ctx, current.office, (t) => t(inPrivate ? 'join-moved-announced-private' : 'join-moved-announced', moved));
      }
      if (!current || current.officeId !== office.id) {
        await tellOffice(ctx, office, (t) =>
          inPrivate
            ? t('join-announced-private', { unit: unit.name, person: ctx.person.displayName })
            : // Zalo tells no group name: such a group is named by who linked it.
              title
              ? t('join-announced', { unit: unit.name, chat: title })
              : t('join-announced-untitled', { unit: unit.name, person: ctx.person.displayName }),
        );
      }
      // A draft may name the unit that just joined: route it again and update its preview.
      await rematchOpenDrafts(ctx.services, redeemed.officeId);
    },

    async units(ctx) {
      const office = officeOf(ctx);
      const units = await listUnits(ctx.services.db, office.id);
      if (units.length === 0) {
        await ctx.reply(ctx.t('units-empty'));
        return;
      }
      const lines = units.map((unit, index) =>
        ctx.t('units-line', {
          index: String(index + 1),
          name: unit.name,
          aliases: unit.aliases.length > 0 ? ` (${unit.aliases.map((alias) => alias.alias).join(', ')})` : '',
          kind: ctx.t(`unit-kind-${unitKindOf(unit)}`),
          chats: unit.channels.map((channel) => (channel.chat.title ?? channel.chat.externalId) + (channel.threadId > 0 ? ` #${channel.threadId}` : '')).join(', ') || '—',
        }),
      );
      await ctx.reply([ctx.t('units-header', { office: office.name }), ...lines].join('\n'));
    },

    async unit(ctx, args) {
      const office = officeOf(ctx);
      await requireRole(ctx, office.id, ['SECRETARY']);
      const { action, index, text, kind } = parseArgs(unitArgs, args);
      if (action === 'rename') requireWithinCap('unit-name', text);
      if (action === 'alias') requireWithinCap('alias', text);
      const unit = (await listUnits(ctx.services.db, office.id))[index - 1];
      if (!unit) throw new UserError('unit-not-found', { index: String(index) });
      if (action === 'rename') await renameUnit(ctx.services.db, unit.id, text);
      if (action === 'alias') await addAlias(ctx.services.db, unit.id, text);
      if (action === 'remove') await removeUnit(ctx.services.db, unit.id);
      if (kind) await setUnitKind(ctx.services.db, unit.id, kind);
      await ctx.reply(ctx.t(`unit-${action}-done`, { unit: unit.name, text, kind: kind ? ctx.t(`unit-kind-${kind}`) : '' }));
      // What routing matched by the old name, alias or kind may match differently now.
      await rematchOpenDrafts(ctx.services, office.id);
    },

    async role(ctx, args) {
      const office = officeOf(ctx);
      await requireRole(ctx, office.id, ['SECRETARY']);
      const { username, role } = parseArgs(roleArgs, args);
      const target = await roleTarget(ctx, username);
      await grantRole(ctx.services.db, { officeId: office.id, personId: target.id, role, actorId: ctx.person.id });
      await ctx.reply(ctx.t('role-granted', { person: target.displayName, role: ctx.t(`role-${role.toLowerCase()}`) }));
      // A draft may name the new leader as the one who follows a directive.
      if (role === 'LEADER') await rematchOpenDrafts(ctx.services, office.id);
    },
  },
};

/** Tells an office's group something, written for that group's platform (a Telegram office may serve Zalo officials). */
async function tellOffice(ctx: BotContext, office: { homeChat: { platform: Platform; externalId: string } | null }, text: (t: Translate) => string) {
  const messenger = office.homeChat && ctx.services.messengers.get(office.homeChat.platform);
  if (!office.homeChat || !messenger) return;
  await messenger.send({ platform: office.homeChat.platform, chatId: office.homeChat.externalId, threadId: 0 }, { html: text(ctx.tFor(office.homeChat.platform)) });
}

/**
 * Whom `/role` names: the @username given, else the person a mention carries, else the author
 * of the message the command replies to. Many officials have no @username; a mention or a
 * reply names them all the same, and records them if they have not written yet.
 */
async function roleTarget(ctx: BotContext<MessageEvent>, username: string | null) {
  const { db, provider } = ctx.services;
  if (username) {
    // People are known by @username once they have written in a group the bot is in.
    const person = await findPersonByUsername(db, ctx.event.platform, username);
    if (!person) throw new UserError('role-person-unknown', { username });
    return person;
  }
  const replied = ctx.event.replyTo;
  const named = ctx.event.mentions?.[0] ?? (replied && !replied.fromThisBot ? replied.from : undefined);
  if (!named) throw new UserError('args-role');
  return upsertPerson(db, provider, ctx.event.platform, named);
}
