import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';
import type { EmulatorOptions } from '../../src/emulator/options.js';

/** The emulator's answers checked against the Bot API contract, over raw HTTP. */
let emulator: Emulator;

async function call(method: string, params: Record<string, unknown> = {}, token = emulator.token) {
  const response = await fetch(`${emulator.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any };
  return { status: response.status, ...body };
}

async function start(options: EmulatorOptions = { rateLimits: false }) {
  emulator = await startEmulator(options);
}

afterEach(async () => {
  await emulator.stop();
});

describe('requests and answers', () => {
  beforeEach(() => start());

  it('answers getMe with the bot user, privacy mode shown as can_read_all_group_messages: false', async () => {
    const me = await call('getMe');
    expect(me).toMatchObject({ ok: true, result: { id: emulator.bot.id, is_bot: true, username: 'dondoc_test_bot', can_read_all_group_messages: false } });
  });

  it('refuses a wrong token with 401 Unauthorized and an unknown method with 404 Not Found', async () => {
    expect(await call('getMe', {}, '123:wrong')).toEqual({ status: 401, ok: false, error_code: 401, description: 'Unauthorized' });
    expect(await call('sendTelepathy')).toEqual({ status: 404, ok: false, error_code: 404, description: 'Not Found' });
  });

  it('accepts method names in any case and parameters as query string, form or JSON', async () => {
    const user = emulator.driver.createUser({ firstName: 'Lan' });
    emulator.driver.startBot(user);
    const viaQuery = await fetch(`${emulator.apiRoot}/bot${emulator.token}/SENDMESSAGE?chat_id=${user.id}&text=a`).then((r) => r.json() as Promise<any>);
    const viaForm = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: String(user.id), text: 'b', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'x', callback_data: 'y' }]] }) }),
    }).then((r) => r.json() as Promise<any>);
    expect(viaQuery).toMatchObject({ ok: true, result: { text: 'a' } });
    expect(viaForm).toMatchObject({ ok: true, result: { text: 'b', reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'y' }]] } } });
  });

  it('dates messages in Unix seconds and numbers messages per chat', async () => {
    const user = emulator.driver.createUser({ firstName: 'Lan' });
    emulator.driver.startBot(user);
    const before = Math.floor(Date.now() / 1000);
    const first = await call('sendMessage', { chat_id: user.id, text: 'một' });
    const second = await call('sendMessage', { chat_id: user.id, text: 'hai' });
    expect(first.result.date).toBeGreaterThanOrEqual(before);
    expect(first.result.date).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(second.result.message_id).toBe(first.result.message_id + 1);
    expect(first.result.chat).toEqual({ id: user.id, type: 'private', first_name: 'Lan' });
  });

  it('says chat not found, and 403 for a user who never started the bot, blocked it, or a group that kicked it', async () => {
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    expect((await call('sendMessage', { chat_id: -999, text: 'x' })).description).toBe('Bad Request: chat not found');
    expect(await call('sendMessage', { chat_id: user.id, text: 'x' })).toMatchObject({
      status: 403, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user",
    });
    driver.startBot(user);
    driver.blockBot(user);
    expect((await call('sendMessage', { chat_id: user.id, text: 'x' })).description).toBe('Forbidden: bot was blocked by the user');
    const group = driver.createGroup({ title: 'G', members: [user] });
    driver.kickBot(group);
    expect((await call('sendMessage', { chat_id: group.id, text: 'x' })).description).toBe('Forbidden: bot was kicked from the group chat');
  });
});

describe('getUpdates', () => {
  beforeEach(() => start());

  it('keeps updates until an offset above them confirms them', async () => {
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    driver.sendText(user, driver.privateChat(user), 'một');
    driver.sendText(user, driver.privateChat(user), 'hai');
    const all = (await call('getUpdates')).result;
    expect(all.map((u: any) => u.message.text)).toEqual(['một', 'hai']);
    expect(all[1].update_id).toBe(all[0].update_id + 1);
    expect((await call('getUpdates')).result).toHaveLength(2);
    const rest = (await call('getUpdates', { offset: all[0].update_id + 1 })).result;
    expect(rest.map((u: any) => u.message.text)).toEqual(['hai']);
    expect((await call('getUpdates', { offset: all[1].update_id + 1 })).result).toEqual([]);
  });

  it('honours limit and a negative offset that forgets all but the last updates', async () => {
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    for (const text of ['1', '2', '3', '4']) driver.sendText(user, driver.privateChat(user), text);
    expect((await call('getUpdates', { limit: 2 })).result.map((u: any) => u.message.text)).toEqual(['1', '2']);
    expect((await call('getUpdates', { offset: -1 })).result.map((u: any) => u.message.text)).toEqual(['4']);
    expect((await call('getUpdates')).result.map((u: any) => u.message.text)).toEqual(['4']);
  });

  it('long polls: waits up to timeout and returns as soon as an update arrives', async () => {
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    const t0 = Date.now();
    expect((await call('getUpdates', { timeout: 1 })).result).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    const t1 = Date.now();
    const pending = call('getUpdates', { timeout: 10 });
    setTimeout(() => driver.sendText(user, driver.privateChat(user), 'đây'), 100);
    expect((await pending).result[0].message.text).toBe('đây');
    expect(Date.now() - t1).toBeLessThan(3000);
  });

  it('ends an earlier long poll with 409 when a second one starts', async () => {
    const first = call('getUpdates', { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = call('getUpdates', { timeout: 0 });
    expect(await first).toMatchObject({ status: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    expect((await second).ok).toBe(true);
  });

  it('filters by allowed_updates', async () => {
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    await call('getUpdates', { allowed_updates: ['callback_query'] });
    driver.sendText(user, driver.privateChat(user), 'không được giao');
    expect((await call('getUpdates')).result).toEqual([]);
  });

  it('is refused with 409 while a webhook is set', async () => {
    await call('setWebhook', { url: 'http://127.0.0.1:9/hook' });
    expect(await call('getUpdates')).toMatchObject({
      status: 409,
      error_code: 409,
      description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    expect(await call('deleteWebhook', { drop_pending_updates: true })).toMatchObject({ ok: true, result: true, description: 'Webhook was deleted' });
    expect((await call('getUpdates')).ok).toBe(true);
  });
});

describe('limits answered like Telegram', () => {
  let userId: number;
  beforeEach(async () => {
    await start();
    const user = emulator.driver.createUser({ firstName: 'Lan' });
    emulator.driver.startBot(user);
    userId = user.id;
  });

  it('counts text length after entity parsing, in UTF-16 code units', async () => {
    expect((await call('sendMessage', { chat_id: userId, text: 'a'.repeat(4096) })).ok).toBe(true);
    expect((await call('sendMessage', { chat_id: userId, text: 'a'.repeat(4097) })).description).toBe('Bad Request: message is too long');
    const tagged = `<b>${'a'.repeat(4096)}</b>`;
    expect((await call('sendMessage', { chat_id: userId, text: tagged, parse_mode: 'HTML' })).ok).toBe(true);
    expect((await call('sendMessage', { chat_id: userId, text: '😀'.repeat(2049) })).description).toBe('Bad Request: message is too long');
  });

  it('refuses empty text', async () => {
    expect((await call('sendMessage', { chat_id: userId, text: '' })).description).toBe('Bad Request: message text is empty');
    expect((await call('sendMessage', { chat_id: userId, text: '<b> </b>', parse_mode: 'HTML' })).description).toBe('Bad Request: message text is empty');
  });

  it('parses HTML into entities and rejects what Telegram rejects', async () => {
    const sent = await call('sendMessage', { chat_id: userId, text: '<b>Hạn</b> &lt;30/11&gt; <a href="https://example.com">xem</a> A & B', parse_mode: 'HTML' });
    expect(sent.result.text).toBe('Hạn <30/11> xem A & B');
    expect(sent.result.entities).toEqual([
      { type: 'bold', offset: 0, length: 3 },
      { type: 'text_link', offset: 12, length: 3, url: 'https://example.com/' },
    ]);
    expect((await call('sendMessage', { chat_id: userId, text: 'Hạn <x>y</x>', parse_mode: 'HTML' })).description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 6',
    );
    expect((await call('sendMessage', { chat_id: userId, text: '<b>đậm', parse_mode: 'HTML' })).description).toBe(
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    );
  });

  it('refuses a caption over 1024 characters', async () => {
    const file = emulator.driver.sendDocument(userId, userId, { data: 'x', fileName: 'a.txt' }).document!.file_id;
    expect((await call('sendDocument', { chat_id: userId, document: file, caption: 'c'.repeat(1024) })).ok).toBe(true);
    expect((await call('sendDocument', { chat_id: userId, document: file, caption: 'c'.repeat(1025) })).description).toBe(
      'Bad Request: message caption is too long',
    );
  });

  it('takes a photo as a multipart upload and lists its sizes; a non-image is IMAGE_PROCESS_FAILED', async () => {
    const png = Buffer.alloc(33);
    png.writeUInt32BE(0x89504e47, 0);
    png.writeUInt32BE(0x0d0a1a0a, 4);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(1600, 16);
    png.writeUInt32BE(900, 20);
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.set('chat_id', String(userId));
      form.set('photo', new Blob([bytes]), 'bieu-do.png');
      return (await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendPhoto`, { method: 'POST', body: form })).json() as Promise<any>;
    };
    const sent = await upload(png);
    expect(sent.result.photo.map((size: any) => [size.width, size.height])).toEqual([[90, 51], [320, 180], [800, 450], [1280, 720], [1600, 900]]);
    expect((await upload(Buffer.from('not an image'))).description).toBe('Bad Request: IMAGE_PROCESS_FAILED');
  });

  it('refuses an unknown forum topic with message thread not found', async () => {
    const { driver } = emulator;
    const forum = driver.createGroup({ title: 'Diễn đàn', forum: true, silent: true });
    const topic = driver.createTopic(forum, 'Đất đai');
    expect((await call('sendMessage', { chat_id: forum.id, text: 'x', message_thread_id: 999 })).description).toBe('Bad Request: message thread not found');
    const inTopic = await call('sendMessage', { chat_id: forum.id, text: 'x', message_thread_id: topic.message_thread_id });
    expect(inTopic.result).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true, reply_to_message: { forum_topic_created: { name: 'Đất đai' } } });
  });

  it('refuses callback_data outside 1–64 bytes', async () => {
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: 'x', callback_data: data }]] });
    expect((await call('sendMessage', { chat_id: userId, text: 't', reply_markup: keyboard('đ'.repeat(32)) })).ok).toBe(true);
    expect((await call('sendMessage', { chat_id: userId, text: 't', reply_markup: keyboard('đ'.repeat(33)) })).description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect((await call('sendMessage', { chat_id: userId, text: 't', reply_markup: keyboard('') })).description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('takes a web_app button only in a private chat and only over https, as Telegram does', async () => {
    const keyboard = (url: string) => ({ inline_keyboard: [[{ text: 'Mở', web_app: { url } }]] });
    const group = emulator.driver.createGroup({ title: 'Văn phòng', silent: true });
    const sent = await call('sendMessage', { chat_id: userId, text: 't', reply_markup: keyboard('https://dondoc.example/editor-app/1') });
    expect(sent.result.reply_markup).toEqual(keyboard('https://dondoc.example/editor-app/1'));
    expect(await call('sendMessage', { chat_id: group.id, text: 't', reply_markup: keyboard('https://dondoc.example/editor-app/1') })).toMatchObject({ status: 400, description: 'Bad Request: BUTTON_TYPE_INVALID' });
    expect((await call('sendMessage', { chat_id: userId, text: 't', reply_markup: keyboard('http://127.0.0.1/editor-app/1') })).description).toMatch(/^Bad Request: inline keyboard button Web App URL .* is invalid/);
    // An edit is held to the same rule; a plain URL button is fine anywhere.
    const inGroup = await call('sendMessage', { chat_id: group.id, text: 't', reply_markup: { inline_keyboard: [[{ text: 'Mở', url: 'http://127.0.0.1/editor/1' }]] } });
    expect(inGroup.ok).toBe(true);
    expect((await call('editMessageReplyMarkup', { chat_id: group.id, message_id: inGroup.result.message_id, reply_markup: keyboard('https://dondoc.example/x') })).description).toBe('Bad Request: BUTTON_TYPE_INVALID');
  });

  it('refuses getFile over 20 MB', async () => {
    const big = emulator.driver.sendDocument(userId, userId, { data: Buffer.alloc(20 * 1024 * 1024 + 1), fileName: 'big.pdf' });
    expect(await call('getFile', { file_id: big.document!.file_id })).toMatchObject({ status: 400, description: 'Bad Request: file is too big' });
  });

  it('answers a callback query once, with text up to 200 characters', async () => {
    const sent = await call('sendMessage', { chat_id: userId, text: 't', reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'y' }]] } });
    const press = emulator.driver.pressButton(userId, sent.result, 'y');
    expect((await call('answerCallbackQuery', { callback_query_id: press.queryId, text: 'a'.repeat(201) })).description).toBe('Bad Request: MESSAGE_TOO_LONG');
    expect((await call('answerCallbackQuery', { callback_query_id: press.queryId })).ok).toBe(true);
    expect((await call('answerCallbackQuery', { callback_query_id: press.queryId })).description).toBe(
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
  });

  it('says message is not modified when an edit changes nothing', async () => {
    const sent = await call('sendMessage', { chat_id: userId, text: 'giữ nguyên' });
    expect((await call('editMessageText', { chat_id: userId, message_id: sent.result.message_id, text: 'giữ nguyên' })).description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    expect((await call('editMessageText', { chat_id: userId, message_id: 9999, text: 'x' })).description).toBe('Bad Request: message to edit not found');
  });

  it('validates setMyCommands and returns the list per scope and language', async () => {
    expect((await call('setMyCommands', { commands: [{ command: 'Setup', description: 'x' }] })).description).toBe('Bad Request: BOT_COMMAND_INVALID');
    const commands = [{ command: 'status', description: 'Tình hình thực hiện' }];
    expect((await call('setMyCommands', { commands, scope: { type: 'all_group_chats' }, language_code: 'vi' })).result).toBe(true);
    expect((await call('getMyCommands', { scope: { type: 'all_group_chats' }, language_code: 'vi' })).result).toEqual(commands);
    expect((await call('getMyCommands')).result).toEqual([]);
  });
});

