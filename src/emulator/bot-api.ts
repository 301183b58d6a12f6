import type { BotCommand } from 'grammy/types';
import { ApiError } from './api-error.js';
import { Faults } from './faults.js';
import { FileStore } from './files.js';
import { methods } from './methods/index.js';
import type { ResolvedOptions } from './options.js';
import { Params } from './params.js';
import { RateLimiter } from './rate-limiter.js';
import { World } from './state.js';
import { UpdateQueue } from './update-queue.js';
import { WebhookDelivery } from './webhook-delivery.js';

/** A method result that Telegram sends with a `description` beside it ("Webhook was set"). */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

/** A Bot API method: reads its parameters, changes the world, returns the `result`. */
export type Method = (params: Params, api: BotApi, signal: AbortSignal) => unknown;

/**
 * The emulated bot's side of Telegram, independent of HTTP: the world, the update queue and
 * webhook, flood limits, faults, files and commands, and the dispatch of method calls. The HTTP
 * server, webhook replies and the benchmark all go through {@link BotApi.call}.
 */
export class BotApi {
  readonly world: World;
  readonly queue = new UpdateQueue();
  readonly faults = new Faults();
  readonly files = new FileStore();
  readonly limiter: RateLimiter;
  readonly webhook: WebhookDelivery;
  /** Command lists by scope and language, as `setMyCommands` stored them. */
  readonly commands = new Map<string, BotCommand[]>();
  /** Calls per method name (as the bot spelled it), for tests and benchmarks. */
  readonly calls = new Map<string, number>();

  constructor(readonly options: ResolvedOptions) {
    this.world = new World(options);
    this.limiter = new RateLimiter(options.rateLimits);
    this.webhook = new WebhookDelivery(
      this.queue,
      this.faults,
      { retryBaseMs: options.webhookRetryBaseMs, retryMaxMs: options.webhookRetryMaxMs, timeoutMs: options.webhookTimeoutMs },
      async (method, params) => {
        await this.call(method, params, new AbortController().signal);
      },
    );
  }

  /** Runs one method call; throws {@link ApiError} with Telegram's answer when it fails. */
  async call(method: string, values: Record<string, unknown>, signal: AbortSignal): Promise<unknown> {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const handler = methods[method.toLowerCase()];
    if (!handler) throw new ApiError(404, 'Not Found');
    return handler(new Params(values), this, signal);
  }

  /** Stops background work (webhook retries, a waiting long poll is ended by its connection). */
  close(): void {
    this.webhook.clear();
  }
}
