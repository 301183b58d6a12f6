import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('logs', () => {
  const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
  const secret = 'webhook-secret-value';

  it('never contain the bot token or webhook secret, in messages, fields or errors', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', secrets: [token, secret], destination });
    logger.info({ url: `https://api.telegram.org/bot${token}/getMe` }, `calling bot${token}`);
    logger.info({ token, webhookSecret: secret, headers: { 'x-telegram-bot-api-secret-token': secret } }, 'config');
    logger.error({ err: new Error(`request to /bot${token}/sendMessage failed, secret ${secret}`) }, 'failed');
    const output = lines.join('');
    expect(lines).toHaveLength(3);
    expect(output).not.toContain(token);
    expect(output).not.toContain(secret);
    expect(output).toContain('[token]');
  });
});
