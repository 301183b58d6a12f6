import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');

async function noticeDocx(): Promise<Buffer> {
  const paragraphs = noticeText.split('\n').map((line) => new Paragraph({ text: line.replace(/\*\*/g, '') }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

const textOf = (message: Message) => message.text ?? message.caption ?? '';

describe('a notice from intake to report, through Telegram', () => {
  // 09:00 on 25/11/2020 in Hà Nội: after the meeting of 17/11, before the first deadline.
  const clock = { now: new Date('2020-11-25T02:00:00Z') };
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => clock.now, emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false });
  });
  afterAll(async () => h?.stop());

  it('sets up the office, links three units (one as a forum topic), publishes the .docx and collects reports', async () => {
    const d = h.driver;
    const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky', languageCode: 'vi' });
    const tnmt = d.createUser({ firstName: 'Cán bộ', lastName: 'TNMT', username: 'cb_tnmt' });
    const kthtOfficial = d.createUser({ firstName: 'Cán bộ', lastName: 'KTHT', username: 'cb_ktht' });
    const vphu = d.createUser({ firstName: 'Cán bộ', lastName: 'VPHU', username: 'cb_vphu' });

    const office = d.createGroup({ title: 'Văn phòng NTM huyện', type: 'supergroup', admins: [secretary] });
    const tnmtGroup = d.createGroup({ title: 'Phòng TN&MT', members: [tnmt] });
    const district = d.createGroup({ title: 'Các phòng huyện', type: 'supergroup', forum: true, members: [kthtOfficial] });
    const kthtTopic = d.createTopic(district, 'Phòng Kinh tế - Hạ tầng', kthtOfficial);
    const vphuGroup = d.createGroup({ title: 'VP Huyện ủy', members: [vphu] });

    // A group nobody registered answers with how to register, and nothing else.
    d.sendCommand(tnmt, tnmtGroup, '/status');
    expect(textOf(await d.waitForBotMessage(tnmtGroup))).toMatch(/chưa được đăng ký/);

    d.sendCommand(secretary, office, '/setup', { addressed: true });
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/Đã đăng ký nhóm này/);

    const join = async (user: typeof tnmt, chat: Parameters<typeof d.sendCommand>[1], name: string, threadId?: number) => {
      d.sendCommand(secretary, office, '/invite');
      const invite = await d.waitForBotMessage(office, { match: /Mã mời/ });
      const code = /\/join (\w+)/.exec(textOf(invite))?.[1];
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      d.sendCommand(user, chat, `/join ${code} ${name}`, threadId ? { threadId } : {});
      await d.waitForBotMessage(chat, { match: /đã được liên kết/, ...(threadId ? { threadId } : {}) });
    };
    await join(tnmt, tnmtGroup, 'Phòng TN&MT');
    await join(kthtOfficial, district, 'Phòng Kinh tế - Hạ tầng', kthtTopic.message_thread_id);
    await join(vphu, vphuGroup, 'Văn phòng Huyện ủy');

    const beforeNotice = d.mark();
    d.sendDocument(secretary, office, { data: await noticeDocx(), fileName: 'TB-BCD-Binh-Son.docx', caption: '/notice' });
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
    // A long preview comes in several messages, each within Telegram's 4096 characters; buttons on the last.
    const previewText = d.botMessages(office).filter((m) => m.message_id > 0 && m.message_id <= preview.message_id).slice(-4).map(textOf).join('\n');
    expect(beforeNotice).toBeGreaterThan(0);
    expect(previewText).toMatch(/11 nhiệm vụ/);
    expect(previewText).toMatch(/Chủ trì: Phòng TN&MT/);
    expect(previewText).toMatch(/31\/12\/2020/);
    expect(previewText).toMatch(/31\/03\/2021/);
    expect(previewText).toMatch(/ngày 14, 28/);
    expect(previewText).toMatch(/Tổng hợp ngày 15, 30/);
    // "ngay từ bây giờ" is taken as the day of the meeting, already past: the secretary is told, with the fix.
    expect(previewText).toMatch(/Nhiệm vụ 3: “ngay” được tính là 17\/11\/2020, đã qua \(hôm nay 25\/11\/2020\): sửa bằng \/due 3 dd\/mm\/yyyy/);

    const publish = d.buttons(preview).find((button) => button.text.includes('Phát hành'));
    d.pressButton(secretary, preview, (publish as { callback_data: string }).callback_data);
    const summary = await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 });
    // As a reader routes it with these three units: 4 and 8 to TN&MT, 7 and 8 to KT-HT, 11 to
    // Văn phòng Huyện ủy ("các ban, phòng, ngành cấp huyện" in 8 reaches both departments); what
    // is meant for xã Bình Sơn, which has not joined, waits for it.
    expect(textOf(summary)).toMatch(/gửi 5 tin nhắn tới 3 đơn vị/);
    expect(textOf(summary)).toMatch(/Nhiệm vụ 3: thời hạn 17\/11\/2020 đã qua khi phát hành \(hôm nay 25\/11\/2020\)/);
    // The preview's buttons are gone once it is published.
    for (const message of d.botMessages(office).filter((m) => /Bản nháp thông báo/.test(textOf(m)))) expect(d.buttons(message)).toEqual([]);

    const directivesIn = (chat: Parameters<typeof d.botMessages>[0], threadId?: number) =>
      d.botMessages(chat, threadId ? { threadId } : {}).filter((m) => /Nhiệm vụ \d+/.test(textOf(m)));
    const directive = (messages: Message[], ordinal: string) => messages.find((m) => new RegExp(`Nhiệm vụ ${ordinal}\\b`).test(textOf(m)));
    const toTnmt = directive(directivesIn(tnmtGroup), '4');
    expect(textOf(toTnmt!)).toMatch(/chủ trì[\s\S]*31\/12\/2020/);
    expect(directive(directivesIn(tnmtGroup), '8')).toBeDefined();
    const toKtht = directive(directivesIn(district, kthtTopic.message_thread_id), '7');
    expect(textOf(toKtht!)).toMatch(/31\/03\/2021/);
    expect(directive(directivesIn(district, kthtTopic.message_thread_id), '8')).toBeDefined();
    const [toVphu, ...moreVphu] = directivesIn(vphuGroup);
    expect(moreVphu).toHaveLength(0);
    expect(textOf(toVphu!)).toMatch(/Nhiệm vụ 11\b[\s\S]*phối hợp/);

    // By button.
    const done = d.buttons(toTnmt!).find((button) => button.text.includes('Hoàn thành')) as { callback_data: string };
    const press = d.pressButton(tnmt, toTnmt!, done.callback_data);
    expect((await press.waitForAnswer()).text).toMatch(/Hoàn thành/);
    expect(textOf(await d.waitForBotMessage(tnmtGroup, { match: /Đã ghi nhận/ }))).toMatch(/Nhiệm vụ 4|nhiệm vụ 4/);

    // By reply with a file.
    d.sendDocument(kthtOfficial, district, { data: 'Dự thảo kế hoạch xúc tiến đầu tư', fileName: 'du-thao.txt', caption: 'đang thực hiện, đã có dự thảo' }, { replyTo: toKtht!, threadId: kthtTopic.message_thread_id });
    const ack = await d.waitForBotMessage(district, { match: /Đã ghi nhận/, threadId: kthtTopic.message_thread_id });
    expect(textOf(ack)).toMatch(/Đang thực hiện[\s\S]*du-thao\.txt/);

    // By command, with markup in the note that must come back escaped, not rendered.
    d.sendCommand(vphu, vphuGroup, '/status 11 vướng <b>thiếu</b> nhân lực');
    const vphuAck = await d.waitForBotMessage(vphuGroup, { match: /Đã ghi nhận/ });
    expect(textOf(vphuAck)).toContain('<b>thiếu</b> nhân lực');
    // An unnumbered notice is named by its short title, never "TB (chưa có số)".
    expect(textOf(vphuAck)).toContain('(TB kết luận ngày 17/11/2020 (xã Bình Sơn))');

    // A unit cannot report on another unit's directive.
    d.sendCommand(vphu, vphuGroup, '/status 4 xong');
    expect(textOf(await d.waitForBotMessage(vphuGroup))).toMatch(/không có nhiệm vụ số 4/);

    d.sendCommand(secretary, office, '/report');
    const report = textOf(await d.waitForBotMessage(office, { match: /📊 Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\)/ }));
    expect(report).toMatch(/Hoàn thành đúng hạn: 1/);
    expect(report).toMatch(/Đang thực hiện, trong hạn: 3/);
    // A blocked directive is counted apart from the work going to plan (issue 17).
    expect(report).toMatch(/Vướng mắc, còn trong hạn: 1/);
    expect(report).toMatch(/Quá hạn, chưa hoàn thành: 0/);

    // Months later the KT-HT directive (due 31/03/2021) is overdue.
    clock.now = new Date('2021-04-05T02:00:00Z');
    d.sendCommand(secretary, office, '/report');
    const later = textOf(await d.waitForBotMessage(office, { match: /📊 Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\)/ }));
    expect(later).toMatch(/Quá hạn, chưa hoàn thành: 1/);
    expect(later).toMatch(/Phòng Kinh tế - Hạ tầng: [^\n]*NV 7 \(hạn 31\/03\/2021, quá hạn 5 ngày\)/);
  });
});
