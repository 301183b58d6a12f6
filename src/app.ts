/**
 * Puts dondoc together: store, Telegram adapter, bot features, HTTP server. Read top to bottom,
 * it is the table of contents of a running process.
 */
import { Bot } from 'grammy';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { healthRoute, startHttpServer, type HttpServer, type Route } from './http/server.js';

/** A configuration that talks to a Bot API server: the sandbox resolves itself into one of these. */
export type TelegramConfig = Extract<Config, { mode: 'polling' | 'webhook' }>;

export interface AppOptions {
  logger: Logger;
  /** Routes mounted on the same HTTP server before the built-in ones (the sandbox page, say). */
  extraRoutes?: Route[];
}

/** A running dondoc process; `stop()` ends polling, closes the HTTP server and the database. */
export interface RunningApp {
  readonly http: HttpServer;
  readonly botUsername: string;
  stop(): Promise<void>;
}

/**
 * Starts dondoc against the Bot API server in `config.telegram` (Telegram itself, a self-hosted
 * server or the emulator): long polling through grammY's runner, or a webhook.
 */
export async function startApp(config: TelegramConfig, options: AppOptions): Promise<RunningApp> {
  const { logger } = options;
  const bot = new Bot(config.telegram.token, { client: { apiRoot: config.telegram.apiRoot } });
  bot.command('start', (ctx) => ctx.reply('Xin chào! Tôi là dondoc, trợ lý đôn đốc thực hiện thông báo kết luận.'));
  await bot.init();

  const http = await startHttpServer({
    host: config.http.host,
    port: config.http.port,
    routes: [...(options.extraRoutes ?? []), healthRoute],
    logger,
  });

  let runner: RunnerHandle | undefined;
  if (config.mode === 'polling') {
    await bot.api.deleteWebhook();
    runner = run(bot);
  }
  logger.info({ mode: config.mode, bot: bot.botInfo.username, http: http.url }, 'dondoc is running');

  return {
    http,
    botUsername: bot.botInfo.username,
    async stop() {
      if (runner?.isRunning()) await runner.stop();
      await http.close();
    },
  };
}
