import { setTimeout as sleep } from 'node:timers/promises';
import type { ZaloResponse } from './types.js';

/** A call the Bot API answered with `ok: false`, with the facts a caller decides on. */
export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`${method}: ${errorCode} ${description}`);
  }
}

/** How {@link ZaloApi} reaches the Bot API and how patient it is. */
export interface ZaloApiOptions {
  token: string;
  /** `https://bot-api.zaloplatforms.com`, or the emulator. */
  apiRoot: string;
  /** First wait after a 429, a 5xx or a network error; it doubles with each further one. */
  backoffMs?: number;
  /** The longest single wait. */
  maxBackoffMs?: number;
  /** Tries of one call before its error is thrown. */
  maxAttempts?: number;
}

/** How long one call may wait for Zalo's answer. */
const requestTimeoutMs = 45_000;

/**
 * A client of Zalo's Bot API: `POST <root>/bot<TOKEN>/<method>` with a JSON body.
 *
 * Zalo publishes no rate limits, only that a 429 means "back off". So a 429 (or a 5xx, or a
 * network error) pauses EVERY call of this client, not just the one that got it, for a wait
 * that doubles while the refusals go on and resets after a success; the call is then tried
 * again. A storm of 429s thus slows the bot down instead of losing messages.
 *
 * ```ts
 * const api = new ZaloApi({ token, apiRoot: 'https://bot-api.zaloplatforms.com' });
 * const me = await api.call<ZaloBotInfo>('getMe');
 * ```
 */
export class ZaloApi {
  private pausedUntil = 0;
  private refusals = 0;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: ZaloApiOptions) {
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  /**
   * Calls a method and returns its `result`. With `retry: false` (long polling, which has its
   * own loop) the first error is thrown; `signal` aborts a waiting long poll on shutdown.
   */
  async call<T>(method: string, body: Record<string, unknown> = {}, options: { retry?: boolean; signal?: AbortSignal } = {}): Promise<T> {
    const attempts = options.retry === false ? 1 : this.maxAttempts;
    for (let attempt = 1; ; attempt += 1) {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal: options.signal });
      try {
        const result = await this.request<T>(method, body, options.signal);
        this.refusals = 0;
        return result;
      } catch (error) {
        if (!isPassing(error) || attempt >= attempts) throw error;
        this.backOff();
      }
    }
  }

  private async request<T>(method: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    const root = this.options.apiRoot.replace(/\/$/, '');
    // A server that accepts the connection and never answers fails the call like a network error
    // (fetch's own TypeError), in bounded time: a 30 s long poll and its answer fit well within.
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    const response = await fetch(`${root}/bot${this.options.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    }).catch((error: unknown) => {
      if (timeout.aborted && !signal?.aborted) throw new TypeError(`${method} got no answer within ${requestTimeoutMs / 1000} s`, { cause: error });
      throw error;
    });
    const answer = (await response.json().catch(() => null)) as ZaloResponse<T> | null;
    if (answer?.ok) return answer.result;
    throw new ZaloApiError(method, answer?.error_code ?? response.status, answer?.description ?? `HTTP ${response.status}`);
  }

  /** Pauses every call: 1 s, 2 s, 4 s… up to the maximum, while the refusals go on. */
  private backOff(): void {
    const delay = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** this.refusals);
    this.refusals += 1;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + delay);
  }
}

/** A refusal that may pass: too many requests, a server fault, or the network (fetch throws a TypeError). */
function isPassing(error: unknown): boolean {
  if (error instanceof ZaloApiError) return error.errorCode === 429 || error.errorCode >= 500;
  return error instanceof TypeError;
}
