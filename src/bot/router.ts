import { randomBytes } from 'node:crypto';
import { findCommand, type CommandPlace } from '../../commands/definitions.js';
import { resolveLocale } from '../i18n.js';
import { addressKey, type ButtonEvent, type IncomingEvent, type MessageEvent, type Messenger } from '../messaging/port.js';
import { findChat, isKnownPerson, migrateChat, upsertChat, upsertPerson } from '../store/people.js';
import { claimUpdate } from '../store/processed-updates.js';
import { databaseFailureOf } from '../store/database-failure.js';
import { databaseProblems } from '../store/database-health.js';
import { resolvePlace } from '../store/places.js';
import { inBackground } from './background.js';
import { sendLong, type BotContext, type BotServices } from './context.js';
import { ErrorReplies, errorMuteMinutes } from './error-replies.js';
import { UserError } from './errors.js';
import { Outsiders } from './outsiders.js';
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
  const errorReplies = new ErrorReplies();
  const outsiders = new Outsiders();

  return async function route(event: IncomingEvent): Promise<void> {
    try {
      await handle(event);
    } catch (error) {
      // The database failed before the event reached a feature (recording who and where):
      // answered from what the event itself says, since nothing can be read.
      if (!databaseFailureOf(error) || event.type === 'chat-migrated') throw error;
      const t = platformTranslator(resolveLocale(event.from.languageCode, services.defaultLocale), event.platform);
      const answer = databaseAnswer(error, event, t);
      const messenger = services.messengers.get(event.platform)!;
      const here = { platform: event.platform, chatId: event.chat.id, threadId: event.threadId };
      if (event.type === 'button') await messenger.answerButton(event.buttonId, stripTags(answer), true);
      else if (errorReplies.verdict(`${event.platform}:${event.from.id}`, addressKey(here)) !== 'drop') await messenger.send(here, { html: answer });
    }
  };

  async function handle(event: IncomingEvent): Promise<void> {
    const { db } = services;
    if (!(await claimUpdate(db, services.provider, event.platform, event.updateId))) return;
    const messenger = services.messengers.get(event.platform);
    if (!messenger) throw new Error(`no messenger for ${event.platform}`);
    if (event.type === 'chat-migrated') {
      await migrateChat(db, event.platform, event.chat.id, event.newChatId);
      return;
    }

    const rows = await rowsOf(event, messenger);
    if (!rows) return;
    const { chat, person } = rows;
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
  }

  /** A database outage's answer: "try again later", and a line in the log that says what the operator must do. */
  function databaseAnswer(error: unknown, event: IncomingEvent, t: BotContext['t']): string {
    const failure = databaseFailureOf(error)!;
    services.logger.error({ err: error, updateId: event.updateId }, `database failure while handling an update: ${databaseProblems[failure]}`);
    return t(failure === 'schema-missing' ? 'error-database-restart' : 'error-database');
  }

  /**
   * The event's chat and sender as rows, recorded only when the event may do something with
   * them: a command (someone addressing the bot), a message in a chat the bot already knows, a
   * press by someone in the chat. A stranger's message in an unknown chat, or a press forged by
   * someone outside the group (a public group's buttons reach anyone who looks at it), leaves no
   * row behind, and the press is refused; null means the event is dropped.
   */
  async function rowsOf(event: MessageEvent | ButtonEvent, messenger: Messenger) {
    const { db, provider } = services;
    if (event.type === 'message' && !event.command && !(await findChat(db, event.platform, event.chat.id))) return null;
    if (event.type === 'button') {
      const refusal = await pressRefusal(event, messenger);
      if (refusal) {
        const t = platformTranslator(resolveLocale(event.from.languageCode, services.defaultLocale), event.platform);
        await messenger.answerButton(event.buttonId, stripTags(t(refusal)), refusal === 'button-not-member');
        return null;
      }
    }
    const chat = await upsertChat(db, event.platform, event.chat);
    const person = await upsertPerson(db, provider, event.platform, event.from, event.chat.kind === 'PRIVATE' ? chat.id : undefined);
    return { chat, person };
  }

  /** Why a press is refused before any feature sees it: a button the bot never sent there, or a presser from outside the chat. */
  async function pressRefusal(event: ButtonEvent, messenger: Messenger): Promise<string | null> {
    if (!(await findChat(services.db, event.platform, event.chat.id))) return 'button-expired';
    // A private chat has one person in it, and people the bot knows are checked by the feature (their roles, their unit).
    if (event.chat.kind === 'PRIVATE' || (await isKnownPerson(services.db, event.platform, event.from.id))) return null;
    const key = `${event.platform}:${event.chat.id}:${event.from.id}`;
    if (outsiders.has(key)) return 'button-not-member';
    const member = await messenger.isChatMember(event.chat.id, event.from.id).catch((error: unknown) => {
      // Unknown is not "outside": refuse this press, but ask again at the next.
      services.logger.warn({ err: error }, 'could not tell whether a presser is in the chat');
      return undefined;
    });
    if (member) return null;
    if (member === false) outsiders.add(key);
    return 'button-not-member';
  }

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
        : databaseFailureOf(error)
          ? databaseAnswer(error, ctx.event, ctx.t)
          : (() => {
              const id = randomBytes(4).toString('hex');
              services.logger.error({ err: error, errorId: id, updateId: ctx.event.updateId }, 'event handling failed');
              return ctx.t('error-unexpected', { id });
            })();
    try {
      // A press must be answered, or the presser's client keeps spinning; the answer is no chat message.
      if (ctx.event.type === 'button') await ctx.messenger.answerButton(ctx.event.buttonId, stripTags(answer), true);
      else replyToError(ctx, answer);
    } catch (sendError) {
      services.logger.warn({ err: sendError }, 'could not tell the user about an error');
    }
  }

  /** Answers a mistake within {@link ErrorReplies}' limits, in the background: the chat's next update does not wait for it. */
  function replyToError(ctx: BotContext, answer: string) {
    const chat = addressKey(ctx.here);
    const verdict = errorReplies.verdict(`${ctx.event.platform}:${ctx.event.from.id}`, chat);
    if (verdict === 'drop') return;
    const html = verdict === 'answer-last' ? `${answer}\n${ctx.t('errors-muted', { person: ctx.person.displayName, minutes: errorMuteMinutes })}` : answer;
    inBackground(services, 'could not tell the user about an error', () => errorReplies.sending(chat, async () => void (await ctx.reply(html))));
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
