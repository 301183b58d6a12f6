import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssignmentByMessage, findReportableAssignment, recordStatus, reportableAssignmentsOfUnit, type StatusInput } from '../../src/store/assignments.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { upsertPerson } from '../../src/store/people.js';
import { claimUpdate, forgetProcessedUpdates } from '../../src/store/processed-updates.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from '../support/databases.js';

const providers = await providersUnderTest();

describe.each(providers)('the hot path of every update on %s', (provider) => {
  let testDb: TestDatabase;
  let database: Database;
  let ids: { office: string; unit: string; otherUnit: string; chat: string; people: string[]; assignments: string[]; draftAssignment: string };

  beforeAll(async () => {
    testDb = await createTestDatabase(provider);
    await applyMigrations(parseDatabaseUrl(testDb.url));
    database = await openDatabase(testDb.url);
    const { db } = database;
    const chat = await db.chat.create({ data: { platform: 'TELEGRAM', externalId: '-100', type: 'GROUP', title: 'Phòng Nội vụ' } });
    const office = await db.office.create({ data: { name: 'Văn phòng', deadlineOffsets: [-3, -1, 0] } });
    const unit = await db.unit.create({ data: { officeId: office.id, name: 'Phòng Nội vụ', foldedName: 'phong noi vu' } });
    const otherUnit = await db.unit.create({ data: { officeId: office.id, name: 'Phòng Y tế', foldedName: 'phong y te' } });
    const people = await Promise.all(['1', '2', '3'].map((id) => db.person.create({ data: { platform: 'TELEGRAM', externalId: id, displayName: `Cán bộ ${id}` } })));
    const published = await db.notice.create({ data: { officeId: office.id, state: 'PUBLISHED', number: '7/TB-UBND', recipients: [], warnings: [] } });
    const draft = await db.notice.create({ data: { officeId: office.id, state: 'DRAFT', number: '8/TB-UBND', recipients: [], warnings: [] } });
    const assignments = [];
    for (const [position, ordinal] of ['1', '2', '3.a'].entries()) {
      const directive = await db.directive.create({ data: { noticeId: published.id, position, ordinal, text: `Nhiệm vụ ${ordinal}`, unmatched: [] } });
      assignments.push((await db.assignment.create({ data: { directiveId: directive.id, unitId: position === 2 ? otherUnit.id : unit.id, role: 'LEAD' } })).id);
    }
    const draftDirective = await db.directive.create({ data: { noticeId: draft.id, position: 0, ordinal: '1', text: 'Bản nháp', unmatched: [] } });
    const draftAssignment = (await db.assignment.create({ data: { directiveId: draftDirective.id, unitId: unit.id, role: 'LEAD' } })).id;
    await db.directiveMessage.create({ data: { assignmentId: assignments[1]!, chatId: chat.id, threadId: 0, messageId: 55 } });
    ids = { office: office.id, unit: unit.id, otherUnit: otherUnit.id, chat: chat.id, people: people.map((p) => p.id), assignments, draftAssignment };
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('claims each update id once, also when the same id comes twice at the same time', async () => {
    const { db } = database;
    // The first claim goes alone; the three behind it are written together, the same id twice among them.
    const first = await Promise.all(['899', '900', '900'].map((id) => claimUpdate(db, provider, 'TELEGRAM', id)).concat(claimUpdate(db, provider, 'ZALO', '900')));
    expect(first).toEqual([true, true, false, true]);
    expect(await claimUpdate(db, provider, 'TELEGRAM', '900')).toBe(false);
    expect(await db.processedUpdate.count({ where: { updateId: '900' } })).toBe(2);
  });

  it('forgets update ids older than asked, and then takes such an id as new', async () => {
    const { db } = database;
    await claimUpdate(db, provider, 'TELEGRAM', '700', new Date('2026-11-01T00:00:00Z'));
    await claimUpdate(db, provider, 'TELEGRAM', '701', new Date('2026-11-20T00:00:00Z'));
    expect(await forgetProcessedUpdates(db, new Date('2026-11-19T00:00:00Z'))).toBe(1);
    expect(await claimUpdate(db, provider, 'TELEGRAM', '701')).toBe(false);
    expect(await claimUpdate(db, provider, 'TELEGRAM', '700')).toBe(true);
  });

  it('records the people seen together in one write, keeping a private chat already known', async () => {
    const { db } = database;
    const sender = (id: string, displayName: string) => ({ id, displayName, username: `u${id}`, languageCode: 'vi' });
    const privateChat = await db.chat.create({ data: { platform: 'TELEGRAM', externalId: '501', type: 'PRIVATE' } });
    const first = await upsertPerson(db, provider, 'TELEGRAM', sender('501', 'Nguyễn Văn A'), privateChat.id);
    // Behind the first write: a group message from the same person, a rename in another, and a newcomer.
    const [fromGroup, renamed, newcomer] = await Promise.all([
      upsertPerson(db, provider, 'TELEGRAM', sender('501', 'Nguyễn Văn A'), undefined),
      upsertPerson(db, provider, 'TELEGRAM', sender('501', 'Nguyễn Văn Á'), undefined),
      upsertPerson(db, provider, 'ZALO', sender('501', 'Trần Thị B'), undefined),
    ]);
    expect([fromGroup.id, renamed.id]).toEqual([first.id, first.id]);
    expect(newcomer.id).not.toBe(first.id);
    const stored = await db.person.findUniqueOrThrow({ where: { id: first.id } });
    expect([stored.displayName, stored.privateChatId, stored.username, stored.createdAt.getTime()]).toEqual(['Nguyễn Văn Á', privateChat.id, 'u501', first.createdAt.getTime()]);
    expect(renamed).toEqual(stored);
    expect(await db.person.count({ where: { externalId: '501' } })).toBe(2);
  });

  it('reads what a report needs in one query: a unit’s work on published notices, by button, by the message it was posted as', async () => {
    const { db } = database;
    // Three units asking at once: the first alone, the two behind it in one query.
    const [ofUnit, ofOther, ofNobody] = await Promise.all([ids.unit, ids.otherUnit, 'no-such-unit'].map((id) => reportableAssignmentsOfUnit(db, provider, id)));
    expect(ofUnit!.map((a) => a.ordinal).sort()).toEqual(['1', '2']);
    expect([ofOther!.map((a) => a.ordinal), ofNobody]).toEqual([['3.a'], []]);
    expect(ofUnit!.every((a) => a.noticeNumber === '7/TB-UBND' && a.unitId === ids.unit && a.state === 'NOT_STARTED')).toBe(true);
    const [byButton, missing] = await Promise.all([ids.assignments[2]!, 'no-such-id'].map((id) => findReportableAssignment(db, provider, id)));
    expect(byButton).toMatchObject({ ordinal: '3.a', unitId: ids.otherUnit });
    expect(missing).toBeNull();
    // A button names its assignment whatever the notice's state; the list of a unit shows published work only.
    expect(await findReportableAssignment(db, provider, ids.draftAssignment)).toMatchObject({ noticeNumber: '8/TB-UBND' });
    expect(await findAssignmentByMessage(db, ids.chat, 55)).toMatchObject({ id: ids.assignments[1], ordinal: '2' });
    expect(await findAssignmentByMessage(db, ids.chat, 56)).toBeNull();
  });

  it('writes reports that arrive together in one batch: every report kept, the latest sets the state, each reporter enrolled once', async () => {
    const { db } = database;
    const base = new Date('2026-11-14T01:30:00.123Z');
    const report = (assignment: string, person: string, state: StatusInput['state'], seconds: number, note: string | null): StatusInput => ({
      assignmentId: assignment,
      unitId: ids.unit,
      officeId: ids.office,
      state,
      note,
      evidenceRef: null,
      evidenceFileId: null,
      evidenceFileName: null,
      reporterId: person,
      chatId: ids.chat,
      messageId: seconds === 0 ? null : 1000 + seconds,
      at: new Date(base.getTime() + seconds * 1000),
    });
    const [a1, a2] = ids.assignments as [string, string];
    const [p1, p2] = ids.people as [string, string];
    // A note that looks like a date must stay text; quotes and HTML go through the JSON untouched.
    const tricky = '2026-11-14T01:30:00.000Z <b>"đã xong"</b> \\ 😀';
    await Promise.all([
      recordStatus(db, provider, report(a1, p1, 'IN_PROGRESS', 0, 'đang rà soát')),
      recordStatus(db, provider, report(a1, p1, 'BLOCKED', 1, null)),
      recordStatus(db, provider, report(a1, p2, 'DONE', 2, tricky)),
      recordStatus(db, provider, report(a2, p2, 'IN_PROGRESS', 3, null)),
    ]);

    const history = await db.statusReport.findMany({ where: { assignmentId: a1 }, orderBy: { createdAt: 'asc' } });
    expect(history.map((r) => [r.state, r.note, r.messageId, r.createdAt.toISOString()])).toEqual([
      ['IN_PROGRESS', 'đang rà soát', null, '2026-11-14T01:30:00.123Z'],
      ['BLOCKED', null, 1001, '2026-11-14T01:30:01.123Z'],
      ['DONE', tricky, 1002, '2026-11-14T01:30:02.123Z'],
    ]);
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id: a1 } });
    expect([assignment.state, assignment.lastReportAt?.toISOString(), assignment.completedAt?.toISOString()]).toEqual(['DONE', '2026-11-14T01:30:02.123Z', '2026-11-14T01:30:02.123Z']);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: a2 } })).state).toBe('IN_PROGRESS');
    // Dates written through JSON compare with dates Prisma writes: the report is after the base instant.
    expect(await db.statusReport.count({ where: { createdAt: { gt: base } } })).toBe(3);
    const memberships = await db.membership.findMany({ where: { officeId: ids.office, role: 'OFFICIAL' } });
    expect(memberships.map((m) => [m.personId, m.unitId]).sort()).toEqual([[p1, ids.unit], [p2, ids.unit]].sort());
  });

  it('moves an official to the unit they report for, and a report that cannot be written fails alone', async () => {
    const { db } = database;
    const [, , a3] = ids.assignments as [string, string, string];
    const p3 = ids.people[2]!;
    const moved: StatusInput = { assignmentId: a3, unitId: ids.otherUnit, officeId: ids.office, state: 'DONE', note: null, evidenceRef: null, evidenceFileId: null, evidenceFileName: null, reporterId: p3, chatId: ids.chat, messageId: 7, at: new Date('2026-11-15T02:00:00Z') };
    await recordStatus(db, provider, { ...moved, unitId: ids.unit, assignmentId: ids.assignments[0]!, state: 'IN_PROGRESS' });
    const results = await Promise.allSettled([recordStatus(db, provider, moved), recordStatus(db, provider, { ...moved, assignmentId: 'deleted-assignment' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await db.membership.findFirstOrThrow({ where: { personId: p3, role: 'OFFICIAL' } })).unitId).toBe(ids.otherUnit);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: a3 } })).state).toBe('DONE');
  });
});
