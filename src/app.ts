/**
 * Puts dondoc together: store, Telegram adapter, bot features, HTTP server. Read top to bottom,
 * it is the table of contents of a running process.
 */
import { randomBytes } from 'node:crypto';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createDashboard } from './http/dashboard.js';
import { createDraftEditor } from './http/draft-editor.js';
import { healthRoute, startHttpServer, type HttpLimits, type HttpServer, type Route } from './http/server.js';
import { resolveLocale } from './i18n.js';
import { createTelegramBot, fetchBotInfo, setCommandMenus, telegramWebhookRoute } from './messaging/telegram/telegram-bot.js';
import { createZaloAdapter } from './messaging/zalo/zalo-adapter.js';
import { features } from './bot/features/index.js';
import { dashboardFeature } from './bot/features/export.js';
import { createRouter } from './bot/router.js';
import type { BotServices } from './bot/context.js';
import { Acknowledgements } from './bot/acknowledgements.js';
import { backgroundPending, backgroundSettled } from './bot/background.js';
import { openDatabase } from './store/database.js';
import { databaseHealthCheck } from './store/database-health.js';
import { parseDatabaseUrl } from './store/database-url.js';
import { applyMigrations } from './store/migrations.js';
import { createWorkingCalendar } from './domain/calendar.js';
import { loadCalendarOverrides } from './domain/calendar-overrides.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler/scheduler.js';

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
  /** Timeouts and caps of the HTTP server, when not the defaults (tests make them short). */
  httpLimits?: Partial<HttpLimits>;
  /** How long `stop()` waits for sends in flight (10 s by default). */
  stopGraceMs?: number;
  /** Reminder scheduler options; `false` creates it without the cron, for tests that call `tick()` themselves. */
  scheduler?: false | SchedulerOptions;
}

/** Start-up failed for a reason the operator can fix (a wrong token, no network); the CLI prints it as one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Why the first call to a Bot API failed, in one line; `variable` names the token to check. */
function describeStartupFailure(error: unknown, variable: 'BOT_TOKEN' | 'ZALO_BOT_TOKEN'): string {
  // grammY's errors carry `error_code`, the Zalo client's `errorCode`.
  const code = (error as { error_code?: number }).error_code ?? (error as { errorCode?: number }).errorCode;
  if (code === 401 || code === 404) return `the bot token was rejected (check ${variable})`;
  return error instanceof Error ? error.message : String(error);
}

/** How long stopping waits for sends in flight before it lets them go. */
const defaultStopGraceMs = 10_000;

