import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';
import { createLogger } from '../../src/logger.js';
import { chunkZaloText } from '../../src/messaging/zalo/zalo-text.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');

describe('dondoc on Zalo alone, without a Telegram token', () => {
  const clock = { now: new Date('2020-11-25T02:00:00Z') };
  let zalo: ZaloEmulator;
  let app: RunningApp;
  let directory: string;
  beforeAll(async () => {
    zalo = await startZaloEmulator({ botName: 'Bot Đôn Đốc' });
    directory = await mkdtemp(path.join(tmpdir(), 'dondoc-zalo-'));
    const config = parseConfig({
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      HTTP_PORT: '0',
      DATABASE_URL: `file:${path.join(directory, 'dondoc.db')}`,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    });
    if (config.mode !== 'zalo') throw new Error(`expected Zalo alone, got ${config.mode}`);
    app = await startApp(config, { logger: createLogger({ level: config.logLevel }), now: () => clock.now });
  });
  afterAll(async () => {
    await app?.stop();
    await zalo?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('sets up a Zalo office group, takes in a notice in parts, publishes to an official in private, and records the report', async () => {
    const z = zalo.driver;
    expect(app.botUsername).toMatch(/^bot\./);
    const ha = z.createUser('Phạm Thu Hà');
    const an = z.createUser('Nguyễn Văn An');
    const office = z.createGroup('Văn phòng NTM huyện', [ha]);
    const haChat = z.privateChat(ha);
    const anChat = z.privateChat(an);

    z.sendText(ha, office, '/setup', { mention: true });
    expect((await z.waitForBotMessage(office)).text).toMatch(/Đã đăng ký nhóm này/);
    z.sendText(ha, office, '/invite', { mention: true });
    const code = /\/join (\w+)/.exec((await z.waitForBotMessage(office, { match: /Mã mời/ })).text)![1]!;
    z.sendText(an, anChat, `/join ${code} Phòng TN&MT`);
    expect((await z.waitForBotMessage(anChat)).text).toMatch(/Bạn đã được liên kết với Phòng TN&MT/);
    await z.waitForBotMessage(office, { match: /Nguyễn Văn An nhận nhiệm vụ qua tin nhắn riêng/ });

    // A notice longer than one Zalo message comes in parts, in the admin's private chat.
    z.sendText(ha, haChat, '/notice');
    await z.waitForBotMessage(haChat, { match: /Hãy gửi nội dung thông báo/ });
    for (const part of chunkZaloText(noticeText)) {
      z.sendText(ha, haChat, part);
      await z.waitForBotMessage(haChat, { match: /Đã nhận/ });
    }
    z.sendText(ha, haChat, '/done');
    const preview = await z.waitForBotMessage(haChat, { match: /Phát hành/, timeoutMs: 15_000 });
    const publish = /(\d+) — ✅ Phát hành/.exec(preview.text)![1]!;

    const beforePublish = z.mark();
    z.sendText(ha, haChat, publish);
    expect((await z.waitForBotMessage(haChat, { match: /Đã phát hành/, timeoutMs: 15_000 })).text).toMatch(/gửi 1 tin nhắn tới 1 đơn vị/);
    const directive = await z.waitForBotMessage(anChat, { match: /Nhiệm vụ 4/, since: beforePublish });
    expect(directive.text).toMatch(/31\/12\/2020/);

    const report = z.sendText(an, anChat, 'xong 4 đã nộp báo cáo 25/BC-TNMT');
    expect((await z.waitForBotMessage(anChat, { match: /Đã ghi nhận/ })).text).toMatch(/Hoàn thành[\s\S]*25\/BC-TNMT/);
    // The same update again (a retried delivery) is dropped on its message id: one report, one acknowledgement.
    const afterReport = z.mark();
    z.resend(report);
    z.sendText(an, anChat, '/status');
    await z.waitForBotMessage(anChat, { match: /không còn nhiệm vụ/ });
    // Acknowledgements are sent apart from the chat's queue: give a wrongly repeated one time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(z.botMessages(anChat).filter((message) => message.seq > afterReport && /Đã ghi nhận/.test(message.text))).toHaveLength(0);

    z.sendText(ha, office, '/report', { mention: true });
    expect((await z.waitForBotMessage(office, { match: /Thông báo số/ })).text).toMatch(/Hoàn thành đúng hạn: 1/);
  });
});
