import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { startTempSandbox } from '../support/temp-sandbox.js';

/** Debian's chromium; `.ci/run` installs it when missing, so CI never skips this test. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.resolve('test-artifacts');

/** Fills the composer from a guide line (its "Điền" button picks the person and the chat too) and sends it. */
async function playGuideLine(page: Page, action: string, index = 0) {
  const row = page.locator(`[data-action="${action}"]`).nth(index);
  await row.getByRole('button', { name: /^Điền/ }).click();
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.locator(`[data-action="${action}"].done`).nth(index).waitFor({ timeout: 20_000 });
}

async function noHorizontalOverflow(page: Page, width: number) {
  // Runs in the page, where `document` exists; the test's own TypeScript has no DOM types.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

describe.skipIf(!existsSync(chromiumPath) && process.env.CI !== 'true')('the sandbox guide in a browser, from a blank database to a reminder', () => {
  for (const { name, width, height } of [
    { name: 'desktop', width: 1280, height: 860 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    it(`walks setup, invite/join, notice, publish and report, then moves the clock and sees a reminder arrive (${name}, ${width} px)`, async () => {
      const temp = await startTempSandbox();
      const { sandbox } = temp;
      const context = await chromium.launchPersistentContext(path.join(temp.directory, 'profile'), {
        executablePath: chromiumPath,
        headless: true,
        viewport: { width, height },
        locale: 'vi-VN',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      const shot = (page: Page, step: string) => page.screenshot({ path: path.join(artifacts, `sandbox-guide-${name}-${step}.png`) });
      try {
        await mkdir(artifacts, { recursive: true });
        const page = await context.newPage();
        await page.goto(sandbox.pageUrl);
        await page.getByText('Hướng dẫn · 0/5 bước').waitFor();
        // Who you can be, with @usernames; the leader has no role in the bot yet, and the guide says how to give it.
        await expect(page.locator('#people').textContent()).resolves.toMatch(/Lê Phú Quốc @quoc_pct — Lãnh đạo, Phó Chủ tịch UBND huyện; chưa có vai trò trong bot/);
        await expect(page.locator('[data-action="leader-role"] code').textContent()).resolves.toBe('/role @quoc_pct leader');
        await noHorizontalOverflow(page, width);
        await shot(page, '1-blank');

        await playGuideLine(page, 'setup');
        await playGuideLine(page, 'leader-role');
        await page.locator('[data-step="setup"].done').waitFor();
        await expect(page.locator('#people').textContent()).resolves.toMatch(/@quoc_pct — [^;]+; vai trò trong bot: lãnh đạo/);
        // The person picker says it too.
        await expect(page.locator('#role option', { hasText: '@quoc_pct' }).textContent()).resolves.toBe('Lê Phú Quốc @quoc_pct · Lãnh đạo, Phó Chủ tịch UBND huyện (vai trò trong bot: lãnh đạo)');

        for (let unit = 0; unit < 3; unit++) {
          await playGuideLine(page, 'invite');
          // The guide shows the code the bot has just given.
          await page.locator('[data-action="join"] code', { hasText: /^\/join [A-Z0-9]{8} / }).nth(unit).waitFor();
          await playGuideLine(page, 'join', unit);
        }
        await page.locator('[data-step="join"].done').waitFor();

        await playGuideLine(page, 'notice');
        // Published with the preview's button, as a secretary would.
        await page.locator('.msg.bot .keyboard button', { hasText: 'Phát hành' }).click();
        await page.locator('[data-step="publish"].done').waitFor({ timeout: 20_000 });
        await shot(page, '2-published');

        // The official replies to directive 1 with a file: the bot records the report with the file as evidence.
        await page.locator('[data-action="status"]').getByRole('button', { name: /^Điền/ }).click();
        await page.getByLabel('Tin nhắn').fill('');
        const directive = page.locator('.msg.bot', { hasText: 'Nhiệm vụ 1' }).filter({ has: page.locator('.keyboard') }).first();
        await directive.getByRole('button', { name: '↩ Trả lời' }).click();
        await page.locator('#file').setInputFiles({ name: 'bien-ban-ra-soat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 biên bản rà soát') });
        await page.locator('.msg.bot', { hasText: 'bien-ban-ra-soat.pdf' }).waitFor({ timeout: 20_000 });
        await expect(page.locator('.msg.own', { hasText: 'bien-ban-ra-soat.pdf' }).locator('.quote').textContent()).resolves.toMatch(/Nhiệm vụ 1/);
        await page.locator('[data-action="status"].done').waitFor();

        await playGuideLine(page, 'report');
        await page.locator('.msg.bot', { hasText: '📊 Thông báo số 12/TB-UBND' }).waitFor();
        await page.getByText('Hướng dẫn · 5/5 bước').waitFor();
        await noHorizontalOverflow(page, width);
        await shot(page, '3-reported');

        // The clock moves to the next deadline: its reminders reach the unit's chat as on that day.
        await page.locator('#toDeadline').click();
        await page.locator('#clockMoved', { hasText: '(đã dời)' }).waitFor({ timeout: 30_000 });
        expect(sandbox.clock.moved).toBe(true);
        await page.locator('[data-action="join"]').first().getByRole('button', { name: /^Điền/ }).click();
        await page.getByLabel('Tin nhắn').fill('');
        const reminder = page.locator('.msg.bot', { hasText: /⏰ Nhiệm vụ 1 đến hạn ngày \d\d\/\d\d\/\d{4}/ });
        await reminder.waitFor({ timeout: 20_000 });
        await noHorizontalOverflow(page, width);
        await shot(page, '4-reminder');

        // The page holds what a person sends to Telegram's limits before the server does.
        const sentBefore = sandbox.emulator.driver.messages(sandbox.emulator.api.world.chats.get(Number(await page.getByLabel('Cuộc trò chuyện').inputValue()))!.chat).length;
        await page.getByLabel('Tin nhắn').fill('x'.repeat(4097));
        await expect(page.locator('#counter').textContent()).resolves.toBe('4097/4096');
        await page.getByRole('button', { name: 'Gửi', exact: true }).click();
        await page.locator('#statusText.error', { hasText: 'Tin nhắn dài 4097 ký tự; Telegram cho phép tối đa 4096.' }).waitFor();
        await page.getByLabel('Tin nhắn').fill('');
        await page.locator('#file').setInputFiles({ name: 'qua-lon.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(20 * 1024 * 1024 + 1) });
        await page.locator('#statusText.error', { hasText: 'Tệp lớn hơn 20 MB' }).waitFor();
        expect(sandbox.emulator.driver.messages(sandbox.emulator.api.world.chats.get(Number(await page.getByLabel('Cuộc trò chuyện').inputValue()))!.chat)).toHaveLength(sentBefore);
        await shot(page, '5-refused');

        // Back to now; and the guide in English.
        await page.locator('#toNow').click();
        await page.locator('#toNow:disabled').waitFor();
        expect(sandbox.clock.moved).toBe(false);
        await page.locator('#lang', { hasText: 'English' }).click();
        await page.getByText('Guide · 5/5 steps').waitFor();
        await shot(page, '6-english');
      } finally {
        await context.close();
        await temp.stop();
      }
    }, 180_000);
  }
});
