import { randomBytes } from 'node:crypto';
import type { Route } from '../../http/server.js';
import { translator, type Locale } from '../../i18n.js';
import type { Logger } from '../../logger.js';
import type { IncomingEvent, Messenger } from '../port.js';
import { ChatQueue } from './chat-queue.js';
import { ChoiceMemory } from './choices.js';
import { BotMention } from './mention.js';
import { startPolling } from './polling.js';
import { toEvent } from './to-event.js';
import type { ZaloBotInfo, ZaloUpdate } from './types.js';
import { zaloWebhookPath, zaloWebhookRoute } from './webhook-route.js';
import { ZaloApi } from './zalo-api.js';
import { zaloMessenger } from './zalo-messenger.js';

/** What the Zalo adapter needs: `config.zalo` plus the process's logger and language. */
export interface ZaloAdapterOptions {
  token: string;
  apiRoot: string;
  /** The bot's name as Zalo users see it (`ZALO_BOT_NAME`), for mentions without a command; Zalo's getMe does not tell it. */
  botName?: string;
  /** Public base URL for webhook mode (`/zalo/webhook` is appended); long polling without it. */
  webhookUrl?: string;
  /** 8 to 256 characters; a random one is made for this run when it is not set. */
  webhookSecret?: string;
  logger: Logger;
  /** Language of the adapter's own words (the numbered choices' header). */
  locale: Locale;
  /** First wait after a 429; tests shorten it. */
  backoffMs?: number;
}

/** A connected Zalo bot: its messenger for the services, its webhook route (webhook mode), and start/stop. */
export interface ZaloAdapter {
  readonly messenger: Messenger;
  /** The bot's name on Zalo: `ZALO_BOT_NAME` when set, else the account handle getMe gives (`bot.…`). */
  readonly botName: string;
  /** Mount it on the HTTP server before {@link ZaloAdapter.start} in webhook mode; undefined when polling. */
  readonly webhookRoute: Route | undefined;
  /** Registers the webhook, or starts long polling. */
  start(): Promise<void>;
  /** Stops polling and waits for the updates being handled. */
  stop(): Promise<void>;
}

/**
 * The Zalo side of dondoc, over Zalo's official Bot API only: checks the token (getMe), and
 * turns each update into a platform-neutral event for `handle`, one chat at a time.
 *
 * ```ts
 * const zalo = await createZaloAdapter({ ...config.zalo, logger, locale: 'vi' }, route);
 * services.messengers.set('ZALO', zalo.messenger);
 * await zalo.start();
 * ```
 */
export async function createZaloAdapter(options: ZaloAdapterOptions, handle: (event: IncomingEvent) => Promise<void>): Promise<ZaloAdapter> {
  const { logger } = options;
  const api = new ZaloApi({ token: options.token, apiRoot: options.apiRoot, backoffMs: options.backoffMs });
  // Checked once, without retries: a rejected token or an unreachable API is the operator's to fix now.
  const me = await api.call<ZaloBotInfo>('getMe', {}, { retry: false });
  const botName = options.botName ?? me.account_name;
  const mention = new BotMention([options.botName, me.account_name]);
  const choices = new ChoiceMemory();
  const queue = new ChatQueue();

  const t = translator(options.locale);
  const messenger = zaloMessenger(api, choices, t);
  const onUpdate = (update: ZaloUpdate) => {
    if (update.event_name === 'message.unsupported.received' && update.message?.chat.chat_type === 'PRIVATE') {
      // A file or a voice message never reaches the bot; say so, or the official waits for an answer.
      void messenger.send({ platform: 'ZALO', chatId: update.message.chat.id, threadId: 0 }, { html: t('zalo-unsupported') }).catch((error: unknown) => logger.warn({ err: error }, 'zalo: could not answer an unsupported message'));
      return;
    }
    const event = toEvent(update, mention, choices);
    if (!event) return;
    queue.run(event.chat.id, () => handle(event)).catch((error: unknown) => logger.error({ err: error, updateId: event.updateId }, 'zalo: update failed'));
  };

  const secret = options.webhookSecret ?? randomBytes(24).toString('hex');
  const webhookRoute = options.webhookUrl ? zaloWebhookRoute(secret, onUpdate, options.logger) : undefined;
  let polling: { stop(): Promise<void> } | undefined;

  return {
    messenger,
    botName,
    webhookRoute,
    async start() {
      if (options.webhookUrl) {
        await api.call('setWebhook', { url: new URL(zaloWebhookPath, options.webhookUrl).toString(), secret_token: secret });
      } else {
        // A webhook left from an earlier run would keep getUpdates empty.
        await api.call('deleteWebhook');
        polling = startPolling(api, onUpdate, logger);
      }
      logger.info({ bot: botName, mode: options.webhookUrl ? 'webhook' : 'polling' }, 'zalo: running');
    },
    async stop() {
      await polling?.stop();
      await queue.idle();
    },
  };
}
