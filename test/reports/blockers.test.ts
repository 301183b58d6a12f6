import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardPage } from '../../src/http/dashboard-page.js';
import { openBlockersOf } from '../../src/reports/blockers.js';
import { buildDocxReport } from '../../src/reports/docx-report.js';
import { loadOfficeReport, type OfficeReport } from '../../src/reports/report-data.js';
import { seededDatabase, type SeededDatabase } from './seeded-database.js';

const now = new Date('2021-04-05T02:00:00Z');

describe('"Khó khăn, vướng mắc" in the dashboard and the .docx', () => {
  let seeded: SeededDatabase;
  let report: OfficeReport;
  let blockedCount: number;

  beforeAll(async () => {
    seeded = await seededDatabase({ notices: 1, directives: 4, units: 3 }, now);
    const { db } = seeded.database;
    // One blocker got its reason today, in the unit's own words (with characters HTML must escape).
    const blocked = await db.assignment.findMany({ where: { state: 'BLOCKED' }, orderBy: { id: 'asc' } });
    blockedCount = blocked.length;
    await db.statusReport.create({ data: { assignmentId: blocked[0]!.id, state: 'BLOCKED', note: 'Chờ <Sở> KH&ĐT cho ý kiến', createdAt: now } });
    await db.assignment.update({ where: { id: blocked[0]!.id }, data: { lastReportAt: now } });
    report = (await loadOfficeReport(db, seeded.office, now, null))!;
  });
  afterAll(async () => seeded?.close());

  it('lists every open blocker of a notice, with its reason and how many days it has been open, longest first', () => {
    const blockers = openBlockersOf(report.notices[0]!.rows, report.today);
    expect(blockedCount).toBeGreaterThan(1);
    expect(blockers).toHaveLength(blockedCount);
    expect(blockers.at(-1)).toMatchObject({ reason: 'Chờ <Sở> KH&ĐT cho ý kiến', days: 0 });
    expect(blockers[0]!.days).toBe(2);
    expect(blockers[0]!.reason).toMatch(/^Báo cáo của /);
  });

  it('gives the dashboard a section of blockers, escaped', () => {
    const page = dashboardPage({ report, unitId: null, signedFields: {}, linkExpires: { date: report.today, hour: 9, minute: 0, second: 0 } });
    expect(page).toContain(`<h3>Khó khăn, vướng mắc (${blockedCount})</h3>`);
    expect(page).toContain('<td>Chờ &lt;Sở&gt; KH&amp;ĐT cho ý kiến</td><td>05/04/2021</td><td data-days>báo hôm nay</td>');
    expect(page).toMatch(/<td data-days>đã 2 ngày<\/td>/);
  });

  it('gives the .docx a "Khó khăn, vướng mắc" heading with one paragraph per blocker', async () => {
    const xml = strFromU8(unzipSync(await buildDocxReport(report))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const start = text.indexOf('Khó khăn, vướng mắc');
    expect(start).toBeGreaterThan(0);
    const lines = text.slice(start + 1, start + 1 + blockedCount);
    expect(lines.every((line) => /^- Nhiệm vụ \S+: .+ báo vướng mắc từ ngày \d\d\/\d\d\/\d{4} \((đã \d+ ngày|báo hôm nay)\): .+\.$/.test(line))).toBe(true);
    expect(lines.at(-1)).toContain('(báo hôm nay): Chờ &lt;Sở&gt; KH&amp;ĐT cho ý kiến.');
  });
});
