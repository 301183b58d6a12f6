import type { Update } from 'grammy/types';
import type { Faults } from './faults.js';
import type { UpdateQueue } from './update-queue.js';

/** The webhook the bot registered with `setWebhook`. */
export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
}

/** What `getWebhookInfo` reports about deliveries. */
export interface DeliveryStatus {
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** Executes a method a webhook answered with (the "webhook reply" of the Bot API). */
export type WebhookReplyExecutor = (method: string, params: Record<string, unknown>) => Promise<void>;

/**
 * Pushes queued updates to the bot's webhook, one at a time and in order, as an HTTP POST of the
 * update's JSON with `X-Telegram-Bot-Api-Secret-Token` when a secret was set. A non-2xx answer
 * or a network error keeps the update at the head of the queue and retries it after a delay
 * that doubles up to a ceiling, so nothing is lost or reordered while the bot is down.
 */
export class WebhookDelivery {
  private config: WebhookConfig | undefined;
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs: number;
  private inFlight: AbortController | undefined;
  readonly status: DeliveryStatus = {};

  constructor(
    private readonly queue: UpdateQueue,
    private readonly faults: Faults,
    private readonly timing: { retryBaseMs: number; retryMaxMs: number; timeoutMs: number },
    private readonly executeReply: WebhookReplyExecutor,
  ) {
    this.retryDelayMs = timing.retryBaseMs;
    queue.onPush(() => this.kick());
  }

  /** The active webhook, if any. */
  get webhook(): WebhookConfig | undefined {
    return this.config;
  }

  /** Starts (or redirects) delivery to a webhook. */
  set(config: WebhookConfig): void {
    this.config = config;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryDelayMs = this.timing.retryBaseMs;
    delete this.status.lastErrorDate;
    delete this.status.lastErrorMessage;
    this.kick();
  }

  /** Stops delivery; pending updates stay queued for getUpdates. */
  clear(): void {
    this.config = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.inFlight?.abort();
  }

  private kick(): void {
    if (this.running || this.retryTimer || !this.config) return;
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
    });
  }

  private async drain(): Promise<void> {
    for (let update = this.queue.peek(); update && this.config; update = this.queue.peek()) {
      const config = this.config;
      const error = await this.post(config, update);
      if (this.config !== config) continue; // the webhook changed meanwhile: deliver again to the new one
      if (error !== undefined) {
        this.status.lastErrorDate = Math.floor(Date.now() / 1000);
        this.status.lastErrorMessage = error;
        this.scheduleRetry();
        return;
      }
      this.retryDelayMs = this.timing.retryBaseMs;
      if (this.faults.takeDuplicate()) await this.post(config, update);
      this.queue.confirm(update);
    }
  }

  private scheduleRetry(): void {
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.timing.retryMaxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, delay);
  }

  /** Posts one update; returns Telegram's wording of the failure, or undefined on success. */
  private async post(config: WebhookConfig, update: Update): Promise<string | undefined> {
    const controller = new AbortController();
    this.inFlight = controller;
    const timer = setTimeout(() => controller.abort(), this.timing.timeoutMs);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (config.secretToken) headers['x-telegram-bot-api-secret-token'] = config.secretToken;
      const response = await fetch(config.url, { method: 'POST', headers, body: JSON.stringify(update), signal: controller.signal });
      const body = await response.text();
      if (response.status < 200 || response.status > 299) {
        return `Wrong response from the webhook: ${response.status} ${response.statusText}`;
      }
      await this.runWebhookReply(body, response.headers.get('content-type'));
      return undefined;
    } catch (error) {
      if (controller.signal.aborted) return 'Read timeout expired';
      const cause = (error as { cause?: { code?: string } }).cause;
      return cause?.code === 'ECONNREFUSED' ? 'Connection refused' : 'Connection reset by peer';
    } finally {
      clearTimeout(timer);
      if (this.inFlight === controller) this.inFlight = undefined;
    }
  }

  /** A webhook may answer with a method call in its body; Telegram executes it and ignores its result. */
  private async runWebhookReply(body: string, contentType: string | null): Promise<void> {
    if (!contentType?.includes('application/json') || body.trim() === '') return;
    let reply: unknown;
    try {
      reply = JSON.parse(body);
    } catch {
      return;
    }
    if (reply && typeof reply === 'object' && typeof (reply as { method?: unknown }).method === 'string') {
      const { method, ...params } = reply as { method: string } & Record<string, unknown>;
      await this.executeReply(method, params).catch(() => undefined);
    }
  }
}
