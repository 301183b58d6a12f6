import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';

describe('Zalo configuration', () => {
  const telegramToken = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';

  it('runs on Zalo alone when ZALO_BOT_TOKEN is set without BOT_TOKEN', () => {
    const config = parseConfig({ ZALO_BOT_TOKEN: '42:zalo-secret-token' });
    expect(config.mode).toBe('zalo');
    expect(config.zalo).toEqual({ token: '42:zalo-secret-token', apiRoot: 'https://bot-api.zaloplatforms.com', webhookUrl: undefined, webhookSecret: undefined, botName: undefined });
  });

  it('takes the name Zalo users see for the bot from ZALO_BOT_NAME, with or without its @', () => {
    expect(parseConfig({ ZALO_BOT_TOKEN: '42:zalo', ZALO_BOT_NAME: '@Bot Đôn Đốc' }).zalo?.botName).toBe('Bot Đôn Đốc');
    expect(parseConfig({ ZALO_BOT_TOKEN: '42:zalo', ZALO_BOT_NAME: 'Bot Đôn Đốc' }).zalo?.botName).toBe('Bot Đôn Đốc');
  });

  it('runs Zalo alongside Telegram, each in its own mode', () => {
    const config = parseConfig({ BOT_TOKEN: telegramToken, ZALO_BOT_TOKEN: '42:zalo', ZALO_WEBHOOK_URL: 'https://bot.example.vn', ZALO_WEBHOOK_SECRET: 'long-enough' });
    expect(config.mode).toBe('polling');
    expect(config.zalo?.webhookUrl).toBe('https://bot.example.vn');
  });

  it('refuses a webhook secret Zalo would refuse, without echoing it', () => {
    expect(() => parseConfig({ ZALO_BOT_TOKEN: '42:zalo', ZALO_WEBHOOK_SECRET: 'short' })).toThrow(/^ZALO_WEBHOOK_SECRET: expected 8 to 256 characters$/m);
  });
});
