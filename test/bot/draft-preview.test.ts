import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotServices } from '../../src/bot/context.js';
import { editPreview, retirePreview } from '../../src/bot/draft-preview.js';
import { createLogger } from '../../src/logger.js';
import type { Address, Messenger, OutgoingMessage } from '../../src/messaging/port.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { createDraftNotice, rememberPreview, saveDraftContent, type DraftDirective } from '../../src/store/notices.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { draftContentWith } from '../support/draft-content.js';

/** A messenger that records edits, sends and buttons taken off, numbering new messages from 100. */
function recordingMessenger(failEdits = false) {
  const edits: { messageId: number; message: OutgoingMessage }[] = [];
  const sends: OutgoingMessage[] = [];
  const unbuttoned: number[] = [];
  const messenger = {
    platform: 'TELEGRAM',
    async removeButtons(_to: Address, messageId: number) {
      unbuttoned.push(messageId);
    },
    async edit(_to: Address, messageId: number, message: OutgoingMessage) {
      if (failEdits) throw new Error('Bad Request: message to edit not found');
      edits.push({ messageId, message });
    },
    async send(_to: Address, message: OutgoingMessage) {
      sends.push(message);
      return { messageId: 100 + sends.length };
    },
  } as unknown as Messenger;
  return { messenger, edits, sends, unbuttoned };
}

const longDirective = (n: number): DraftDirective => ({
  ordinal: String(n),
  text: 'Rà soát, hoàn thiện hồ sơ các tiêu chí xây dựng nông thôn mới nâng cao của xã, báo cáo kết quả về Văn phòng điều phối. '.repeat(3),
  dueAt: null,
  dueText: null,
  dueKind: 'NONE',
  recurrence: null,
  phrases: { lead: [], support: [], persons: [], leadSource: 'none' },
  lead: [],
  support: [],
  flags: [],
  persons: [],
});

describe('editing a draft’s preview in place', () => {
  let testDb: TestDatabase;
  let database: Database;
  let noticeId: string;
  const services = (messenger: Messenger) =>
    ({ db: database.db, messengers: new Map([['TELEGRAM', messenger]]), logger: createLogger({ level: 'silent' }), defaultLocale: 'vi', now: () => new Date('2020-12-04T02:00:00Z') }) as unknown as BotServices;

  beforeAll(async () => {
    testDb = await createTestDatabase('sqlite');
    await applyMigrations(parseDatabaseUrl(testDb.url));
    database = await openDatabase(testDb.url);
    const { db } = database;
    const office = await db.office.create({ data: { name: 'Văn phòng', deadlineOffsets: [-3, -1, 0] } });
    const chat = await db.chat.create({ data: { platform: 'TELEGRAM', externalId: '-100', type: 'SUPERGROUP' } });
    const person = await db.person.create({ data: { platform: 'TELEGRAM', externalId: '1', displayName: 'Thư Ký' } });
    const notice = await createDraftNotice(db, { officeId: office.id, createdById: person.id, chatId: chat.id, sourceText: '…' });
    noticeId = notice.id;
    await saveDraftContent(db, notice.id, office.id, draftContentWith({ number: '12/TB-UBND', directives: Array.from({ length: 28 }, (_, i) => longDirective(i + 1)) }));
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('edits every message of a preview that took several, with the buttons on the last', async () => {
    await rememberPreview(database.db, noticeId, (await database.db.chat.findFirstOrThrow()).id, [7, 8, 9]);
    const { messenger, edits, sends } = recordingMessenger();
    await editPreview(services(messenger), noticeId);
    expect(edits.map((edit) => edit.messageId)).toEqual([7, 8, 9]);
    expect(edits.map((edit) => Boolean(edit.message.buttons))).toEqual([false, false, true]);
    expect(edits[0]!.message.html).toMatch(/0\/28 nhiệm vụ đã giao/);
    expect(sends).toEqual([]);
  });

  it('sends the part a grown preview needs after the last message, and moves the buttons there', async () => {
    await rememberPreview(database.db, noticeId, (await database.db.chat.findFirstOrThrow()).id, [7, 8]);
    const { messenger, edits, sends } = recordingMessenger();
    await editPreview(services(messenger), noticeId);
    expect(edits.map((edit) => [edit.messageId, Boolean(edit.message.buttons)])).toEqual([
      [7, false],
      [8, false],
    ]);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.buttons).toBeDefined();
    const notice = await database.db.notice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(notice.previewMessageIds).toEqual([7, 8, 101]);
    expect(notice.draftMessageId).toBe(101);
  });

  it('posts the preview anew when it cannot be edited any more, and remembers the new copy and the old one', async () => {
    await rememberPreview(database.db, noticeId, (await database.db.chat.findFirstOrThrow()).id, [7, 8, 9]);
    const { messenger, sends } = recordingMessenger(true);
    await expect(editPreview(services(messenger), noticeId)).resolves.toBe('posted');
    expect(sends).toHaveLength(3);
    expect(sends.map((message) => Boolean(message.buttons))).toEqual([false, false, true]);
    const notice = await database.db.notice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(notice.state).toBe('DRAFT');
    expect(notice.previewMessageIds).toEqual([101, 102, 103]);
    expect(notice.draftMessageId).toBe(103);
    expect((notice.stalePreviewIds as { messageId: number }[]).map((message) => message.messageId)).toEqual([7, 8, 9]);
  });

  it('takes the buttons off every copy of the preview it ever posted, old and current', async () => {
    const { messenger, unbuttoned } = recordingMessenger();
    await retirePreview(services(messenger), noticeId);
    expect(unbuttoned).toEqual([7, 8, 9, 101, 102, 103]);
  });
});
