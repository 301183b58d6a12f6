import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOfficeReport } from '../../src/reports/report-data.js';
import { seededDatabase, type SeededDatabase } from './seeded-database.js';
import { expectedCategory } from './seed-office.js';

const now = new Date('2021-04-05T02:00:00Z');

describe('loading the report rows', () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase({ notices: 1, directives: 25, units: 240 }, now);
  }, 60_000);
  afterAll(async () => seeded?.close());

  it('reads a notice of six thousand assignments, beyond the database’s parameter limit for one query', async () => {
    const report = await loadOfficeReport(seeded.database.db, seeded.office, now, null);
    const rows = report!.notices[0]!.rows;
    expect(rows).toHaveLength(6000);
    expect(rows.map((row) => row.position)).toEqual([...rows.map((row) => row.position)].sort((a, b) => a - b));
    rows.forEach((row, i) => expect(row.category).toBe(expectedCategory(Math.floor(i / 240), seeded.unitNames.indexOf(row.unitName))));
    expect(rows.filter((row) => row.role === 'LEAD')).toHaveLength(25);
  });

  it('finds notices by part of their number, and says when none matches', async () => {
    expect((await loadOfficeReport(seeded.database.db, seeded.office, now, '1/TB'))!.notices).toHaveLength(1);
    expect(await loadOfficeReport(seeded.database.db, seeded.office, now, '99')).toBeNull();
  });
});
