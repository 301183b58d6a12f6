import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import type { IncomingEvent } from '../../src/messaging/port.js';
import { createZaloAdapter, type ZaloAdapter } from '../../src/messaging/zalo/zalo-adapter.js';
import { zaloWebhookPath } from '../../src/messaging/zalo/webhook-route.js';

const logger = createLogger({ level: 'silent' });

async function eventually<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the Zalo adapter', () => {
  let zalo: ZaloEmulator;
  let adapter: ZaloAdapter | undefined;
  let http: HttpServer | undefined;
  const events: IncomingEvent[] = [];
  const handle = async (event: IncomingEvent) => {
    events.push(event);
  };

  beforeEach(async () => {
    events.length = 0;
    zalo = await startZaloEmulator({ botName: 'Bot Đôn Đốc' });
  });
  afterEach(async () => {
    await adapter?.stop();
    await http?.close();
    await zalo.stop();
    adapter = http = undefined;
  });

  /** The adapter in webhook mode, behind the app's HTTP server. */
  async function startWebhook(secret: string) {
    let route: ZaloAdapter['webhookRoute'];
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [(req, res) => route?.(req, res) ?? false], logger });
    adapter = await createZaloAdapter({ token: zalo.token, apiRoot: zalo.apiRoot, webhookUrl: http.url, webhookSecret: secret, logger, locale: 'vi' }, handle);
    route = adapter.webhookRoute;
    await adapter.start();
    return `${http.url}${zaloWebhookPath}`;
  }

  it('receives by long polling, one update per poll, with string ids and millisecond dates', async () => {
    adapter = await createZaloAdapter({ token: zalo.token, apiRoot: zalo.apiRoot, logger, locale: 'vi' }, handle);
    await adapter.start();
    const an = zalo.driver.createUser('Nguyễn Văn An', { nameField: 'first_name' });
    const first = zalo.driver.sendText(an, zalo.driver.privateChat(an), '/status');
    zalo.driver.sendText(an, zalo.driver.privateChat(an), 'xong 4 đã nộp báo cáo 12/BC-UBND');
    await eventually(() => (events.length === 2 ? true : undefined));
    expect(events[0]).toMatchObject({ type: 'message', command: 'status', text: '', updateId: first.message_id, platform: 'ZALO', chat: { id: an.id, kind: 'PRIVATE', title: 'Nguyễn Văn An' }, from: { displayName: 'Nguyễn Văn An' } });
    expect(events[0]!.date.getTime()).toBe(first.date);
    expect(events[1]).toMatchObject({ command: 'status', text: '4 xong đã nộp báo cáo 12/BC-UBND' });
    expect(zalo.driver.calls.getUpdates).toBeGreaterThanOrEqual(2);
  });

  it('refuses a webhook call with a wrong or missing secret, and processes nothing', async () => {
    const url = await startWebhook('right-secret-123');
    const body = JSON.stringify({ ok: true, result: { event_name: 'message.text.received', message: { message_id: 'a1', from: { id: 'u1', display_name: 'X' }, chat: { id: 'u1', chat_type: 'PRIVATE' }, text: '/status', date: Date.now() } } });
    const missing = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'wrong-secret-123' }, body });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toHaveLength(0);

    // The right secret, with the update bare instead of wrapped, is accepted.
    const bare = JSON.stringify((JSON.parse(body) as { result: unknown }).result);
    const right = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'right-secret-123' }, body: bare });
    expect(right.status).toBe(200);
    await eventually(() => events[0]);
  });

  it('receives the wrapped update Zalo posts to the webhook, with the secret it registered', async () => {
    await startWebhook('another-secret-456');
    expect(zalo.world.webhook).toEqual({ url: `${http!.url}${zaloWebhookPath}`, secret: 'another-secret-456' });
    const an = zalo.driver.createUser('Nguyễn Văn An');
    const sent = zalo.driver.sendText(an, zalo.driver.privateChat(an), '/help');
    const event = await eventually(() => events[0]);
    expect(event).toMatchObject({ updateId: sent.message_id, command: 'help' });
    await zalo.driver.settled();
    expect(zalo.driver.webhookDeliveries.map((delivery) => delivery.status)).toEqual([200]);
  });

  it('takes a group command after the mention Zalo writes, with getMe telling no display name', async () => {
    adapter = await createZaloAdapter({ token: zalo.token, apiRoot: zalo.apiRoot, logger, locale: 'vi' }, handle);
    await adapter.start();
    expect(adapter.botName).toMatch(/^bot\./);
    const ha = zalo.driver.createUser('Phạm Thu Hà');
    const group = zalo.driver.createGroup('Văn phòng NTM huyện', [ha]);
    zalo.driver.sendText(ha, group, '/setup Văn phòng NTM huyện', { mention: true });
    expect(zalo.world.messages.at(-1)!.text).toBe('@Bot Đôn Đốc /setup Văn phòng NTM huyện');
    expect(await eventually(() => events[0])).toMatchObject({ command: 'setup', text: 'Văn phòng NTM huyện', chat: { kind: 'GROUP', title: null }, from: { displayName: 'Phạm Thu Hà' } });
    // The name is known from now on: a report after the mention needs no command.
    zalo.driver.sendText(ha, group, 'xong 4 đã nộp', { mention: true });
    expect(await eventually(() => events[1])).toMatchObject({ command: 'status', text: '4 xong đã nộp' });
  });

  it('names the bot by ZALO_BOT_NAME for plain mentions before any command', async () => {
    adapter = await createZaloAdapter({ token: zalo.token, apiRoot: zalo.apiRoot, botName: 'Bot Đôn Đốc', logger, locale: 'vi' }, handle);
    await adapter.start();
    expect(adapter.botName).toBe('Bot Đôn Đốc');
    const an = zalo.driver.createUser('Nguyễn Văn An');
    const group = zalo.driver.createGroup('VP Huyện ủy', [an]);
    zalo.driver.sendText(an, group, 'vướng 11 thiếu nhân lực', { mention: true });
    expect(await eventually(() => events[0])).toMatchObject({ command: 'status', text: '11 vướng thiếu nhân lực' });
  });

  it('backs off a 429 storm and loses nothing, in sending and in polling', async () => {
    adapter = await createZaloAdapter({ token: zalo.token, apiRoot: zalo.apiRoot, logger, locale: 'vi', backoffMs: 5 }, handle);
    const an = zalo.driver.createUser('Nguyễn Văn An');
    const to = { platform: 'ZALO' as const, chatId: an.id, threadId: 0 };
    zalo.driver.failNext('sendMessage', 6);
    await Promise.all([1, 2, 3, 4].map((n) => adapter!.messenger.send(to, { html: `Tin <b>${n}</b>` })));
    expect(zalo.driver.botMessages(zalo.driver.privateChat(an)).map((message) => message.text).sort()).toEqual(['Tin 1', 'Tin 2', 'Tin 3', 'Tin 4']);
    expect(zalo.driver.calls.sendMessage).toBe(10);

    zalo.driver.failNext('getUpdates', 4);
    await adapter.start();
    zalo.driver.sendText(an, zalo.driver.privateChat(an), '/mine');
    expect(await eventually(() => events[0])).toMatchObject({ command: 'mine' });
  });

  it('sends a text over 2000 characters as several messages, and buttons as numbered choices', async () => {
    adapter = await createZaloAdapter({ token: zalo.token, apiRoot: zalo.apiRoot, logger, locale: 'vi' }, handle);
    await adapter.start();
    const an = zalo.driver.createUser('Nguyễn Văn An');
    const chat = zalo.driver.privateChat(an);
    const to = { platform: 'ZALO' as const, chatId: an.id, threadId: 0 };
    const long = Array.from({ length: 100 }, (_, index) => `${index + 1}. ${'nội dung '.repeat(4)}`).join('\n');
    await adapter.messenger.send(to, { html: long, buttons: [[{ text: 'Phát hành', data: 'nt:x:pub' }, { text: 'Hủy', data: 'nt:x:cancel' }]] });
    const texts = zalo.driver.botMessages(chat).map((message) => message.text);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.every((text) => text.length <= 2000)).toBe(true);
    expect(texts.at(-1)).toMatch(/1 — Phát hành\n2 — Hủy$/);

    zalo.driver.sendText(an, chat, '2');
    expect(await eventually(() => events[0])).toMatchObject({ type: 'button', data: 'nt:x:cancel', buttonId: an.id });
  });

  it('tells an official that a file cannot reach the bot, and hands nothing to the features', async () => {
    adapter = await createZaloAdapter({ token: zalo.token, apiRoot: zalo.apiRoot, logger, locale: 'vi' }, handle);
    await adapter.start();
    const an = zalo.driver.createUser('Nguyễn Văn An');
    zalo.driver.sendUnsupported(an, zalo.driver.privateChat(an));
    expect((await zalo.driver.waitForBotMessage(zalo.driver.privateChat(an))).text).toMatch(/Bot chỉ đọc được tin nhắn chữ[\s\S]*xong 4/);
    expect(events).toHaveLength(0);
  });
});

