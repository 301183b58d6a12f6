import { Api, Bot, webhookCallback, type Transformer } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler, type APIThrottlerOptions } from '@grammyjs/transformer-throttler';
import { sequentialize } from '@grammyjs/runner';
import type { ServerResponse } from 'node:http';
import type { BotCommandScope, Update, UserFromGetMe } from 'grammy/types';
import { commandDefinitions } from '../../../commands/definitions.js';
import { shorten } from '../../domain/short-text.js';
import type { Logger } from '../../logger.js';
import { carriesSecret } from '../../http/secret-header.js';
import { readJson } from '../../http/read-body.js';
import { refuseMalformed, refuseTooLarge, type Route } from '../../http/server.js';
import type { IncomingEvent, Messenger } from '../port.js';
import { retryNetworkFailures } from './network-retry.js';
import { telegramMessenger } from './telegram-messenger.js';
import { toEvent } from './to-event.js';

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  /** The bot's own user, from {@link fetchBotInfo}; needed to receive updates, not to send. */
  botInfo?: UserFromGetMe;
  logger: Logger;
  /** Pace outgoing calls to Telegram's limits so that 429s stay rare; tests switch it off. */
  throttle?: boolean;
}

/**
 * Telegram's published limits (about 30 messages a second overall, 20 a minute in one group,
 * one a second in one chat), as Telegram counts them: over a sliding window. The plugin's
 * defaults refill a reservoir at fixed instants instead, which lets 30 messages go at the end
 * of one second and 30 more at the start of the next (and 20 + 20 across a minute in a group),
 * and each of those bursts earns 429s. So: the overall rate evenly spaced at 30 a second (the
 * scheduler paces its fan-out just under it, so this only catches what else is sent meanwhile),
 * and each group a bucket of 20 that regains one message every 3 seconds.
 */
const telegramPacing: APIThrottlerOptions = {
  global: { maxConcurrent: 30, minTime: 1000 / 30 },
  // A group's bucket is looked at once a second (Bottleneck's default is four times), since a fan-out keeps thousands of them.
  // An idle chat's limiter is dropped after 60 s, not Bottleneck's 5 minutes: by then its bucket of
  // 20 has refilled (one every 3 s), so a fresh one paces the same, and a fan-out to thousands of
  // groups keeps a fifth of the limiters and their timers (11,000 of them held 61 MB of heap).
  group: { maxConcurrent: 1, minTime: 1000, reservoir: 20, reservoirIncreaseAmount: 1, reservoirIncreaseInterval: 3000, reservoirIncreaseMaximum: 20, heartbeatInterval: 1000, timeout: 60_000 },
  out: { maxConcurrent: 1, minTime: 1000, timeout: 60_000 },
};

/**
 * Asking who is in a chat (is this presser in the group?) bypasses the pacing. Telegram's limits
 * are on messages, but the throttler would queue the question with the group's messages, in its
 * bucket of 20 a minute: a flood of forged presses from outsiders would hold up the group's real
 * messages for minutes.
 */
const unpacedMethods = new Set(['getChatMember', 'getChatAdministrators', 'getChat']);

function pacingSends(throttle: Transformer): Transformer {
  return (prev, method, payload, signal) => (unpacedMethods.has(method) ? prev(method, payload, signal) : throttle(prev, method, payload, signal));
}

/** How long one Bot API call (or file download) may take before it counts as failed. */
const callTimeoutSeconds = 60;

/**
 * The grammY side of dondoc: a Bot whose API retries 429/5xx (with explicit limits) and
 * paces calls to Telegram's limits, and whose only middleware hands each update, turned into
 * a platform-neutral event, to `handle`.
 */
