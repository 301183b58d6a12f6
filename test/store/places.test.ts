import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { createOffice, updateOffice } from '../../src/store/offices.js';
import { resolvePlace } from '../../src/store/places.js';
import { linkChannel, removeUnit, renameUnit, setChannelMuted } from '../../src/store/units.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('resolvePlace', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('sqlite');
    await applyMigrations(parseDatabaseUrl(testDb.url));
    database = await openDatabase(testDb.url);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('reuses a place for a while, but forgets it at once when this process changes the office, the unit or its channels', async () => {
    const { db } = database;
    const [officeChat, unitChat, stranger] = await Promise.all(
      ['-1', '-2', '-3'].map((externalId) => db.chat.create({ data: { platform: 'TELEGRAM', externalId, type: 'GROUP', title: externalId } })),
    );
    const founder = await db.person.create({ data: { platform: 'TELEGRAM', externalId: '1', displayName: 'Thư ký' } });
    const office = await createOffice(db, { name: 'Văn phòng', homeChatId: officeChat!.id, founderId: founder.id, timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' });
    const t0 = Date.parse('2026-11-26T00:00:00Z');

    expect((await resolvePlace(db, officeChat!.id, 0, t0)).office?.id).toBe(office.id);
    expect(await resolvePlace(db, stranger!.id, 0, t0)).toEqual({ office: null, unit: null });
    // A group that registers is seen at once: unregistered places are not remembered.
    const unit = await linkChannel(db, { officeId: office.id, unitName: 'Phòng Nội vụ', chatId: unitChat!.id, threadId: 0, actorId: founder.id });
    const place = await resolvePlace(db, unitChat!.id, 0, t0);
    expect([place.unit?.name, place.unit?.office.unitsMayMute, place.unit?.channels.map((c) => c.chat.externalId)]).toEqual(['Phòng Nội vụ', false, ['-2']]);

    // A change behind this process's back (another instance) shows after the time to live…
    await db.unit.update({ where: { id: unit.id }, data: { name: 'Phòng Nội vụ (khác)' } });
    expect((await resolvePlace(db, unitChat!.id, 0, t0 + 1_000)).unit?.name).toBe('Phòng Nội vụ');
    expect((await resolvePlace(db, unitChat!.id, 0, t0 + 11_000)).unit?.name).toBe('Phòng Nội vụ (khác)');

    // …and this process's own changes show at once.
    const later = t0 + 12_000;
    await renameUnit(db, unit.id, 'Phòng Nội vụ huyện');
    expect((await resolvePlace(db, unitChat!.id, 0, later)).unit?.name).toBe('Phòng Nội vụ huyện');
    await updateOffice(db, office.id, { unitsMayMute: true });
    expect((await resolvePlace(db, unitChat!.id, 0, later)).unit?.office.unitsMayMute).toBe(true);
    await setChannelMuted(db, unitChat!.id, 0, true);
    expect((await resolvePlace(db, unitChat!.id, 0, later)).unit?.channels[0]?.remindersMuted).toBe(true);
    await removeUnit(db, unit.id);
    expect((await resolvePlace(db, unitChat!.id, 0, later)).unit).toBeNull();
  });
});