/** Waits for `work` until `deadline` (a `Date.now()` value): true when it ended in time, whether it succeeded or failed. */
async function settledBy(deadline: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `size()` is 0, looked at ten times a second, or at `deadline` (a `Date.now()` value). */
async function whenIdle(size: () => number, deadline: number): Promise<void> {
  while (size() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * A running dondoc process; `stop()` ends polling, waits a bounded time for sends in flight,
 * closes the HTTP server and the database.
 */
export interface RunningApp {
  readonly http: HttpServer;
  /** The Telegram bot's @username, or the Zalo bot's name when running on Zalo alone. */
  readonly botUsername: string;
  /** The reminder scheduler (ticking once a minute unless started with `scheduler: false`). */
  readonly scheduler: Scheduler;
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
    provider: database.target.provider,
    messengers,
    logger,
    timeZone: config.timeZone,
    defaultLocale: resolveLocale(config.locale, 'vi'),
    now: options.now ?? (() => new Date()),
    inviteTtlHours: 48,
    acknowledgements: new Acknowledgements(messengers, logger),
  };
  // One signing key for the dashboard's and the draft editor's links; each link names its purpose.
  const linkSecret = config.dashboard.secret ?? randomBytes(32).toString('base64url');
  const dashboard = createDashboard({ db: database.db, secret: linkSecret, now: services.now });
  const draftEditor = createDraftEditor({ services, secret: linkSecret, telegramToken: config.mode === 'zalo' ? undefined : config.telegram.token });
  services.draftEditor = draftEditor;
  const route = createRouter(services, [...features, dashboardFeature(dashboard)]);
  // Zalo's official Bot API, alongside Telegram or alone: one unit can be served on both.
  const zaloConfig = config.zalo;
  const zalo = zaloConfig
    ? await createZaloAdapter({ ...zaloConfig, logger, locale: services.defaultLocale }, route).catch(async (error: unknown) => {
        await database.close();
        throw new StartupError(`cannot reach Zalo's Bot API at ${zaloConfig.apiRoot}: ${describeStartupFailure(error, 'ZALO_BOT_TOKEN')}`);
      })
    : undefined;
  if (zalo) messengers.set('ZALO', zalo.messenger);
  let telegram: ReturnType<typeof createTelegramBot> | undefined;
  if (config.mode !== 'zalo') {
    const { token, apiRoot } = config.telegram;
    const botInfo = await fetchBotInfo(token, apiRoot).catch(async (error: unknown) => {
      await database.close();
      throw new StartupError(`cannot reach the Bot API at ${apiRoot}: ${describeStartupFailure(error, 'BOT_TOKEN')}`);
    });
    telegram = createTelegramBot({ token, apiRoot, botInfo, logger, throttle: options.throttle }, route);
    messengers.set('TELEGRAM', telegram.messenger);
    await setCommandMenus(telegram.bot).catch((error: unknown) => logger.warn({ err: error }, 'could not set the command menus'));
  }

  const routes = [...(options.extraRoutes ?? []), healthRoute(databaseHealthCheck(database, logger)), dashboard.route, draftEditor.route];
  if (config.mode === 'webhook' && telegram) routes.unshift(telegramWebhookRoute(telegram.bot, config.telegram.webhookSecret, logger));
  if (zalo?.webhookRoute) routes.unshift(zalo.webhookRoute);
  const http = await startHttpServer({ host: config.http.host, port: config.http.port, routes, logger, limits: options.httpLimits });
  dashboard.serveAt(config.dashboard.publicUrl ?? http.url);
  draftEditor.serveAt(config.dashboard.publicUrl ?? http.url);
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
  const scheduler = createScheduler(
    { db: database.db, provider: database.target.provider, messengers: services.messengers, logger, now: services.now, calendar: createWorkingCalendar(await loadCalendarOverrides()), timeZone: config.timeZone },
    options.scheduler || {},
  );
  if (options.scheduler !== false) scheduler.start();
  const botUsername = telegram?.bot.botInfo.username ?? zalo!.botName;
  logger.info({ mode: config.mode, bot: botUsername, http: http.url }, 'dondoc is running');

  return {
    http,
    botUsername,
    scheduler,
    async stop() {
      // Sends in flight get a bounded time to end: during a Bot API outage each would otherwise
      // hold the stop for its whole timeout and retries, and a supervisor kills the process anyway.
      const deadline = Date.now() + (options.stopGraceMs ?? defaultStopGraceMs);
      const unfinished: string[] = [];
      const waitFor = async (what: string, work: Promise<unknown> | undefined) => {
        if (work && !(await settledBy(deadline, work))) unfinished.push(what);
      };
      await waitFor('reminder sending', scheduler.stop());
      await waitFor('Telegram polling', runner?.isRunning() ? runner.stop() : undefined);
      // The runner stops fetching at once; the updates it handed out are still being answered.
      await waitFor('updates being handled', runner && whenIdle(() => runner!.size(), deadline + 1));
      await waitFor('Zalo', zalo?.stop());
      await waitFor('acknowledgements', services.acknowledgements.settled());
      await waitFor('background sends', backgroundSettled(services));
      if (unfinished.length > 0) {
        logger.warn(
          { unfinished, updates: runner?.size() ?? 0, acknowledgements: services.acknowledgements.pending(), background: backgroundPending(services) },
          'stopping without waiting longer for sends in flight: reminders not marked sent stay in the outbox and go out after the restart; the replies, acknowledgements and background sends counted here are dropped',
        );
      }
      await http.close();
      await database.close();
    },
  };
}