describe('the Zalo emulator', () => {
  it('answers one update per poll, 408 when idle, and refuses text over 2000 characters', async () => {
    const zalo = await startZaloEmulator();
    try {
      const call = async (method: string, body: unknown) => {
        const response = await fetch(`${zalo.apiRoot}/bot${zalo.token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: response.status, body: (await response.json()) as { ok: boolean; result?: { message?: { message_id: string; date: number } }; error_code?: number } };
      };
      const an = zalo.driver.createUser('An');
      zalo.driver.sendText(an, zalo.driver.privateChat(an), 'một');
      zalo.driver.sendText(an, zalo.driver.privateChat(an), 'hai');
      const first = await call('getUpdates', { timeout: 1 });
      expect(first.body.result?.message).toMatchObject({ text: 'một', chat: { id: an.id, chat_type: 'PRIVATE' } });
      expect(typeof first.body.result?.message?.message_id).toBe('string');
      expect(first.body.result!.message!.date).toBeGreaterThan(1e12);
      expect((await call('getUpdates', { timeout: 1 })).body.result?.message).toMatchObject({ text: 'hai' });
      expect(await call('getUpdates', { timeout: 1 })).toMatchObject({ status: 408, body: { ok: false, error_code: 408 } });
      expect((await call('sendMessage', { chat_id: an.id, text: 'x'.repeat(2001) })).status).toBe(400);
      expect((await call('setWebhook', { url: 'https://example.org/h', secret_token: 'short' })).status).toBe(400);
    } finally {
      await zalo.stop();
    }
  });

  it('answers getMe, unknown methods and bad tokens as Zalo documents them', async () => {
    const zalo = await startZaloEmulator({ botName: 'Bot Đôn Đốc' });
    try {
      const post = async (path: string) => {
        const response = await fetch(`${zalo.apiRoot}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        return { status: response.status, body: (await response.json()) as { ok: boolean; result?: Record<string, unknown>; error_code?: number } };
      };
      const me = await post(`/bot${zalo.token}/getMe`);
      expect(Object.keys(me.body.result!).sort()).toEqual(['account_name', 'account_type', 'can_join_groups', 'id']);
      expect(me.body.result!.account_name).toMatch(/^bot\./);
      expect(await post(`/bot${zalo.token}/getChatAdministrators`)).toMatchObject({ status: 400, body: { ok: false, error_code: 400 } });
      expect(await post('/bot123:wrong-token/getMe')).toMatchObject({ status: 401, body: { ok: false, error_code: 401 } });
    } finally {
      await zalo.stop();
    }
  });

  it('delivers a group message only when it mentions the bot or replies to it', async () => {
    const zalo = await startZaloEmulator({ botName: 'Bot Đôn Đốc' });
    try {
      const poll = async () => {
        const response = await fetch(`${zalo.apiRoot}/bot${zalo.token}/getUpdates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"timeout":0}' });
        return ((await response.json()) as { result?: { message: { text: string } } }).result?.message.text ?? null;
      };
      const an = zalo.driver.createUser('An');
      const group = zalo.driver.createGroup('Tổ NTM', [an]);
      zalo.driver.sendText(an, group, 'chào cả nhà');
      zalo.driver.sendText(an, group, '/status');
      expect(await poll()).toBeNull();
      zalo.driver.sendText(an, group, '/status', { mention: true });
      expect(await poll()).toBe('@Bot Đôn Đốc /status');
      const fromBot = zalo.world.sendByBot(group.id, { text: 'Nhiệm vụ 4' });
      zalo.driver.sendText(an, group, 'xong 4', { replyTo: fromBot });
      expect(await poll()).toBe('xong 4');
    } finally {
      await zalo.stop();
    }
  });
});
