import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startPolling } from '../../src/messaging/zalo/polling.js';
import type { ZaloUpdate } from '../../src/messaging/zalo/types.js';
import type { ZaloApi } from '../../src/messaging/zalo/zalo-api.js';

describe('long polling Zalo', () => {
  it('takes an empty answer as an idle poll and hands on the next update, as the documentation shows it (no event_name)', async () => {
    const update: ZaloUpdate = { message: { message_id: 'm1', from: { id: 'u1', first_name: 'An' }, chat: { id: 'u1', chat_type: 'PRIVATE' }, text: 'xong 4', date: 1_766_619_597_466 } };
    const answers: unknown[] = [null, {}, update];
    const api = {
      call: async (_method: string, _body: unknown, options: { signal?: AbortSignal }) => {
        if (answers.length > 0) return answers.shift();
        // Then idle until stopped, as a long poll is.
        await new Promise((resolve) => options.signal?.addEventListener('abort', resolve));
        throw new Error('aborted');
      },
    } as unknown as ZaloApi;
    const received: ZaloUpdate[] = [];
    const polling = startPolling(api, (got) => received.push(got), createLogger({ level: 'silent' }));
    const deadline = Date.now() + 2_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await polling.stop();
    expect(received).toEqual([update]);
  });
});
