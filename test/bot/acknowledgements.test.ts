import { describe, expect, it } from 'vitest';
import { Acknowledgements } from '../../src/bot/acknowledgements.js';
import { createLogger } from '../../src/logger.js';
import type { Messenger, OutgoingMessage } from '../../src/messaging/port.js';

describe('status acknowledgements', () => {
  it('merge the ones that arrive while a chat’s previous one is still being sent, and never wait for each other', async () => {
    const sent: OutgoingMessage[] = [];
    let release: () => void = () => undefined;
    const slowFirstSend = new Promise<void>((resolve) => (release = resolve));
    const messenger = {
      platform: 'TELEGRAM',
      async send(_to: unknown, message: OutgoingMessage) {
        if (sent.length === 0) await slowFirstSend;
        sent.push(message);
        return { messageId: sent.length };
      },
    } as unknown as Messenger;
    const acks = new Acknowledgements(new Map([['TELEGRAM', messenger]]), createLogger({ level: 'silent' }));
    const group = { platform: 'TELEGRAM' as const, chatId: '-100', threadId: 0 };
    const other = { platform: 'TELEGRAM' as const, chatId: '-200', threadId: 0 };

    acks.send(group, 'Đã ghi nhận 1', 11);
    acks.send(group, 'Đã ghi nhận 2', 12);
    acks.send(group, 'Đã ghi nhận 3', 13);
    acks.send(other, 'Đã ghi nhận ở nhóm khác', 21);
    release();
    await acks.settled();

    expect(sent.map((m) => m.html).sort()).toEqual(['Đã ghi nhận 1', 'Đã ghi nhận 2\n\nĐã ghi nhận 3', 'Đã ghi nhận ở nhóm khác']);
    // A single acknowledgement answers its report; a merged one stands alone.
    expect(sent.find((m) => m.html === 'Đã ghi nhận 1')?.replyToMessageId).toBe(11);
    expect(sent.find((m) => m.html.includes('2\n\n'))?.replyToMessageId).toBeUndefined();
  });
});
