import { setTimeout as sleep } from 'node:timers/promises';
import type { ZaloUpdate } from '../../messaging/zalo/types.js';

/** One POST of an update to the bot's webhook, as tests inspect it. */
export interface ZaloWebhookDelivery {
  update: ZaloUpdate;
  status: number;
}

/** Tries of one delivery; Zalo documents no retry policy, so the emulator retries briefly. */
const attempts = 3;

/**
 * Posts an update to the webhook the way Zalo does: wrapped as `{ok: true, result: update}`,
 * with the secret in `X-Bot-Api-Secret-Token`. A non-2xx answer or a network error is tried
 * again after a short pause. Returns each attempt's HTTP status (0 for a network error).
 */
export async function deliverToWebhook(webhook: { url: string; secret: string }, update: ZaloUpdate): Promise<ZaloWebhookDelivery[]> {
  const deliveries: ZaloWebhookDelivery[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const status = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': webhook.secret },
      body: JSON.stringify({ ok: true, result: update }),
    }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    deliveries.push({ update, status });
    if (status >= 200 && status < 300) break;
    await sleep(200 * attempt);
  }
  return deliveries;
}
