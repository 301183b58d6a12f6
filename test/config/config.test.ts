import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

describe('configuration', () => {
  it('runs the sandbox on SQLite when no bot token is set', () => {
    const config = parseConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.databaseUrl).toBe('file:./data/dondoc.db');
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8080 });
  });

  it('uses long polling with a token and a webhook when WEBHOOK_URL is set', () => {
    const token = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(parseConfig({ BOT_TOKEN: token }).mode).toBe('polling');
    const webhook = parseConfig({ BOT_TOKEN: token, WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: 's3cret_ok' });
    expect(webhook.mode).toBe('webhook');
  });

  it('draws a webhook secret for each run when WEBHOOK_SECRET is not set, in the form setWebhook takes', () => {
    const env = { BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', WEBHOOK_URL: 'https://example.org/hook' };
    const secretOf = (config: ReturnType<typeof parseConfig>) => (config.mode === 'webhook' ? config.telegram.webhookSecret : undefined);
    const first = secretOf(parseConfig(env));
    const second = secretOf(parseConfig(env));
    expect(first).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(second).not.toBe(first);
    expect(secretOf(parseConfig({ ...env, WEBHOOK_SECRET: 's3cret_ok' }))).toBe('s3cret_ok');
  });

  it('names each bad variable and what it expects, without echoing the value', () => {
    const badToken = 'not-a-token-but-secret-looking';
    let caught: unknown;
    try {
      parseConfig({ BOT_TOKEN: badToken, HTTP_PORT: '99999', DONDOC_TIMEZONE: 'Mars/Olympus' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toMatch(/^BOT_TOKEN: expected a Telegram bot token/m);
    expect(message).toMatch(/^HTTP_PORT: expected a TCP port number/m);
    expect(message).toMatch(/^DONDOC_TIMEZONE: expected an IANA time zone/m);
    expect(message).not.toContain(badToken);
  });
});
