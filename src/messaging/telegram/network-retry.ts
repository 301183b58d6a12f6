import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError, type Transformer } from 'grammy';

/**
 * Retries a Bot API call that failed without an answer from Telegram (the connection refused or
 * reset, the request timed out) `attempts` times, `delayMs` apart, then lets the failure
 * through: the messenger turns it into an 'unavailable' DeliveryError, which the outbox and
 * /publish try again later.
 *
 * @grammyjs/auto-retry retries these as well, but in an inner loop of its own that ignores
 * `maxRetryAttempts` (only `rethrowHttpErrors` stops it) and doubles its pause up to an hour.
 * During an outage a send then never ended: it held its chat's queue and, through a /publish
 * waiting on it, the office's commands for over 12 minutes. So auto-retry rethrows them and
 * this transformer bounds them.
 */
export function retryNetworkFailures(attempts: number, delayMs: number): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= attempts || signal?.aborted) throw error;
        // grammY types its signal with the abort-controller polyfill's type; at run time it is Node's own.
        await sleep(delayMs, undefined, { signal: signal as AbortSignal | undefined });
      }
    }
  };
}
