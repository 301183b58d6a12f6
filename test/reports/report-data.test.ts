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

describe('choosing notices by number', () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase({ notices: 12, directives: 1, units: 1 }, now);
  });
  afterAll(async () => seeded?.close());

  /** The numbers of the notices chosen; undefined when none matches. */
  const numbers = async (typed: string | null) => (await loadOfficeReport(seeded.database.db, seeded.office, now, typed))?.notices.map((notice) => notice.number);

  it('“1” is notice 1/TB-BCĐ, not also 10, 11 and 12', async () => {
    expect(await numbers('1')).toEqual(['1/TB-BCĐ']);
    expect(await numbers('1/TB')).toEqual(['1/TB-BCĐ']);
    expect(await numbers('12/TB-BCĐ')).toEqual(['12/TB-BCĐ']);
  });

  it('a part that starts no number still finds every notice containing it; none is null', async () => {
    expect(await numbers('TB-BCĐ')).toHaveLength(12);
    expect(await numbers(null)).toHaveLength(12);
    expect(await numbers('99')).toBeUndefined();
  });
});
