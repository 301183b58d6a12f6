import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';
import { chunkZaloText } from '../../src/messaging/zalo/zalo-text.js';
import { startZaloHarness, type ZaloHarness } from './zalo-harness.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');

describe('dondoc on Zalo alone, without a Telegram token', () => {
  const clock = { now: new Date('2020-11-25T02:00:00Z') };
  let h: ZaloHarness;
  let zalo: ZaloEmulator;
  let app: RunningApp;
  beforeAll(async () => {
    h = await startZaloHarness({ now: () => clock.now });
    ({ zalo, app } = h);
  });
  afterAll(async () => h?.stop());

  it('sets up a Zalo office group, takes in a notice in parts, publishes to an official in private, and records the report', async () => {
    const z = zalo.driver;
    // getMe tells only an account handle, as Zalo documents: no display name to look for in mentions.
    expect(app.botUsername).toMatch(/^bot\./);
    const ha = z.createUser('Phạm Thu Hà');
    const an = z.createUser('Nguyễn Văn An', { nameField: 'first_name' });
    const office = z.createGroup('Văn phòng NTM huyện', [ha]);
    const haChat = z.privateChat(ha);
    const anChat = z.privateChat(an);

    // The mention exactly as Zalo's picker writes it, spaces in the name and all.
    const setup = z.sendText(ha, office, '/setup Văn phòng NTM huyện', { mention: true });
    expect(setup.text).toBe('@Bot Đôn Đốc /setup Văn phòng NTM huyện');
    expect((await z.waitForBotMessage(office)).text).toMatch(/Đã đăng ký nhóm này làm nhóm của Văn phòng NTM huyện[\s\S]*gõ @, chọn bot rồi gửi \/invite/);
    z.sendText(ha, office, '/invite', { mention: true });
    const invite = (await z.waitForBotMessage(office, { match: /Mã mời/ })).text;
    expect(invite).toMatch(/nhắn riêng cho bot \(không gửi trong nhóm\): \/join \w+ Tên đơn vị/);
    const code = /\/join (\w+)/.exec(invite)![1]!;
    z.sendText(an, anChat, `/join ${code} Phòng TN&MT`);
    expect((await z.waitForBotMessage(anChat)).text).toMatch(/Bạn đã được liên kết với Phòng TN&MT/);
    await z.waitForBotMessage(office, { match: /Nguyễn Văn An nhận nhiệm vụ qua tin nhắn riêng/ });

    // Help in the Zalo group lists what works there, and says how to address the bot.
    z.sendText(ha, office, '/help', { mention: true });
    const help = (await z.waitForBotMessage(office, { match: /Các lệnh/ })).text;
    expect(help).toMatch(/gõ @ và chọn bot trước mỗi lệnh/);
    expect(help).toMatch(/\/invite/);
    expect(help).not.toMatch(/\/export|\/role/);
    z.sendText(ha, office, '/export', { mention: true });
    expect((await z.waitForBotMessage(office)).text).toMatch(/Lệnh \/export chỉ dùng được trên Telegram/);

    // A notice longer than one Zalo message comes in parts, in the admin's private chat.
    z.sendText(ha, haChat, '/notice');
    expect((await z.waitForBotMessage(haChat, { match: /Hãy gửi nội dung thông báo/ })).text).toMatch(/bằng chữ/);
    for (const part of chunkZaloText(noticeText)) {
      z.sendText(ha, haChat, part);
      await z.waitForBotMessage(haChat, { match: /Đã nhận/ });
    }
    z.sendText(ha, haChat, '/done');
    // A long preview comes in several messages; the numbered choices close the last one.
    const preview = await z.waitForBotMessage(haChat, { match: /\d+ — ✅ Phát hành/, timeoutMs: 15_000 });
    const publish = /(\d+) — ✅ Phát hành/.exec(preview.text)![1]!;

    const beforePublish = z.mark();
    z.sendText(ha, haChat, publish);
    expect((await z.waitForBotMessage(haChat, { match: /Đã phát hành/, timeoutMs: 15_000 })).text).toMatch(/gửi \d+ tin nhắn tới 1 đơn vị/);
    // The choice is confirmed once, by the delivery report.
    expect(z.botMessages(haChat).filter((message) => message.seq > beforePublish)).toHaveLength(1);
    const directive = await z.waitForBotMessage(anChat, { match: /Nhiệm vụ 4/, since: beforePublish });
    expect(directive.text).toMatch(/31\/12\/2020/);
    expect(directive.text).toMatch(/gõ số của một lựa chọn bên dưới, hoặc xong 4 ghi chú/);

    // A numbered choice is one report and one confirmation.
    const inProgress = /(\d+) — ⏳ Đang thực hiện/.exec(directive.text)![1]!;
    const beforeChoice = z.mark();
    z.sendText(an, anChat, inProgress);
    expect((await z.waitForBotMessage(anChat, { match: /Đã ghi nhận/ })).text).toMatch(/nhiệm vụ 4[\s\S]*Đang thực hiện — Nguyễn Văn An/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(z.botMessages(anChat).filter((message) => message.seq > beforeChoice)).toHaveLength(1);

    const report = z.sendText(an, anChat, 'xong 4 đã nộp báo cáo 25/BC-TNMT');
    expect((await z.waitForBotMessage(anChat, { match: /Đã ghi nhận/ })).text).toMatch(/Hoàn thành[\s\S]*25\/BC-TNMT/);
    // The same update again (a retried delivery) is dropped on its message id: one report, one acknowledgement.
    const afterReport = z.mark();
    z.resend(report);
    z.sendText(an, anChat, '/status');
    await z.waitForBotMessage(anChat, { match: /Nhiệm vụ chưa hoàn thành|không còn nhiệm vụ/ });
    // Acknowledgements are sent apart from the chat's queue: give a wrongly repeated one time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(z.botMessages(anChat).filter((message) => message.seq > afterReport && /Đã ghi nhận/.test(message.text))).toHaveLength(0);

    // A group message that does not mention the bot never reaches it.
    const beforeUnmentioned = z.mark();
    z.sendText(ha, office, '/report');
    z.sendText(ha, office, '/report', { mention: true });
    const summary = await z.waitForBotMessage(office, { match: /📊 Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\)/, since: beforeUnmentioned });
    expect(summary.text).toMatch(/Hoàn thành đúng hạn: 1/);
    expect(z.botMessages(office).filter((message) => message.seq > beforeUnmentioned)).toHaveLength(1);

    // Nothing the bot wrote on Zalo asks for a button, a quoted reply or a file, or shows empty brackets.
    const written = zalo.world.messages.filter((message) => message.fromBot).map((message) => message.text);
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((text) => /bấm|(?<!\p{L})nút(?!\p{L})|reply|trả lời tin nhắn|tệp|\.docx|\.pdf|\(\s*\)/iu.test(text))).toEqual([]);
  });
});