export function createTelegramBot(options: TelegramBotOptions, handle: (event: IncomingEvent) => Promise<void>) {
  // A call gets 60 s (grammY's default is 500): the longest is a 30 s long poll, and a Bot API
  // that hangs must fail a send in bounded time rather than hold its chat's queue.
  const bot = new Bot(options.token, { botInfo: options.botInfo, client: { apiRoot: options.apiRoot, timeoutSeconds: callTimeoutSeconds } });
  // Retry at most 3 times and never wait longer than 30 s for one flood-wait: a reminder
  // later is better than a handler stuck for minutes. A call that got no answer at all is
  // retried once, a second later (see retryNetworkFailures for why auto-retry must not).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: false, rethrowHttpErrors: true }));
  bot.api.config.use(retryNetworkFailures(1, 1_000));
  if (options.throttle !== false) bot.api.config.use(pacingSends(apiThrottler(telegramPacing)));

  const fileRoot = options.apiRoot.replace(/\/$/, '');
  const messenger: Messenger = telegramMessenger(bot.api, async (filePath) => {
    const response = await fetch(`${fileRoot}/file/bot${options.token}/${filePath}`, { signal: AbortSignal.timeout(callTimeoutSeconds * 1000) });
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });

  // One chat's updates are handled in order (a status right after /notice sees the draft); chats run in parallel.
  bot.use(sequentialize((ctx) => (ctx.chat ? String(ctx.chat.id) : ctx.from ? `user:${ctx.from.id}` : undefined)));
  bot.use(async (ctx) => {
    const event = toEvent(ctx.update, ctx.me.username, ctx.me.id);
    if (event) await handle(event);
  });
  bot.catch(({ error, ctx }) => options.logger.error({ err: error, updateId: ctx.update.update_id }, 'update failed'));

  return { bot, messenger };
}

/**
 * Asks the Bot API who the bot is, once, without the retrying transformers: at start-up a
 * wrong token or an unreachable server should be reported at once, not retried for minutes.
 */
export function fetchBotInfo(token: string, apiRoot: string, timeoutMs = 15_000): Promise<UserFromGetMe> {
  // grammY types its signal with the abort-controller polyfill's type; Node's own AbortSignal is what it uses at run time.
  return new Api(token, { apiRoot }).getMe(AbortSignal.timeout(timeoutMs) as unknown as Parameters<Api['getMe']>[0]);
}

/**
 * The webhook route: POST /telegram/webhook. A request without the secret given to `setWebhook`
 * (Telegram sends it in `X-Telegram-Bot-Api-Secret-Token`) gets 401 and its body is not read:
 * anyone who finds the URL could otherwise post updates "from" the office's admin. The check is
 * the one the Zalo route makes, which unlike grammY's does not return early on a wrong length.
 * The body is read here rather than by grammY, which reads any size and throws on bad JSON: an
 * oversized body gets 413, one that is no update 400 and a warning, never a stack trace.
 */
export function telegramWebhookRoute(bot: Bot, secret: string, logger: Logger): Route {
  // Answer Telegram within its timeout even when publishing takes longer: the update keeps
  // being handled, and a retry of the same update_id is dropped by the router.
  const callback = webhookCallback(bot, parsedUpdate, { onTimeout: 'return', timeoutMilliseconds: 9_000 });
  return async (req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/telegram/webhook') return false;
    if (!carriesSecret(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('secret token is wrong');
      return true;
    }
    const body = await readJson(req);
    if (body.status === 'too-large') refuseTooLarge(res);
    else if (body.status !== 'ok' || !isUpdate(body.value)) refuseMalformed(req, res, logger);
    else await callback(body.value, res);
    return true;
  };
}

/** grammY's side of the webhook for an update already read and checked by the route. */
function parsedUpdate(update: Update, res: ServerResponse) {
  return {
    update,
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    unauthorized: () => res.writeHead(401).end(),
  };
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isInteger((value as { update_id?: unknown }).update_id);
}

/** Sets the command menus, per chat kind and language, from the command definitions. */
export async function setCommandMenus(bot: Bot): Promise<void> {
  const scopes: [BotCommandScope, 'group' | 'private'][] = [
    [{ type: 'all_group_chats' }, 'group'],
    [{ type: 'all_private_chats' }, 'private'],
  ];
  for (const [scope, kind] of scopes) {
    for (const language of ['vi', 'en'] as const) {
      const commands = commandDefinitions
        .filter((definition) => (definition.menu as readonly string[]).includes(kind))
        .map((definition) => ({ command: definition.name, description: shorten(definition.help[language], 256) }));
      // Vietnamese is also the menu for every language Telegram has no specific one for.
      await bot.api.setMyCommands(commands, { scope, ...(language === 'vi' ? {} : { language_code: language }) });
    }
  }
}
