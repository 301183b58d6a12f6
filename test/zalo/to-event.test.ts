import { describe, expect, it } from 'vitest';
import { ChoiceMemory } from '../../src/messaging/zalo/choices.js';
import { BotMention } from '../../src/messaging/zalo/mention.js';
import { toEvent } from '../../src/messaging/zalo/to-event.js';
import type { ZaloUpdate } from '../../src/messaging/zalo/types.js';

const message = (text: string, chatType: 'PRIVATE' | 'GROUP', from: ZaloUpdate['message']['from']): ZaloUpdate['message'] => ({
  message_id: '16f6366b3f02645a3d15',
  from,
  chat: { id: chatType === 'PRIVATE' ? from.id : 'g1', chat_type: chatType },
  text,
  date: 1_766_619_597_466,
});

describe('a Zalo update as the bot reads it', () => {
  it('reads the documented getUpdates sample: no event_name, the sender as first_name', () => {
    const event = toEvent({ message: message('/status', 'PRIVATE', { id: 'e4ea2cd5189df1c3a88c', first_name: 'Nguyen Van A' }) }, new BotMention([]), new ChoiceMemory());
    expect(event).toMatchObject({ type: 'message', command: 'status', from: { displayName: 'Nguyen Van A' }, chat: { kind: 'PRIVATE', title: 'Nguyen Van A' } });
  });

  it('reads a group command after the mention, and leaves a sentence to someone else a sentence', () => {
    const mention = new BotMention(['bot.VDKyGxQvc']);
    const from = { id: 'u1', display_name: 'Phạm Thu Hà', is_bot: false };
    const setup = toEvent({ event_name: 'message.text.received', message: message('@Bot Đôn Đốc /setup', 'GROUP', from) }, mention, new ChoiceMemory());
    expect(setup).toMatchObject({ command: 'setup', text: '', chat: { kind: 'GROUP', title: null } });
    const sentence = toEvent({ event_name: 'message.text.received', message: message('@Lan xong 4 chưa em?', 'GROUP', from) }, mention, new ChoiceMemory());
    expect(sentence).toMatchObject({ command: null, text: '@Lan xong 4 chưa em?' });
  });
});
