import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { startSandbox, type Sandbox } from '../../src/emulator/sandbox.js';
import { createLogger } from '../../src/logger.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the sandbox on Zalo', () => {
  let sandbox: Sandbox;
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'dondoc-zalo-sandbox-'));
    const config = parseConfig({ HTTP_PORT: '0', DATABASE_URL: `file:${path.join(directory, 'dondoc.db')}`, LOG_LEVEL: 'silent' });
    sandbox = await startSandbox(config, createLogger({ level: 'silent' }));
  });
  afterAll(async () => {
    await sandbox?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('lets a person play a Zalo official through the page API, and the real bot answers', async () => {
    const base = sandbox.app.http.url;
    expect(await (await fetch(`${base}/zalo`)).text()).toContain('dondoc — Zalo');
    const world = (await (await fetch(`${base}/sandbox/zalo/world`)).json()) as { roles: { id: string; name: string }[]; chats: { id: string; type: string }[] };
    const an = world.roles.find((role) => role.name === 'Nguyễn Văn An')!;
    const sent = await fetch(`${base}/sandbox/zalo/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: an.id, chatId: an.id, text: '/start' }) });
    expect(sent.status).toBe(200);
    const deadline = Date.now() + 10_000;
    let answer: { fromName: string; text: string } | undefined;
    while (!answer && Date.now() < deadline) {
      const messages = (await (await fetch(`${base}/sandbox/zalo/messages?chatId=${an.id}`)).json()) as { fromName: string; text: string }[];
      answer = messages.find((message) => message.fromName === 'Bot Đôn Đốc');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answer?.text).toMatch(/Xin chào/);
    expect(answer?.text).not.toMatch(/<\/?b>/);
  });

  it.skipIf(!existsSync(chromiumPath) && process.env.CI !== 'true')('switches from the Telegram page to Zalo in a browser', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 780 } });
      await page.goto(sandbox.pageUrl);
      await page.getByRole('link', { name: 'Zalo' }).click();
      await page.getByLabel('Vai').selectOption({ label: 'Lê Thị Cúc (Cán bộ dùng Zalo)' });
      await page.getByLabel('Tin nhắn').fill('/help');
      await page.getByRole('button', { name: 'Gửi', exact: true }).click();
      await page.locator('.msg:not(.own)', { hasText: '/join' }).first().waitFor({ timeout: 15_000 });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    } finally {
      await browser.close();
    }
  });
});
