import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../logger.js';
import type { ZaloUpdate } from './types.js';
import { ZaloApiError, type ZaloApi } from './zalo-api.js';

/** Seconds one `getUpdates` waits for an update before Zalo answers 408. */
const pollTimeoutSeconds = 30;

/**
 * Long polling: `getUpdates` returns ONE update (there is no offset; Zalo forgets an update once
 * it has returned it), or error 408 when nothing came within the timeout, which only means "ask
 * again". Each update is handed to `onUpdate` at once, so the next poll does not wait for it.
 */
export function startPolling(api: ZaloApi, onUpdate: (update: ZaloUpdate) => void, logger: Logger): { stop(): Promise<void> } {
  const abort = new AbortController();
  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const result = await api.call<ZaloUpdate | ZaloUpdate[] | null>('getUpdates', { timeout: pollTimeoutSeconds }, { signal: abort.signal });
        // The documented answer is one update; a list is accepted should Zalo ever batch them, and
        // an empty answer is an idle poll like a 408.
        for (const update of Array.isArray(result) ? result : [result]) if (update?.message) onUpdate(update);
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof ZaloApiError && error.errorCode === 408) continue;
        logger.warn({ err: error }, 'zalo: getUpdates failed');
        // The client already backed off passing errors; this covers the rest (a 401 after a token change, say).
        await sleep(5_000, undefined, { signal: abort.signal }).catch(() => undefined);
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
