import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard, type Dashboard } from '../../src/http/dashboard.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { seededDatabase, type SeededDatabase } from './seeded-database.js';
import { hostileNote } from './seed-office.js';

/** Debian's chromium; `.ci/run` installs it when missing, so CI never skips this test. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.resolve('test-artifacts');

describe.skipIf(!existsSync(chromiumPath) && process.env.CI !== 'true')('the dashboard in a browser', () => {
  const clock = { now: new Date('2021-04-05T02:00:00Z') };
  let seeded: SeededDatabase;
  let dashboard: Dashboard;
  let http: HttpServer;
  let browser: Browser;
  let page: Page;
  let directory: string;

  beforeAll(async () => {
    seeded = await seededDatabase({ notices: 3, directives: 5, units: 4 }, clock.now);
    const { db } = seeded.database;
    // An overdue assignment's last note carries markup, which the page must show as text.
    const overdue = await db.assignment.findFirstOrThrow({ where: { state: 'NOT_STARTED', directive: { notice: { officeId: seeded.office.id } } } });
    await db.statusReport.create({ data: { assignmentId: overdue.id, state: 'NOT_STARTED', note: hostileNote, createdAt: new Date(clock.now.getTime() - 3_600_000) } });
    dashboard = createDashboard({ db, secret: 'a-test-secret-of-some-length', now: () => clock.now });
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [dashboard.route], logger: createLogger({ level: 'silent' }) });
    dashboard.serveAt(http.url);
    directory = await mkdtemp(path.join(tmpdir(), 'dondoc-dashboard-'));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 390, height: 780 } });
  });

  afterAll(async () => {
    await browser?.close();
    await http?.close();
    await seeded?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  /** Counts straight from the assignments table, by the rules of the four categories. */
  async function countsInDatabase(noticeId: string, unitId?: string) {
    const { db } = seeded.database;
    const where = { directive: { noticeId }, ...(unitId ? { unitId } : {}) };
    const done = { ...where, state: 'DONE' as const };
    const open = { ...where, state: { not: 'DONE' as const } };
    const [total, onTime, late, overdue] = await Promise.all([
      db.assignment.count({ where }),
      db.assignment.count({ where: { ...done, completedAt: { lte: db.assignment.fields.dueAt } } }),
      db.assignment.count({ where: { ...done, completedAt: { gt: db.assignment.fields.dueAt } } }),
      db.assignment.count({ where: { ...open, dueAt: { lt: clock.now } } }),
    ]);
    return { total, ON_TIME: onTime, LATE: late, IN_TIME: total - onTime - late - overdue, OVERDUE: overdue };
  }

  /** What the page shows for each notice section. */
  async function countsOnPage() {
    return page.locator('section.notice').evaluateAll((sections) =>
      sections.map((section) => {
        const count = (category: string) => Number(section.querySelector(`[data-category="${category}"] b`)?.textContent);
        return {
          noticeId: section.getAttribute('data-notice')!,
          total: Number(section.querySelector('[data-total]')?.textContent),
          ON_TIME: count('ON_TIME'),
          LATE: count('LATE'),
          IN_TIME: count('IN_TIME'),
          OVERDUE: count('OVERDUE'),
          overdueRows: section.querySelectorAll('table.overdue tbody tr').length,
        };
      }),
    );
  }

  it('shows per notice the same numbers as the database, readable on a phone', async () => {
    const response = await page.goto(dashboard.linkFor(seeded.office.id).url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-store');
    const shown = await countsOnPage();
    expect(shown).toHaveLength(3);
    for (const { noticeId, overdueRows, ...counts } of shown) {
      const expected = await countsInDatabase(noticeId);
      expect(counts).toEqual(expected);
      expect(overdueRows).toBe(expected.OVERDUE);
      expect(expected.OVERDUE).toBeGreaterThan(0);
    }
    expect(await page.locator('section.notice').first().locator('.unit').count()).toBe(4);
    expect(await page.getByText(hostileNote, { exact: true }).count()).toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });
  });

  it('filters by unit and keeps the link signed', async () => {
    await page.goto(dashboard.linkFor(seeded.office.id).url);
    await page.getByLabel('Đơn vị').selectOption({ label: 'Đảng ủy xã Thuận' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/unit=/);
    const unit = await seeded.database.db.unit.findFirstOrThrow({ where: { officeId: seeded.office.id, name: 'Đảng ủy xã Thuận' } });
    const shown = await countsOnPage();
    expect(shown).toHaveLength(3);
    for (const { noticeId, overdueRows, ...counts } of shown) {
      expect(counts).toEqual(await countsInDatabase(noticeId, unit.id));
      expect(overdueRows).toBe(counts.OVERDUE);
    }
    expect(new Set(await page.locator('table.overdue tbody td:first-child').allTextContents())).toEqual(new Set(['Đảng ủy xã Thuận']));
  });

  it('answers 403 to an expired link and to a tampered one', async () => {
    const link = dashboard.linkFor(seeded.office.id).url;
    const tampered = link.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const otherOffice = link.replace(seeded.office.id, `${seeded.office.id}x`);
    for (const url of [tampered, otherOffice, link.replace(/&sig=.*/, '')]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      expect(await page.locator('h1').textContent()).toBe('Liên kết không hợp lệ.');
    }
    clock.now = new Date(clock.now.getTime() + 24 * 3_600_000 + 1000);
    const expired = await page.goto(link);
    expect(expired?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Liên kết đã hết hạn.');
  });
});
