import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot, webhookCallback } from 'grammy';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';

/** Webhook delivery to a plain grammY `webhookCallback`, as the app will mount it. */
describe('webhook delivery', () => {
  let emulator: Emulator;
  let server: Server;
  let hookUrl: string;
  let failuresLeft = 0;
  const received: number[] = [];
  const texts: string[] = [];

  beforeEach(async () => {
    emulator = await startEmulator({ rateLimits: false, webhookRetryBaseMs: 50, webhookRetryMaxMs: 200 });
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    bot.use(async (ctx, next) => {
      received.push(ctx.update.update_id);
      await next();
    });
    bot.on('message:text', (ctx) => {
      texts.push(ctx.message.text);
    });
    const handle = webhookCallback(bot, 'http', { secretToken: 'hemmelig_123' });
    received.length = 0;
    texts.length = 0;
    failuresLeft = 0;
    server = createServer((req, res) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(500).end();
        return;
      }
      void handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
    await bot.init();
    await bot.api.setWebhook(hookUrl, { secret_token: 'hemmelig_123' });
  });

  afterEach(async () => {
    await emulator.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts updates in order with the secret token header, which grammY checks', async () => {
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    for (const text of ['một', 'hai', 'ba']) driver.sendText(user, driver.privateChat(user), text);
    await expect.poll(() => texts).toEqual(['một', 'hai', 'ba']);
    expect(received[1]).toBe(received[0]! + 1);
    const info = await fetch(`${emulator.apiRoot}/bot${emulator.token}/getWebhookInfo`).then((r) => r.json() as Promise<any>);
    expect(info.result).toMatchObject({ url: hookUrl, pending_update_count: 0, has_custom_certificate: false, max_connections: 40 });
  });

  it('retries a failed delivery with the same update, keeping the order, and reports the error', async () => {
    failuresLeft = 2;
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    driver.sendText(user, driver.privateChat(user), 'một');
    driver.sendText(user, driver.privateChat(user), 'hai');
    await expect.poll(() => texts).toEqual(['một', 'hai']);
    const info = await fetch(`${emulator.apiRoot}/bot${emulator.token}/getWebhookInfo`).then((r) => r.json() as Promise<any>);
    expect(info.result.last_error_message).toBe('Wrong response from the webhook: 500 Internal Server Error');
    expect(typeof info.result.last_error_date).toBe('number');
  });

  it('refuses a request without the right secret (grammY answers 401), which counts as a failed delivery', async () => {
    await fetch(`${emulator.apiRoot}/bot${emulator.token}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: hookUrl, secret_token: 'wrong_secret' }),
    });
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    driver.sendText(user, driver.privateChat(user), 'một');
    await expect.poll(async () => (await fetch(`${emulator.apiRoot}/bot${emulator.token}/getWebhookInfo`).then((r) => r.json() as Promise<any>)).result.last_error_message).toBe(
      'Wrong response from the webhook: 401 Unauthorized',
    );
    expect(texts).toEqual([]);
  });

  it('can repeat a delivery with the same update_id', async () => {
    emulator.driver.faults.duplicateNextWebhookDeliveries(1);
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    driver.sendText(user, driver.privateChat(user), 'một');
    await expect.poll(() => received.length).toBe(2);
    expect(received[0]).toBe(received[1]);
  });

  it('drops pending updates on request', async () => {
    failuresLeft = 1_000;
    const { driver } = emulator;
    const user = driver.createUser({ firstName: 'Lan' });
    driver.sendText(user, driver.privateChat(user), 'một');
    const dropped = await fetch(`${emulator.apiRoot}/bot${emulator.token}/deleteWebhook?drop_pending_updates=true`).then((r) => r.json() as Promise<any>);
    expect(dropped).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
    const info = await fetch(`${emulator.apiRoot}/bot${emulator.token}/getWebhookInfo`).then((r) => r.json() as Promise<any>);
    expect(info.result).toEqual({ url: '', has_custom_certificate: false, pending_update_count: 0 });
  });
});
