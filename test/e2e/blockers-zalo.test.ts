import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';
import { chunkZaloText } from '../../src/messaging/zalo/zalo-text.js';
import { startZaloHarness, type ZaloHarness } from './zalo-harness.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');

describe('a blocker reported on Zalo', () => {
  const clock = { now: new Date('2020-11-25T02:00:00Z') };
  let h: ZaloHarness;
  let zalo: ZaloEmulator;
  beforeAll(async () => {
    h = await startZaloHarness({ now: () => clock.now });
    ({ zalo } = h);
  });
  afterAll(async () => h?.stop());

  it('takes the next message as the reason, tells the office group, and never re-sends the directive to show its state', async () => {
    const z = zalo.driver;
    const ha = z.createUser('Phạm Thu Hà');
    const an = z.createUser('Nguyễn Văn An', { nameField: 'first_name' });
    const office = z.createGroup('Văn phòng NTM huyện', [ha]);
    const haChat = z.privateChat(ha);
    const anChat = z.privateChat(an);
    z.sendText(ha, office, '/setup Văn phòng NTM huyện', { mention: true });
    await z.waitForBotMessage(office, { match: /Đã đăng ký nhóm này/ });
    z.sendText(ha, office, '/invite', { mention: true });
    const code = /\/join (\w+)/.exec((await z.waitForBotMessage(office, { match: /Mã mời/ })).text)![1]!;
    z.sendText(an, anChat, `/join ${code} Phòng TN&MT`);
    await z.waitForBotMessage(anChat, { match: /Bạn đã được liên kết với Phòng TN&MT/ });

    z.sendText(ha, haChat, '/notice');
    await z.waitForBotMessage(haChat, { match: /Hãy gửi nội dung thông báo/ });
    for (const part of chunkZaloText(noticeText)) {
      z.sendText(ha, haChat, part);
      await z.waitForBotMessage(haChat, { match: /Đã nhận/ });
    }
    z.sendText(ha, haChat, '/done');
    // A long preview comes in several messages; the numbered choices close the last one.
    const preview = await z.waitForBotMessage(haChat, { match: /\d+ — ✅ Phát hành/, timeoutMs: 15_000 });
    z.sendText(ha, haChat, /(\d+) — ✅ Phát hành/.exec(preview.text)![1]!);
    await z.waitForBotMessage(haChat, { match: /Đã phát hành/, timeoutMs: 15_000 });
    const directive = await z.waitForBotMessage(anChat, { match: /Nhiệm vụ 4/ });
    const directives = () => z.botMessages(anChat).filter((message) => /Nhiệm vụ 4\b/.test(message.text) && /Vai trò/.test(message.text)).length;
    expect(directives()).toBe(1);

    // The "Vướng mắc" choice asks why, in Zalo's words, and records nothing yet.
    const officeBefore = z.botMessages(office).length;
    z.sendText(an, anChat, /(\d+) — ⚠️ Vướng mắc/.exec(directive.text)![1]!);
    const question = await z.waitForBotMessage(anChat, { match: /vướng mắc gì/ });
    expect(question.text).toMatch(/Nguyễn Văn An, nhiệm vụ 4 .*vướng mắc gì\? Gửi lý do ngay trong tin nhắn tiếp theo/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(z.botMessages(anChat).some((message) => /Đã ghi nhận/.test(message.text))).toBe(false);
    expect(z.botMessages(office)).toHaveLength(officeBefore);

    // The next message is the reason.
    z.sendText(an, anChat, 'Chưa có kinh phí đối ứng để đo đạc');
    expect((await z.waitForBotMessage(anChat, { match: /Đã ghi nhận[\s\S]*Vướng mắc/ })).text).toMatch(/nhiệm vụ 4[\s\S]*Chưa có kinh phí đối ứng/);
    const alert = await z.waitForBotMessage(office, { match: /Vướng mắc — Phòng TN&MT/ });
    expect(alert.text).toMatch(/TB kết luận ngày 17\/11\/2020 \(xã Bình Sơn\), nhiệm vụ 4: [\s\S]*Lý do: Chưa có kinh phí đối ứng để đo đạc[\s\S]*Nguyễn Văn An, 25\/11\/2020 09:00/);

    // The alert's choice opens the directive's history in the office group.
    z.sendText(ha, office, /(\d+) — 📄 Xem nhiệm vụ/.exec(alert.text)![1]!, { mention: true });
    const history = await z.waitForBotMessage(office, { match: /Nhiệm vụ 4[\s\S]*— Vướng mắc —/ });
    expect(history.text).toMatch(/25\/11\/2020 09:00 — Vướng mắc — Nguyễn Văn An: Chưa có kinh phí đối ứng để đo đạc/);

    // A message after the answer is no longer taken for a reason, and Zalo never got the directive again.
    z.sendText(an, anChat, 'đang 4 Đã có kinh phí');
    await z.waitForBotMessage(anChat, { match: /Đã ghi nhận[\s\S]*Đang thực hiện/ });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(directives()).toBe(1);

    const written = zalo.world.messages.filter((message) => message.fromBot).map((message) => message.text);
    expect(written.filter((text) => /bấm|(?<!\p{L})nút(?!\p{L})|reply|trả lời tin nhắn|tệp|\.docx|\.pdf|\(\s*\)/iu.test(text))).toEqual([]);
  }, 60_000);
});
