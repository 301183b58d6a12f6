import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Acknowledgements } from '../../src/bot/acknowledgements.js';
import { UserError } from '../../src/bot/errors.js';
import { createRouter, type Feature } from '../../src/bot/router.js';
import { createLogger } from '../../src/logger.js';
import type { Messenger, MessageEvent, OutgoingMessage } from '../../src/messaging/port.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('the router', () => {
  let testDb: TestDatabase;
  let database: Database;
  const sent: OutgoingMessage[] = [];
  const logLines: string[] = [];
  const messenger = {
    platform: 'TELEGRAM',
    async send(_to: unknown, message: OutgoingMessage) {
      sent.push(message);
      return { messageId: sent.length };
    },
  } as unknown as Messenger;

  const failing: Feature = {
    commands: {
      async help() {
        throw new Error('database exploded at /bot123456:SECRET');
      },
      async start() {
        throw new UserError('notice-no-draft');
      },
    },
  };

  let route: ReturnType<typeof createRouter>;
  beforeAll(async () => {
    testDb = await createTestDatabase('sqlite');
    await applyMigrations(parseDatabaseUrl(testDb.url));
    database = await openDatabase(testDb.url);
    const destination = new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) });
    const logger = createLogger({ level: 'info', destination });
    const messengers = new Map([['TELEGRAM' as const, messenger]]);
    route = createRouter(
      { db: database.db, provider: 'sqlite', messengers, logger, timeZone: 'Asia/Ho_Chi_Minh', defaultLocale: 'vi', now: () => new Date(), inviteTtlHours: 48, acknowledgements: new Acknowledgements(messengers, logger) },
      [failing],
    );
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const event = (updateId: string, command: string): MessageEvent => ({
    type: 'message',
    updateId,
    platform: 'TELEGRAM',
    chat: { id: '42', kind: 'PRIVATE', title: 'An', isForum: false },
    threadId: 0,
    from: { id: '42', displayName: 'An', username: null, languageCode: 'vi' },
    date: new Date(),
    messageId: 7,
    text: '',
    command,
    file: null,
    replyTo: null,
  });

  it('answers an unexpected error with an error id that is also in the log, and no stack trace', async () => {
    await route(event('1', 'help'));
    const answer = sent.at(-1)?.html ?? '';
    const id = /<code>([0-9a-f]{8})<\/code>/.exec(answer)?.[1];
    expect(answer).toMatch(/lỗi ngoài ý muốn/);
    expect(id).toBeDefined();
    expect(logLines.some((line) => line.includes(`"errorId":"${id}"`))).toBe(true);
    expect(answer).not.toMatch(/exploded|at \//);
  });

  it('answers a user’s mistake with its Vietnamese explanation', async () => {
    await route(event('2', 'start'));
    expect(sent.at(-1)?.html).toMatch(/Không có bản nháp thông báo nào/);
  });

  it('handles an update id once, however often it arrives', async () => {
    const before = sent.length;
    await route(event('3', 'start'));
    await route(event('3', 'start'));
    expect(sent.length).toBe(before + 1);
  });
});
