import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from '../support/databases.js';

const providers = await providersUnderTest();

describe.each(providers)('every model round-trips on %s', (provider) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase(provider);
    await applyMigrations(parseDatabaseUrl(testDb.url));
    database = await openDatabase(testDb.url);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('stores an office with its units, people, notice, directives, status history and outbox, and reads them back', async () => {
    const { db } = database;
    const officeChat = await db.chat.create({ data: { platform: 'TELEGRAM', externalId: '-1001', type: 'SUPERGROUP', title: 'Văn phòng NTM huyện', isForum: true } });
    const office = await db.office.create({ data: { name: 'Văn phòng NTM huyện', deadlineOffsets: [-3, -1, 0], homeChatId: officeChat.id } });
    const unit = await db.unit.create({
      data: {
        officeId: office.id,
        name: 'Phòng Tài nguyên và Môi trường',
        foldedName: 'phong tai nguyen va moi truong',
        aliases: { create: [{ alias: 'Phòng TN&MT', foldedAlias: 'phong tn&mt' }] },
        channels: { create: [{ chatId: officeChat.id, threadId: 7 }] },
      },
    });
    const person = await db.person.create({ data: { platform: 'TELEGRAM', externalId: '42', displayName: 'Lê Phú Quốc', username: 'lpquoc' } });
    await db.membership.create({ data: { personId: person.id, officeId: office.id, role: 'OFFICIAL', unitId: unit.id } });
    const notice = await db.notice.create({
      data: {
        officeId: office.id,
        state: 'PUBLISHED',
        number: '412/TB-UBND',
        issuedOn: new Date('2020-11-17T00:00:00Z'),
        recipients: ['Thường trực Huyện ủy', 'Các phòng, ban'],
        warnings: [],
        sourceText: 'THÔNG BÁO Kết luận …',
        createdById: person.id,
      },
    });
    const directive = await db.directive.create({
      data: { noticeId: notice.id, position: 1, ordinal: '3.a', text: 'Tổng dọn vệ sinh', dueAt: new Date('2020-11-30T10:00:00Z'), dueText: 'trước ngày 30/11/2020', dueKind: 'DATE', unmatched: ['Ban QLDA'], recurrence: { kind: 'monthly', daysOfMonth: [14, 28] } },
    });
    const assignment = await db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, role: 'LEAD', dueAt: directive.dueAt, originalDueAt: directive.dueAt } });
    await db.statusReport.create({ data: { assignmentId: assignment.id, state: 'IN_PROGRESS', note: 'Đang triển khai', reporterId: person.id, chatId: officeChat.id, messageId: 10 } });
    await db.statusReport.create({ data: { assignmentId: assignment.id, state: 'DONE', note: 'Đã tổng dọn ngày 20/12', evidenceRef: '12/BC-UBND', reporterId: person.id } });
    await db.directiveMessage.create({ data: { assignmentId: assignment.id, chatId: officeChat.id, threadId: 7, messageId: 99 } });
    await db.extension.create({ data: { assignmentId: assignment.id, requestedById: person.id, previousDueAt: directive.dueAt, requestedDueAt: new Date('2020-12-15T10:00:00Z'), reason: 'Chờ kinh phí' } });
    const schedule = await db.reportingSchedule.create({ data: { officeId: office.id, noticeId: notice.id, kind: 'REPORT', text: 'báo cáo 2 lần/tháng vào các ngày 14, 28', daysOfMonth: [14, 28], rule: 'monthly:14,28' } });
    await db.reminder.create({ data: { key: `report:${schedule.id}:2020-12-14`, kind: 'report-day', officeId: office.id, chatId: officeChat.id, scheduleId: schedule.id, assignmentId: assignment.id, payload: { units: [unit.id] }, dueAt: new Date('2020-12-14T01:00:00Z') } });
    await db.processedUpdate.create({ data: { platform: 'TELEGRAM', updateId: '1001' } });
    await db.auditLog.create({ data: { officeId: office.id, actorId: person.id, action: 'notice.publish', subject: notice.id, details: { directives: 1 } } });
    await db.inviteCode.create({ data: { codeHash: 'a'.repeat(64), officeId: office.id, createdById: person.id, expiresAt: new Date('2020-11-19T00:00:00Z') } });

    const loaded = await db.office.findUniqueOrThrow({
      where: { id: office.id },
      include: {
        homeChat: true,
        units: { include: { aliases: true, channels: true, memberships: { include: { person: true } } } },
        notices: {
          include: {
            schedules: true,
            directives: { include: { assignments: { include: { reports: { orderBy: { createdAt: 'asc' } }, extensions: true, messages: true } } } },
          },
        },
        invites: true,
        auditLogs: true,
      },
    });
    expect(loaded.homeChat?.title).toBe('Văn phòng NTM huyện');
    expect(loaded.deadlineOffsets).toEqual([-3, -1, 0]);
    const [loadedUnit] = loaded.units;
    expect(loadedUnit?.name).toBe('Phòng Tài nguyên và Môi trường');
    expect(loadedUnit?.aliases.map((a) => a.alias)).toEqual(['Phòng TN&MT']);
    expect(loadedUnit?.channels.map((c) => c.threadId)).toEqual([7]);
    expect(loadedUnit?.memberships[0]?.person.displayName).toBe('Lê Phú Quốc');
    const [loadedNotice] = loaded.notices;
    expect(loadedNotice?.recipients).toEqual(['Thường trực Huyện ủy', 'Các phòng, ban']);
    expect(loadedNotice?.issuedOn?.toISOString()).toBe('2020-11-17T00:00:00.000Z');
    expect(loadedNotice?.schedules[0]?.daysOfMonth).toEqual([14, 28]);
    const loadedDirective = loadedNotice?.directives[0];
    expect(loadedDirective?.recurrence).toEqual({ kind: 'monthly', daysOfMonth: [14, 28] });
    expect(loadedDirective?.unmatched).toEqual(['Ban QLDA']);
    const loadedAssignment = loadedDirective?.assignments[0];
    expect(loadedAssignment?.reports.map((r) => r.state)).toEqual(['IN_PROGRESS', 'DONE']);
    expect(loadedAssignment?.reports[1]?.evidenceRef).toBe('12/BC-UBND');
    expect(loadedAssignment?.extensions[0]?.state).toBe('PENDING');
    expect(loadedAssignment?.messages[0]?.messageId).toBe(99);
    const reminder = await db.reminder.findFirst({ where: { assignmentId: loadedAssignment?.id } });
    expect(reminder?.payload).toEqual({ units: [unit.id] });
    expect(loaded.invites[0]?.expiresAt.toISOString()).toBe('2020-11-19T00:00:00.000Z');
    expect(loaded.auditLogs[0]?.details).toEqual({ directives: 1 });
    expect(await db.processedUpdate.count()).toBe(1);
  });

  it('refuses a second reminder with the same occurrence key and a second copy of an update', async () => {
    const { db } = database;
    const reminder = await db.reminder.findFirstOrThrow();
    await expect(db.reminder.create({ data: { key: reminder.key, kind: 'x', officeId: reminder.officeId, chatId: reminder.chatId, payload: {}, dueAt: new Date() } })).rejects.toMatchObject({ code: 'P2002' });
    await expect(db.processedUpdate.create({ data: { platform: 'TELEGRAM', updateId: '1001' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('deletes a unit’s channels and assignments with it, through foreign keys', async () => {
    const { db } = database;
    const unit = await db.unit.findFirstOrThrow();
    await db.unit.delete({ where: { id: unit.id } });
    expect(await db.unitChannel.count({ where: { unitId: unit.id } })).toBe(0);
    expect(await db.assignment.count({ where: { unitId: unit.id } })).toBe(0);
  });
});
