import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxEntry } from '../../src/store/outbox.js';
import { providersUnderTest } from '../support/databases.js';
import { useSeededWorld } from '../support/seeded-world.js';

describe.each(await providersUnderTest())('the outbox insert on %s', (provider) => {
  const seeded = useSeededWorld(provider, { offices: 1, unitsPerOffice: 1, assignmentsPerUnit: 1, dueAt: new Date('2025-03-20T10:00:00Z'), publishedAt: new Date('2025-03-01T02:00:00Z') });

  it('stores every column of the entries as given, once per key', async () => {
    const { db } = seeded.database;
    const [office, schedule, assignment, chat] = await Promise.all([db.office.findFirstOrThrow(), db.reportingSchedule.findFirstOrThrow(), db.assignment.findFirstOrThrow(), db.chat.findFirstOrThrow()]);
    const entries: OutboxEntry[] = [
      {
        key: 'report:u:2025-03-14:c:7',
        kind: 'report',
        officeId: office.id,
        chatId: chat.id,
        threadId: 7,
        assignmentId: null,
        scheduleId: schedule.id,
        payload: { date: '14/03/2025', unit: 'UBND xã Tân Phú', items: [{ ordinal: '2', notice: '55/TB-BCĐ "khẩn"', due: null }] },
        dueAt: new Date('2025-03-14T01:00:00.000Z'),
      },
      { key: 'deadline:a:2025-03-20:-1:c:0', kind: 'deadline-before', officeId: office.id, chatId: chat.id, threadId: 0, assignmentId: assignment.id, scheduleId: null, payload: { date: '19/03/2025', items: [] }, dueAt: new Date('2025-03-19T01:00:00.000Z') },
    ];
    const outbox = createOutbox(db, provider);
    expect(await outbox.insert(entries)).toBe(2);
    expect(await outbox.insert(entries)).toBe(0);
    const rows = await db.reminder.findMany({ orderBy: { key: 'desc' } });
    expect(rows.map(({ key, kind, officeId, chatId, threadId, assignmentId, scheduleId, payload, dueAt, state }) => ({ key, kind, officeId, chatId, threadId, assignmentId, scheduleId, payload, dueAt, state }))).toEqual(
      entries.map((entry) => ({ ...entry, state: 'PENDING' })),
    );
  });

  it('claims rows with their chat and office, and fails a row whose office is gone instead of returning it', async () => {
    const { db } = seeded.database;
    await db.reminder.deleteMany();
    const [office, chat] = await Promise.all([db.office.findFirstOrThrow(), db.chat.findFirstOrThrow()]);
    const row = (key: string, officeId: string): OutboxEntry => ({ key, kind: 'report', officeId, chatId: chat.id, threadId: 0, assignmentId: null, scheduleId: null, payload: { date: '14/03/2025', items: [] }, dueAt: new Date('2025-03-14T01:00:00.000Z') });
    const outbox = createOutbox(db, provider);
    // The outbox keeps no foreign key to the office (see the schema): an unknown id is stored.
    await outbox.insert([row('kept', office.id), row('orphan', 'no-such-office')]);
    const claimed = await outbox.claim('sender-1', new Date('2025-03-14T02:00:00.000Z'), { chats: 10 });
    expect(claimed.map((reminder) => [reminder.key, reminder.office.name, reminder.chat.id])).toEqual([['kept', office.name, chat.id]]);
    const orphan = await db.reminder.findUniqueOrThrow({ where: { key: 'orphan' } });
    expect([orphan.state, orphan.lastError]).toEqual(['FAILED', 'the office no longer exists']);
  });
});
