import { randomBytes } from 'node:crypto';
import { findCommand, type CommandPlace } from '../../commands/definitions.js';
import { resolveLocale } from '../i18n.js';
import type { ButtonEvent, IncomingEvent, MessageEvent } from '../messaging/port.js';
import { migrateChat, upsertChat, upsertPerson } from '../store/people.js';
import { claimUpdate } from '../store/processed-updates.js';
import { resolvePlace } from '../store/places.js';
import { sendLong, type BotContext, type BotServices } from './context.js';
import { UserError } from './errors.js';
import { platformTranslator } from './platform-text.js';

/** Handles one command; `args` is the text after the command. */
export type CommandHandler = (ctx: BotContext<MessageEvent>, args: string) => Promise<void>;
/** Handles a button press whose data starts with the handler's prefix; `payload` is the rest. */
export type ButtonHandler = (ctx: BotContext<ButtonEvent>, payload: string) => Promise<void>;
/** Looks at a plain (non-command) message; returns true when it took it. */
export type MessageHandler = (ctx: BotContext<MessageEvent>) => Promise<boolean>;

/** A feature: the commands, buttons and plain messages it handles. */
export interface Feature {
  commands?: Record<string, CommandHandler>;
  buttons?: Record<string, ButtonHandler>;
  messages?: MessageHandler[];
}

/**
 * Builds the function every platform adapter feeds events into. It drops repeated updates,
 * records who and where, checks the command is used in the right place, runs the feature, and
 * turns errors into Vietnamese answers: a user's mistake by its message, anything else by an
 * id that is also in the log.
 */
export function createRouter(services: BotServices, features: Feature[]) {
  const commands = new Map(features.flatMap((feature) => Object.entries(feature.commands ?? {})));
  const buttons = features.flatMap((feature) => Object.entries(feature.buttons ?? {}));
  const messageHandlers = features.flatMap((feature) => feature.messages ?? []);

  return async function route(event: IncomingEvent): Promise<void> {
    const { db } = services;
    if (!(await claimUpdate(db, services.provider, event.platform, event.updateId))) return;
    const messenger = services.messengers.get(event.platform);
    if (!messenger) throw new Error(`no messenger for ${event.platform}`);
    if (event.type === 'chat-migrated') {
      await migrateChat(db, event.platform, event.chat.id, event.newChatId);
      return;
    }

    const chat = await upsertChat(db, event.platform, event.chat);
    const person = await upsertPerson(db, services.provider, event.platform, event.from, event.chat.kind === 'PRIVATE' ? chat.id : undefined);
    const { office, unit } = await resolvePlace(db, chat.id, event.threadId);
    const locale = resolveLocale(event.from.languageCode, (office ?? unit?.office)?.locale === 'en' ? 'en' : services.defaultLocale);
    const here = { platform: event.platform, chatId: event.chat.id, threadId: event.threadId };
    const ctx: BotContext = {
      event,
      services,
      messenger,
      t: platformTranslator(locale, event.platform),
      tFor: (platform) => platformTranslator(locale, platform),
      locale,
      chat,
      person,
      office,
      unit,
      here,
      reply: (html, options = {}) => sendLong(messenger, here, html, { replyToMessageId: event.type === 'message' ? event.messageId : undefined, ...options }),
    };

    try {
      if (event.type === 'button') await routeButton(ctx as BotContext<ButtonEvent>);
      else if (event.command) await routeCommand(ctx as BotContext<MessageEvent>, event.command);
      else for (const handler of messageHandlers) if (await handler(ctx as BotContext<MessageEvent>)) break;
    } catch (error) {
      await answerError(ctx, error);
    }
  };

  async function routeCommand(ctx: BotContext<MessageEvent>, name: string) {
    const definition = findCommand(name);
    const handler = definition && commands.get(definition.name);
    if (!definition || !handler) {
      // An unknown command in a group is probably another bot's: stay silent there.
      if (ctx.event.chat.kind === 'PRIVATE') await ctx.reply(ctx.t('unknown-command'));
      return;
    }
    // Zalo has no @usernames and bots there send no files: say so rather than fail halfway.
    if (ctx.event.platform === 'ZALO' && definition.zalo === false) throw new UserError('command-telegram-only', { command: definition.name });
    const places = placesOf(ctx);
    if (!definition.places.some((allowed) => allowed === 'any' || places.includes(allowed))) {
      const [place] = places;
      throw new UserError(place === 'unregistered-group' ? 'group-not-registered' : `wrong-place-${place}`, { command: definition.name });
    }
    await handler(ctx, ctx.event.text);
  }

  async function routeButton(ctx: BotContext<ButtonEvent>) {
    const [prefix, payload] = splitOnce(ctx.event.data, ':');
    const handler = buttons.find(([name]) => name === prefix)?.[1];
    if (!handler) {
      await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('button-expired'));
      return;
    }
    await handler(ctx, payload);
  }

  async function answerError(ctx: BotContext, error: unknown) {
    const answer =
      error instanceof UserError
        ? ctx.t(error.messageId, error.args)
        : (() => {
            const id = randomBytes(4).toString('hex');
            services.logger.error({ err: error, errorId: id, updateId: ctx.event.updateId }, 'event handling failed');
            return ctx.t('error-unexpected', { id });
          })();
    try {
      if (ctx.event.type === 'button') {
        await ctx.messenger.answerButton(ctx.event.buttonId, stripTags(answer), true);
      } else {
        await ctx.reply(answer);
      }
    } catch (sendError) {
      services.logger.warn({ err: sendError }, 'could not tell the user about an error');
    }
  }
}

/**
 * Where an event happened, in the terms command definitions use. An official's private chat
 * linked to a unit (`/join` there) is both a private chat and that unit's place, so `/status`
 * works in it as in the unit's group.
 */
export function placesOf(ctx: BotContext): Exclude<CommandPlace, 'any'>[] {
  if (ctx.event.chat.kind === 'PRIVATE') return ctx.unit ? ['private', 'unit'] : ['private'];
  if (ctx.office) return ['office'];
  if (ctx.unit) return ['unit'];
  return ['unregistered-group'];
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, ''] : [text.slice(0, index), text.slice(index + 1)];
}

/** Button answers are plain text: drop the HTML tags of a translated message and decode entities. */
export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
