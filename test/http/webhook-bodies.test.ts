import { Writable } from 'node:stream';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { telegramWebhookRoute } from '../../src/messaging/telegram/telegram-bot.js';
import { zaloWebhookPath, zaloWebhookRoute } from '../../src/messaging/zalo/webhook-route.js';

const secret = 'the-webhook-secret-of-this-test';

/** A logger whose lines the test reads. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

let http: HttpServer | undefined;
afterEach(async () => {
  await http?.close();
  http = undefined;
});

describe('webhook routes and what they are sent', () => {
  it('Telegram: 400 and one warning line for malformed JSON or a non-update, 413 for an oversized body, and a real update handled', async () => {
    const { logger, lines } = capturedLogger();
    const bot = new Bot('123456:TEST-TOKEN-not-used-for-any-call', { botInfo: { id: 1, is_bot: true, first_name: 'Dondoc', username: 'dondoc_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as UserFromGetMe });
    const handled: number[] = [];
    bot.use((ctx) => void handled.push(ctx.update.update_id));
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [telegramWebhookRoute(bot, secret, logger)], logger });
    const post = (body: string) => fetch(`${http!.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body });

    expect((await post('{"update_id": 7, "message": ')).status).toBe(400);
    expect((await post('{"hello": "world"}')).status).toBe(400);
    expect((await post('')).status).toBe(400);
    expect((await post(`{"update_id": 8, "padding": "${'x'.repeat(2 * 1024 * 1024)}"}`)).status).toBe(413);
    const update = { update_id: 9, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private', first_name: 'A' }, from: { id: 5, is_bot: false, first_name: 'A' }, text: 'hi' } };
    expect((await post(JSON.stringify(update))).status).toBe(200);
    expect(handled).toEqual([9]);

    const warnings = lines.map((line) => JSON.parse(line) as { level: number; msg: string; stack?: string; err?: unknown });
    expect(warnings.filter((line) => /malformed webhook request/.test(line.msg))).toHaveLength(3);
    expect(warnings.every((line) => line.level <= 40 && !line.err && !JSON.stringify(line).includes('    at '))).toBe(true);
    await bot.stop().catch(() => undefined);
  });

  it('Zalo: the same answers for the same bodies', async () => {
    const { logger, lines } = capturedLogger();
    const updates: unknown[] = [];
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [zaloWebhookRoute(secret, (update) => void updates.push(update), logger)], logger });
    const post = (body: string) => fetch(`${http!.url}${zaloWebhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret }, body });
    expect((await post('{"ok": true, "result": ')).status).toBe(400);
    expect((await post(`{"ok": true, "padding": "${'x'.repeat(2 * 1024 * 1024)}"}`)).status).toBe(413);
    expect((await post(JSON.stringify({ ok: true, result: { event_name: 'message.text.received', message: { message_id: 'm1', text: 'hi', chat: { id: 'c', chat_type: 'PRIVATE' }, from: { id: 'u', display_name: 'A' }, date: 0 } } }))).status).toBe(200);
    expect(updates).toHaveLength(1);
    expect(lines.filter((line) => /malformed webhook request/.test(line))).toHaveLength(1);
    expect(lines.some((line) => line.includes('    at '))).toBe(false);
  });
});
