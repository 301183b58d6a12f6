/**
 * Puts dondoc together: store, Telegram adapter, bot features, HTTP server. Read top to bottom,
 * it is the table of contents of a running process.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { healthRoute, startHttpServer, type HttpServer, type Route } from './http/server.js';
import { resolveLocale } from './i18n.js';
import { createTelegramBot, setCommandMenus, telegramWebhookRoute } from './messaging/telegram/telegram-bot.js';
import { createZaloAdapter } from './messaging/zalo/zalo-adapter.js';
import { features } from './bot/features/index.js';
import { createRouter } from './bot/router.js';
import type { BotServices } from './bot/context.js';
import { Acknowledgements } from './bot/acknowledgements.js';
import { openDatabase } from './store/database.js';
import { parseDatabaseUrl } from './store/database-url.js';
import { applyMigrations } from './store/migrations.js';

/** A configuration that talks to a Bot API server: the sandbox resolves itself into one of these. */
export type TelegramConfig = Extract<Config, { mode: 'polling' | 'webhook' }>;
/** A configuration that runs on Zalo alone (ZALO_BOT_TOKEN without BOT_TOKEN). */
export type ZaloOnlyConfig = Extract<Config, { mode: 'zalo' }>;

export interface AppOptions {
  logger: Logger;
  /** Routes mounted on the same HTTP server before the built-in ones (the sandbox page, say). */
  extraRoutes?: Route[];
  /** The clock; tests move it. */
  now?: () => Date;
  /** Pace outgoing calls to Telegram's limits (on by default). */
  throttle?: boolean;
}

/** A running dondoc process; `stop()` ends polling, closes the HTTP server and the database. */
export interface RunningApp {
  readonly http: HttpServer;
  /** The Telegram bot's @username, or the Zalo bot's name when running on Zalo alone. */
  readonly botUsername: string;
  stop(): Promise<void>;
}

/**
 * Starts dondoc against the Bot API server in `config.telegram` (Telegram itself, a self-hosted
 * server or the emulator) and, when `config.zalo` is set, Zalo's Bot API beside it or alone:
 * migrates the database, then long polling (grammY's runner for Telegram) or webhooks on the
 * one HTTP server.
 */
export async function startApp(config: TelegramConfig | ZaloOnlyConfig, options: AppOptions): Promise<RunningApp> {
  const { logger } = options;
  const applied = await applyMigrations(parseDatabaseUrl(config.databaseUrl), logger);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  const database = await openDatabase(config.databaseUrl);

  const messengers: BotServices['messengers'] = new Map();
  const services: BotServices = {
    db: database.db,
    messengers,
    logger,
    timeZone: config.timeZone,
    defaultLocale: resolveLocale(config.locale, 'vi'),
    now: options.now ?? (() => new Date()),
    inviteTtlHours: 48,
    acknowledgements: new Acknowledgements(messengers, logger),
  };
  const route = createRouter(services, features);
  // Zalo's official Bot API, alongside Telegram: one unit can be served on both.
  const zalo = config.zalo ? await createZaloAdapter({ ...config.zalo, logger, locale: services.defaultLocale }, route) : undefined;
  if (zalo) messengers.set('ZALO', zalo.messenger);
  const telegram = config.mode === 'zalo' ? undefined : createTelegramBot({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, logger, throttle: options.throttle }, route);
  if (telegram) {
    services.messengers.set('TELEGRAM', telegram.messenger);
    await telegram.bot.init();
    await setCommandMenus(telegram.bot).catch((error: unknown) => logger.warn({ err: error }, 'could not set the command menus'));
  }

  const routes = [...(options.extraRoutes ?? []), healthRoute];
  if (config.mode === 'webhook' && telegram) routes.unshift(telegramWebhookRoute(telegram.bot, config.telegram.webhookSecret));
  if (zalo?.webhookRoute) routes.unshift(zalo.webhookRoute);
  const http = await startHttpServer({ host: config.http.host, port: config.http.port, routes, logger });
  await zalo?.start();

  let runner: RunnerHandle | undefined;
  if (config.mode === 'polling' && telegram) {
    await telegram.bot.api.deleteWebhook();
    runner = run(telegram.bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query', 'my_chat_member'] } } });
  } else if (config.mode === 'webhook' && telegram) {
    await telegram.bot.api.setWebhook(new URL('/telegram/webhook', config.telegram.webhookUrl).toString(), {
      secret_token: config.telegram.webhookSecret,
      allowed_updates: ['message', 'callback_query', 'my_chat_member'],
    });
  }
  const botUsername = telegram?.bot.botInfo.username ?? zalo!.botName;
  logger.info({ mode: config.mode, bot: botUsername, http: http.url }, 'dondoc is running');

  return {
    http,
    botUsername,
    async stop() {
      if (runner?.isRunning()) await runner.stop();
      await zalo?.stop();
      await services.acknowledgements.settled();
      await http.close();
      await database.close();
    },
  };
}