describe('rate limits', () => {
  it('answers 429 with retry_after past the per-chat burst, and counts them', async () => {
    await start({ rateLimits: { perChatPerSecond: 1, perChatBurst: 2, perGroupPerMinute: 20, globalPerSecond: 30 } });
    const user = emulator.driver.createUser({ firstName: 'Lan' });
    emulator.driver.startBot(user);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call('sendMessage', { chat_id: user.id, text: `${i}` }));
    expect(answers.map((a) => a.ok)).toEqual([true, true, false]);
    expect(answers[2]).toMatchObject({ status: 429, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    expect(emulator.driver.stats()).toMatchObject({ total429: 1, byChat429: { [user.id]: 1 } });
  });

  it('limits a group to 20 messages a minute', async () => {
    await start({ rateLimits: { perChatPerSecond: 1000, perChatBurst: 1000, perGroupPerMinute: 20, globalPerSecond: 1000 } });
    const group = emulator.driver.createGroup({ title: 'G', silent: true });
    for (let i = 0; i < 20; i++) expect((await call('sendMessage', { chat_id: group.id, text: `${i}` })).ok).toBe(true);
    const refused = await call('sendMessage', { chat_id: group.id, text: 'quá' });
    expect(refused.error_code).toBe(429);
    expect(refused.parameters.retry_after).toBeGreaterThanOrEqual(2);
  });

  it('limits all chats together to the global rate', async () => {
    await start({ rateLimits: { perChatPerSecond: 1, perChatBurst: 1, perGroupPerMinute: 20, globalPerSecond: 3 } });
    const results = [];
    for (let i = 0; i < 4; i++) {
      const user = emulator.driver.createUser({ firstName: `U${i}` });
      emulator.driver.startBot(user);
      results.push((await call('sendMessage', { chat_id: user.id, text: 'x' })).error_code ?? 200);
    }
    expect(results).toEqual([200, 200, 200, 429]);
  });
});

describe('fault injection', () => {
  beforeEach(() => start());

  it('fails the next calls with 500 or a connection reset, then recovers', async () => {
    emulator.driver.faults.failNext(1, 'error500');
    expect(await call('getMe')).toMatchObject({ status: 500, error_code: 500 });
    emulator.driver.faults.failNext(1, 'reset');
    await expect(call('getMe')).rejects.toThrow();
    expect((await call('getMe')).ok).toBe(true);
  });

  it('slows down a chosen message', async () => {
    const user = emulator.driver.createUser({ firstName: 'Lan' });
    emulator.driver.startBot(user);
    emulator.driver.faults.slowDown(300, { methods: ['sendMessage'], match: (p) => p.text === 'chậm' });
    const t0 = Date.now();
    await call('sendMessage', { chat_id: user.id, text: 'nhanh' });
    expect(Date.now() - t0).toBeLessThan(250);
    await call('sendMessage', { chat_id: user.id, text: 'chậm' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
  });
});
