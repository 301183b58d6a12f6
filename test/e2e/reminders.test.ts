import { readFileSync } from 'node:fs';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');
const textOf = (message: Message) => message.text ?? message.caption ?? '';
/** 08:00 on a date in Hà Nội (UTC+7). */
const at8 = (iso: string) => new Date(`${iso}T01:00:00Z`);

describe('reminders of the seed 004 notice, through Telegram', () => {
  const clock = { now: new Date('2020-11-25T02:00:00Z') };
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => clock.now, emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false });
  });
  afterAll(async () => h?.stop());

  it('reminds units that have not reported on the 14th and 28th, and sends the office its summary on the 15th and 30th', async () => {
    const d = h.driver;
    const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky' });
    const tnmt = d.createUser({ firstName: 'Cán bộ', lastName: 'TNMT' });
    const ktht = d.createUser({ firstName: 'Cán bộ', lastName: 'KTHT' });
    const vphu = d.createUser({ firstName: 'Cán bộ', lastName: 'VPHU' });
    const office = d.createGroup({ title: 'Văn phòng NTM huyện', type: 'supergroup', admins: [secretary] });
    const tnmtGroup = d.createGroup({ title: 'Phòng TN&MT', members: [tnmt] });
    const kthtGroup = d.createGroup({ title: 'Phòng KT-HT', members: [ktht] });
    const vphuGroup = d.createGroup({ title: 'VP Huyện ủy', members: [vphu] });

    d.sendCommand(secretary, office, '/setup', { addressed: true });
    await d.waitForBotMessage(office, { match: /Đã đăng ký nhóm này/ });
    for (const [user, group, name] of [
      [tnmt, tnmtGroup, 'Phòng TN&MT'],
      [ktht, kthtGroup, 'Phòng Kinh tế - Hạ tầng'],
      [vphu, vphuGroup, 'Văn phòng Huyện ủy'],
    ] as const) {
      d.sendCommand(secretary, office, '/invite');
      const code = /\/join (\w+)/.exec(textOf(await d.waitForBotMessage(office, { match: /Mã mời/ })))![1];
      d.sendCommand(user, group, `/join ${code} ${name}`);
      await d.waitForBotMessage(group, { match: /đã được liên kết/ });
    }
    d.sendDocument(secretary, office, { data: noticeText, fileName: 'TB-BCD-Binh-Son.txt', caption: '/notice' });
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
    const publish = d.buttons(preview).find((button) => button.text.includes('Phát hành')) as { callback_data: string };
    d.pressButton(secretary, preview, publish.callback_data);
    await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 });

    // TN&MT finishes its directive at once: no open work, no reminders.
    const toTnmt = d.botMessages(tnmtGroup).find((m) => /Nhiệm vụ 4/.test(textOf(m)))!;
    const done = d.buttons(toTnmt).find((button) => button.text.includes('Hoàn thành')) as { callback_data: string };
    await d.pressButton(tnmt, toTnmt, done.callback_data).waitForAnswer();

    // 28/11/2020 is a Saturday: the reporting day moves to Friday 27/11 and both open units hear of it.
    const reminders = (group: typeof office) => d.botMessages(group).filter((m) => /ngày báo cáo định kỳ/.test(textOf(m)));
    clock.now = at8('2020-11-27');
    await h.app.scheduler.tick();
    expect(reminders(kthtGroup)).toHaveLength(1);
    expect(textOf(reminders(vphuGroup)[0]!)).toMatch(/Ngày 27\/11\/2020 là ngày báo cáo định kỳ\. Văn phòng Huyện ủy chưa báo cáo[\s\S]*Nhiệm vụ 11/);
    expect(reminders(tnmtGroup)).toHaveLength(0);
    // Running the same tick again sends nothing more.
    await h.app.scheduler.tick();
    expect(reminders(kthtGroup)).toHaveLength(1);

    // KT-HT reports on 01/12, after the previous reporting day: on the 14th only VP Huyện ủy is reminded.
    clock.now = new Date('2020-12-01T03:00:00Z');
    d.sendCommand(ktht, kthtGroup, '/status 7 đang Đang xây dựng kế hoạch');
    await d.waitForBotMessage(kthtGroup, { match: /Đã ghi nhận/ });
    clock.now = at8('2020-12-14');
    await h.app.scheduler.tick();
    expect(reminders(kthtGroup)).toHaveLength(1);
    expect(reminders(vphuGroup)).toHaveLength(2);
    expect(textOf(reminders(vphuGroup)[1]!)).toMatch(/Ngày 14\/12\/2020/);

    // The 15th: the summary to the office, with who has not reported since the 14th.
    clock.now = at8('2020-12-15');
    await h.app.scheduler.tick();
    const summary = d.botMessages(office).filter((m) => /Tổng hợp định kỳ/.test(textOf(m)));
    expect(summary).toHaveLength(1);
    expect(textOf(summary[0]!)).toMatch(/Tổng hợp định kỳ ngày 15\/12\/2020[\s\S]*Hoàn thành đúng hạn: 1[\s\S]*Chưa báo cáo kể từ kỳ báo cáo gần nhất: Phòng Kinh tế - Hạ tầng, Văn phòng Huyện ủy/);
    // The progress chart comes with the summary, as a picture in reply to it.
    const chart = d.botMessages(office).find((m) => m.photo !== undefined);
    expect(chart?.reply_to_message?.message_id).toBe(summary[0]!.message_id);

    // The 30th (a Wednesday), and the 28th (a Monday) before it.
    clock.now = at8('2020-12-28');
    await h.app.scheduler.tick();
    expect(reminders(vphuGroup)).toHaveLength(3);
    clock.now = at8('2020-12-30');
    await h.app.scheduler.tick();
    expect(d.botMessages(office).filter((m) => /Tổng hợp định kỳ ngày 30\/12\/2020/.test(textOf(m)))).toHaveLength(1);
  });

  it('a unit asks for an extension, the office approves it with a button, the deadline moves and the original is kept', async () => {
    const d = h.driver;
    clock.now = new Date('2021-03-25T02:00:00Z');
    const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký 2', username: 'thuky2' });
    const official = d.createUser({ firstName: 'Cán bộ', lastName: 'Mới' });
    const office = d.createGroup({ title: 'Văn phòng 2', type: 'supergroup', admins: [secretary] });
    d.sendCommand(secretary, office, '/setup', { addressed: true });
    await d.waitForBotMessage(office, { match: /Đã đăng ký nhóm này/ });
    const unitGroup = d.createGroup({ title: 'Phòng KT-HT 2', members: [official] });
    d.sendCommand(secretary, office, '/invite');
    const code = /\/join (\w+)/.exec(textOf(await d.waitForBotMessage(office, { match: /Mã mời/ })))![1];
    d.sendCommand(official, unitGroup, `/join ${code} Phòng Kinh tế - Hạ tầng`);
    await d.waitForBotMessage(unitGroup, { match: /đã được liên kết/ });
    d.sendDocument(secretary, office, { data: noticeText, fileName: 'TB.txt', caption: '/notice' });
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
    d.pressButton(secretary, preview, (d.buttons(preview).find((b) => b.text.includes('Phát hành')) as { callback_data: string }).callback_data);
    await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 });

    // Muting is the office's call.
    d.sendCommand(official, unitGroup, '/remind off');
    expect(textOf(await d.waitForBotMessage(unitGroup))).toMatch(/không cho phép đơn vị tắt nhắc việc/);
    d.sendCommand(secretary, office, '/remind allow');
    await d.waitForBotMessage(office, { match: /được tự tắt nhắc việc/ });
    d.sendCommand(official, unitGroup, '/remind off');
    await d.waitForBotMessage(unitGroup, { match: /Đã tắt nhắc việc/ });
    d.sendCommand(official, unitGroup, '/remind on');
    await d.waitForBotMessage(unitGroup, { match: /Đã bật lại nhắc việc/ });

    d.sendCommand(secretary, office, '/schedule time 07:30');
    const schedule = textOf(await d.waitForBotMessage(office, { match: /Lịch nhắc việc/ }));
    expect(schedule).toMatch(/ngày 14, 28 hằng tháng[\s\S]*ngày 15, 30 hằng tháng[\s\S]*Giờ nhắc: 07:30/);

    d.sendCommand(official, unitGroup, '/extend 7 15/04/2021 Chờ ý kiến của <Sở> KH&ĐT');
    await d.waitForBotMessage(unitGroup, { match: /Đã gửi đề nghị gia hạn/ });
    const request = await d.waitForBotMessage(office, { match: /đề nghị gia hạn nhiệm vụ 7/ });
    expect(textOf(request)).toMatch(/từ 31\/03\/2021 đến 15\/04\/2021[\s\S]*Lý do: Chờ ý kiến của <Sở> KH&ĐT/);
    // An official of the unit cannot approve its own request.
    const approve = d.buttons(request).find((b) => b.text.includes('Đồng ý')) as { callback_data: string };
    d.addMember(office, official);
    expect((await d.pressButton(official, request, approve.callback_data).waitForAnswer()).text).toMatch(/không có quyền/);
    await d.pressButton(secretary, request, approve.callback_data).waitForAnswer();
    expect(textOf(await d.waitForEdit(request, { match: /Đã đồng ý gia hạn/ }))).toMatch(/đến 15\/04\/2021[\s\S]*Thời hạn ban đầu 31\/03\/2021/);
    await d.waitForBotMessage(unitGroup, { match: /đã đồng ý gia hạn nhiệm vụ 7/ });
    d.sendCommand(official, unitGroup, '/status');
    expect(textOf(await d.waitForBotMessage(unitGroup, { match: /chưa hoàn thành/ }))).toMatch(/hạn 15\/04\/2021/);
  });
});
