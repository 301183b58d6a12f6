import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';
import { startHarness, type Harness } from './harness.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');

async function noticeDocx(): Promise<Buffer> {
  const paragraphs = noticeText.split('\n').map((line) => new Paragraph({ text: line.replace(/\*\*/g, '') }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

const textOf = (message: Message) => message.text ?? message.caption ?? '';

describe('a unit served on Telegram and Zalo at once', () => {
  const clock = { now: new Date('2020-11-25T02:00:00Z') };
  let zalo: ZaloEmulator;
  let h: Harness;
  beforeAll(async () => {
    zalo = await startZaloEmulator({ botName: 'Bot Đôn Đốc' });
    h = await startHarness({
      now: () => clock.now,
      emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' },
      throttle: false,
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_BOT_NAME: 'Bot Đôn Đốc' },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await zalo?.stop();
  });

  it('links two Zalo officials by private chat and a Telegram group, delivers to all three, and counts one report from either side', async () => {
    const d = h.driver;
    const z = zalo.driver;
    const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky', languageCode: 'vi' });
    const tnmtOnTelegram = d.createUser({ firstName: 'Cán bộ', lastName: 'TNMT', username: 'cb_tnmt' });
    const office = d.createGroup({ title: 'Văn phòng NTM huyện', type: 'supergroup', admins: [secretary] });
    const tnmtGroup = d.createGroup({ title: 'Phòng TN&MT', members: [tnmtOnTelegram] });
    const an = z.createUser('Nguyễn Văn An');
    const binh = z.createUser('Trần Thị Bình');
    const anChat = z.privateChat(an);
    const binhChat = z.privateChat(binh);
    const vphu = z.createUser('Lê Văn Cường');
    const vphuGroup = z.createGroup('VP Huyện ủy', [vphu]);

    d.sendCommand(secretary, office, '/setup', { addressed: true });
    await d.waitForBotMessage(office, { match: /Đã đăng ký nhóm này/ });
    const inviteCode = async () => {
      d.sendCommand(secretary, office, '/invite');
      const invite = textOf(await d.waitForBotMessage(office, { match: /Mã mời/ }));
      // Zalo officials are told where their /join goes.
      expect(invite).toMatch(/Cán bộ dùng Zalo thì nhắn riêng cho bot trên Zalo: \/join \w+ Tên đơn vị/);
      return /\/join (\w+)/.exec(invite)![1]!;
    };

    d.sendCommand(tnmtOnTelegram, tnmtGroup, `/join ${await inviteCode()} Phòng TN&MT`);
    await d.waitForBotMessage(tnmtGroup, { match: /đã được liên kết/ });

    // Join by private chat on Zalo; the office (on Telegram) is told who joined.
    const announced = d.mark();
    z.sendText(an, anChat, `/join ${await inviteCode()} Phòng TN&MT`);
    expect((await z.waitForBotMessage(anChat)).text).toMatch(/Bạn đã được liên kết với Phòng TN&MT/);
    expect(textOf(await d.waitForBotMessage(office, { match: /Nguyễn Văn An nhận nhiệm vụ qua tin nhắn riêng/, since: announced }))).toContain('Phòng TN&MT');
    z.sendText(binh, binhChat, `/thamgia ${await inviteCode()} Phòng Tài nguyên và Môi trường`);
    expect((await z.waitForBotMessage(binhChat)).text).toMatch(/liên kết với Phòng TN&MT/);

    // A Zalo group sees the bot only when it is @mentioned.
    const code = await inviteCode();
    z.sendText(vphu, vphuGroup, `/join ${code} Văn phòng Huyện ủy`);
    z.sendText(vphu, vphuGroup, `/join ${code} Văn phòng Huyện ủy`, { mention: true });
    expect((await z.waitForBotMessage(vphuGroup)).text).toMatch(/Nhóm này đã được liên kết với Văn phòng Huyện ủy[\s\S]*gõ @, chọn bot rồi viết xong SỐ ghi chú/);
    expect(z.botMessages(vphuGroup)).toHaveLength(1);

    d.sendDocument(secretary, office, { data: await noticeDocx(), fileName: 'TB-BCD-Binh-Son.docx', caption: '/notice' });
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
    const publish = d.buttons(preview).find((button) => button.text.includes('Phát hành')) as { callback_data: string };
    const beforePublish = z.mark();
    d.pressButton(secretary, preview, publish.callback_data);
    expect(textOf(await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 }))).toMatch(/gửi \d+ tin nhắn tới 2 đơn vị/);

    // Each Zalo official receives the unit's directive in person, with numbered choices for the buttons.
    const toAn = await z.waitForBotMessage(anChat, { match: /Nhiệm vụ 4/, since: beforePublish });
    expect(toAn.text).toMatch(/31\/12\/2020/);
    expect(toAn.text).not.toMatch(/<b>|&amp;/);
    expect(toAn.text).toMatch(/Báo cáo tiến độ: gõ số của một lựa chọn bên dưới, hoặc xong 4 ghi chú/);
    expect(toAn.text).toMatch(/Trả lời bằng một số để chọn:\n(\d+) — ✅ Hoàn thành\n\d+ — ⏳ Đang thực hiện\n\d+ — ⚠️ Vướng mắc$/);
    const toBinh = await z.waitForBotMessage(binhChat, { match: /Nhiệm vụ 4/, since: beforePublish });
    expect((await z.waitForBotMessage(vphuGroup, { match: /Nhiệm vụ 11/, since: beforePublish })).text).toMatch(/phối hợp/);
    expect(d.botMessages(tnmtGroup).filter((m) => /Nhiệm vụ 4/.test(textOf(m)))).toHaveLength(1);

    // 28/11/2020 is a Saturday, so the reporting day is Friday 27/11: every chat of a unit that
    // has not reported hears of it, the Zalo officials in their private chats too, once.
    clock.now = new Date('2020-11-27T01:00:00Z');
    const beforeReminders = z.mark();
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    for (const chat of [anChat, binhChat, vphuGroup]) {
      const reminder = await z.waitForBotMessage(chat, { match: /ngày báo cáo định kỳ/, since: beforeReminders });
      expect(reminder.text).toMatch(/Ngày 27\/11\/2020 là ngày báo cáo định kỳ/);
      expect(z.botMessages(chat).filter((m) => /ngày báo cáo định kỳ/.test(m.text ?? ''))).toHaveLength(1);
    }
    expect(d.botMessages(tnmtGroup).filter((m) => /ngày báo cáo định kỳ/.test(textOf(m)))).toHaveLength(1);

    // Report by text on Zalo: the ack comes back, the unit's other chats on both platforms are told.
    const beforeReport = d.mark();
    z.sendText(an, anChat, 'đang 4 đã khảo sát hiện trạng');
    expect((await z.waitForBotMessage(anChat, { match: /Đã ghi nhận/ })).text).toMatch(/Đang thực hiện[\s\S]*Nguyễn Văn An[\s\S]*Ghi chú: đã khảo sát hiện trạng/);
    expect((await z.waitForBotMessage(binhChat, { match: /Đã ghi nhận/ })).text).toMatch(/^📣 Phòng TN&MT:/);
    expect(textOf(await d.waitForBotMessage(tnmtGroup, { match: /Đã ghi nhận/, since: beforeReport }))).toMatch(/Phòng TN&MT[\s\S]*Đang thực hiện/);

    // Directive 4 is open until someone reports it done.
    const stillOpen = /^• 4 \(/m;
    z.sendText(an, anChat, '/status');
    expect((await z.waitForBotMessage(anChat, { match: /Nhiệm vụ chưa hoàn thành/ })).text).toMatch(stillOpen);

    // A numbered choice is a button press: Bình reports directive 4 done by its number, and is told so once.
    const beforeChoice = z.mark();
    z.sendText(binh, binhChat, /(\d+) — ✅ Hoàn thành/.exec(toBinh.text)![1]!);
    expect((await z.waitForBotMessage(binhChat, { match: /Đã ghi nhận nhiệm vụ/ })).text).toMatch(/Hoàn thành/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(z.botMessages(binhChat).filter((m) => m.seq > beforeChoice)).toHaveLength(1);

    // /status works the same in the private chat, and one report counts for the unit.
    z.sendText(an, anChat, '/status');
    expect((await z.waitForBotMessage(anChat)).text).not.toMatch(stillOpen);
    d.sendCommand(tnmtOnTelegram, tnmtGroup, '/status');
    expect(textOf(await d.waitForBotMessage(tnmtGroup, { match: /nhiệm vụ/ }))).not.toMatch(stillOpen);

    // The Zalo group reports with a plain mention (ZALO_BOT_NAME names it); a bare number with nothing behind it is answered, not ignored.
    z.sendText(vphu, vphuGroup, 'vướng 11 thiếu nhân lực', { mention: true });
    expect((await z.waitForBotMessage(vphuGroup, { match: /Đã ghi nhận/ })).text).toMatch(/Vướng mắc/);
    z.sendText(an, anChat, '42');
    expect((await z.waitForBotMessage(anChat)).text).toMatch(/không còn hiệu lực/);

    d.sendCommand(secretary, office, '/report');
    const report = textOf(await d.waitForBotMessage(office, { match: /📊 Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\)/ }));
    expect(report).toMatch(/Hoàn thành đúng hạn: 1/);
  });
});
