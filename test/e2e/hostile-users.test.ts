import type { Chat, Message, Update, User } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/database.js';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

/**
 * Defects found by attacking the running bot (issue 20): each test drives the real app over
 * real HTTP against the emulator, the way a stranger or a careless member would.
 */

const textOf = (message: Message) => message.text ?? message.caption ?? '';

const fastHarness = (options: HarnessOptions = {}) =>
  startHarness({ emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false, now: () => new Date('2020-11-25T02:00:00Z'), ...options });

/** Reads the app's database beside it, as an operator would. */
async function withDb<T>(h: Harness, read: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await openDatabase(h.databaseUrl);
  try {
    return await read(db);
  } finally {
    await close();
  }
}

/** A message update as Telegram would post it, for a forger who knows the chat and the user. */
function commandUpdate(updateId: number, chat: Chat, from: User, text: string): Update {
  const command = text.split(' ')[0]!;
  return {
    update_id: updateId,
    message: { message_id: 90_000 + updateId, date: Math.floor(Date.now() / 1000), chat, from, text, entities: [{ type: 'bot_command', offset: 0, length: command.length }] },
  } as Update;
}

describe('a stranger with the webhook URL', () => {
  let h: Harness;
  afterEach(async () => h?.stop());

  it('cannot post updates when no WEBHOOK_SECRET is configured: the app draws one and refuses requests without it', async () => {
    h = await fastHarness({ mode: 'webhook', webhookSecret: false });
    const d = h.driver;
    const admin = d.createUser({ firstName: 'Quản', lastName: 'Trị' });
    const office = d.createGroup({ title: 'Văn phòng', admins: [admin] });
    const other = d.createGroup({ title: 'Nhóm khác', admins: [admin] });
    // Telegram's own deliveries carry the secret the app gave to setWebhook.
    d.sendCommand(admin, office, '/setup');
    await d.waitForBotMessage(office, { match: /Đã đăng ký/ });

    const post = (headers: Record<string, string>, update: Update) =>
      fetch(`${h.app.http.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
    const bare = await post({}, commandUpdate(1, other, admin, '/setup Giả mạo'));
    const wrong = await post({ 'x-telegram-bot-api-secret-token': 'guessed_secret' }, commandUpdate(2, other, admin, '/setup Giả mạo'));
    expect([bare.status, wrong.status]).toEqual([401, 401]);
    // The update handler runs before the response, so a forged /setup taken would show by now.
    expect(await withDb(h, (db) => db.office.findMany({ select: { name: true } }))).toEqual([{ name: 'Văn phòng' }]);
    expect(d.botMessages(other)).toHaveLength(0);
  });
});
