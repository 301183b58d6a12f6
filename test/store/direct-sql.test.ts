import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/database.js';
import { directSql } from '../../src/store/direct-sql.js';
import { providersUnderTest } from '../support/databases.js';
import { useSeededWorld } from '../support/seeded-world.js';

describe.each(await providersUnderTest())('direct SQL beside Prisma on %s', (provider) => {
  const seeded = useSeededWorld(provider, { offices: 1, unitsPerOffice: 2, assignmentsPerUnit: 1, dueAt: new Date('2025-03-20T10:00:00.000Z'), publishedAt: new Date('2025-03-01T02:00:00.000Z') });
  // Placeholders are the driver's own.
  const p = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');

  it('binds dates and booleans as Prisma stores them, and reads numbers as numbers', async () => {
    const { db } = seeded.database;
    const sql = directSql(db);
    const at = new Date('2025-03-14T01:02:03.456Z');
    const [first] = await db.assignment.findMany({ orderBy: { id: 'asc' }, take: 1 });
    await db.assignment.update({ where: { id: first!.id }, data: { lastReportAt: at } });
    expect(await sql.query(`SELECT "id" FROM "Assignment" WHERE "lastReportAt" = ${p(1)}`, [at])).toEqual([{ id: first!.id }]);
    // A millisecond later is another instant: the comparison is exact, not by day or second.
    expect(await sql.query(`SELECT "id" FROM "Assignment" WHERE "lastReportAt" = ${p(1)}`, [new Date(at.getTime() + 1)])).toEqual([]);

    const [channel] = await db.unitChannel.findMany({ take: 1 });
    await db.unitChannel.update({ where: { id: channel!.id }, data: { remindersMuted: true } });
    expect(await sql.query(`SELECT "id" FROM "UnitChannel" WHERE "remindersMuted" = ${p(1)}`, [true])).toEqual([{ id: channel!.id }]);

    const [count] = await sql.query<{ units: unknown }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "units" FROM "Unit"`);
    expect(count?.units).toBe(2);
  });

  it('says how many rows a statement changed, and Prisma reads the change at once', async () => {
    const { db } = seeded.database;
    const sql = directSql(db);
    const rename = () => sql.execute(`UPDATE "Unit" SET "name" = ${p(1)} WHERE "name" <> ${p(2)}`, ['Xã Tân Phú', 'Xã Tân Phú']);
    expect(await rename()).toBe(2);
    expect((await db.unit.findMany()).map((unit) => unit.name)).toEqual(['Xã Tân Phú', 'Xã Tân Phú']);
    expect(await rename()).toBe(0);
  });

  it('is only there for clients that openDatabase made', () => {
    expect(() => directSql({} as Db)).toThrow(/not opened by openDatabase/);
  });

  it.runIf(provider === 'sqlite')('opens SQLite in WAL mode with foreign keys and a checkpoint every 10,000 pages', async () => {
    const sql = directSql(seeded.database.db);
    expect(await sql.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await sql.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await sql.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 10_000 }]);
  });
});
