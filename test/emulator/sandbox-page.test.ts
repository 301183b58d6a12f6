import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import type { Sandbox } from '../../src/emulator/sandbox.js';
import { startTempSandbox, type TempSandbox } from '../support/temp-sandbox.js';

/** Debian's chromium; `.ci/run` installs it when missing, so CI never skips this test. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.resolve('test-artifacts');

describe.skipIf(!existsSync(chromiumPath) && process.env.CI !== 'true')('the sandbox chat page in a browser', () => {
  let temp: TempSandbox;
  let sandbox: Sandbox;
  let context: BrowserContext;

  beforeAll(async () => {
    temp = await startTempSandbox();
    sandbox = temp.sandbox;
    context = await chromium.launchPersistentContext(path.join(temp.directory, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 390, height: 780 },
      // The page speaks the browser's language: Vietnamese here.
      locale: 'vi-VN',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await context?.close();
    await temp?.stop();
  });

  it('lets a secretary send /start@bot in the office group on a phone-sized screen and shows the bot reply', async () => {
    const page = await context.newPage();
    await page.goto(sandbox.pageUrl);
    // The picker names each person with their @username and part, and the roles the bot gave them (none yet).
    await page.getByLabel('Vai').selectOption({ label: 'Nguyễn Thị Thu @thu_vanphong · Thư ký, Văn phòng UBND huyện (chưa có vai trò trong bot)' });
    await page.getByLabel('Cuộc trò chuyện').selectOption({ label: 'Văn phòng UBND huyện (demo)' });
    await page.getByLabel('Tin nhắn').fill(`/start@${sandbox.app.botUsername}`);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    const reply = page.locator('.msg.bot', { hasText: 'Xin chào' });
    await reply.waitFor({ timeout: 15_000 });
    expect(await reply.locator('.who').textContent()).toBe('dondoc');
    const office = sandbox.emulator.driver.botMessages(sandbox.emulator.api.world.chats.get(Number(await page.getByLabel('Cuộc trò chuyện').inputValue()))!.chat);
    expect(office.at(-1)?.text).toMatch(/^Xin chào/);
    // Runs in the page, where `document` exists; the test's own TypeScript has no DOM types.
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'sandbox-page.png'), fullPage: true });
  });
});
