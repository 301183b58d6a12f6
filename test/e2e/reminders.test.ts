import { readFileSync } from 'node:fs';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice } from './routing-world.js';

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

    // TN&MT finishes its directives (4, and 8 that every department shares) at once: no open work, no reminders.
    const toTnmt = d.botMessages(tnmtGroup).filter((m) => d.buttons(m).some((button) => button.text.includes('Hoàn thành')));
    expect(toTnmt.length).toBeGreaterThan(0);
    for (const directive of toTnmt) {
      const done = d.buttons(directive).find((button) => button.text.includes('Hoàn thành')) as { callback_data: string };
      await d.pressButton(tnmt, directive, done.callback_data).waitForAnswer();
    }

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

    // KT-HT reports on 01/12, after the previous reporting day, on every directive the reminder
    // listed (its own 7, the 8 every department shares, and what reaches it while xã Bình Sơn has
    // not joined): on the 14th only VP Huyện ủy is reminded.
    clock.now = new Date('2020-12-01T03:00:00Z');
    const listed = [...textOf(reminders(kthtGroup)[0]!).matchAll(/• Nhiệm vụ (\S+)/g)].map((match) => match[1]!);
    expect(listed).toContain('7');
    for (const ordinal of listed) {
      d.sendCommand(ktht, kthtGroup, `/status ${ordinal} đang Đang xây dựng kế hoạch`);
      await d.waitForBotMessage(kthtGroup, { match: new RegExp(`Đã ghi nhận nhiệm vụ ${ordinal}\\b`) });
    }
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
    expect(textOf(summary[0]!)).toMatch(/Tổng hợp định kỳ ngày 15\/12\/2020[\s\S]*📊 Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\)[\s\S]*Hoàn thành đúng hạn: [1-9][\s\S]*Chưa báo cáo kể từ kỳ báo cáo gần nhất: Phòng Kinh tế - Hạ tầng, Văn phòng Huyện ủy/);
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
  }, 60_000);

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
    expect(textOf(request)).toMatch(/nhiệm vụ 7 \(TB kết luận ngày 17\/11\/2020 \(xã Bình Sơn\)\) từ 31\/03\/2021 đến 15\/04\/2021[\s\S]*Lý do: Chờ ý kiến của <Sở> KH&ĐT/);
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

describe('reminders that say what matters: the seed 004 story on its reporting days', () => {
  const clock = { now: new Date('2020-11-25T02:00:00Z') };
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => clock.now, emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false });
  });
  afterAll(async () => h?.stop());

  const shortTitle = 'TB kết luận ngày 17/11/2020 (xã Bình Sơn)';
  const fullTitle = 'Kết luận của đồng chí Trưởng Ban chỉ đạo';

  it('groups each reminder under the notice short title and shows how many calendar days each directive is overdue, to the commune and to the office', async () => {
    const d = h.driver;
    const { secretary, office, join } = await setUpOffice(h, 'Văn phòng NTM huyện');
    const binhSon = await join('UBND xã Bình Sơn');
    await join('Phòng Kinh tế - Hạ tầng');
    await join('Văn phòng Huyện ủy');
    d.sendDocument(secretary, office, { data: noticeText, fileName: 'TB-BCD-Binh-Son.txt', caption: '/notice' });
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
    d.pressButton(secretary, preview, (d.buttons(preview).find((b) => b.text.includes('Phát hành')) as { callback_data: string }).callback_data);
    expect(textOf(await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 }))).toMatch(/^📤 Đã phát hành Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\):/);
    // The unnumbered notice is named the same way on the directives' messages and in /notices.
    expect(textOf(d.botMessages(binhSon).find((m) => /Nhiệm vụ 2\n/.test(textOf(m)))!)).toMatch(/^📌 Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\) — Nhiệm vụ 2\n/);
    d.sendCommand(secretary, office, '/notices');
    expect(textOf(await d.waitForBotMessage(office, { match: /Thông báo đã phát hành/ }))).toMatch(new RegExp(`• ${shortTitle.replace(/[()]/g, '\\$&')} — phát hành 25/11/2020`));

    // Every working morning from the first reporting day to the second, as the running scheduler would.
    const mornings = ['2020-11-27', '2020-11-30', '2020-12-01', '2020-12-02', '2020-12-03', '2020-12-04', '2020-12-07', '2020-12-08', '2020-12-09', '2020-12-10', '2020-12-11', '2020-12-14'];
    // The morning each message went out, to check the days it counts.
    const sentOn = new Map<string, string>();
    const keyOf = (message: Message) => `${message.chat.id}:${message.message_id}`;
    for (const morning of mornings) {
      clock.now = at8(morning);
      await h.app.scheduler.tick();
      for (const message of [...d.botMessages(binhSon), ...d.botMessages(office)]) if (!sentOn.has(keyOf(message))) sentOn.set(keyOf(message), morning);
    }
    const dayOf = (message: Message) => sentOn.get(keyOf(message))!;
    /** Calendar days from 30/11/2020, directive 2's deadline, to a morning. */
    const daysLate = (morning: string) => Math.round((Date.parse(morning) - Date.parse('2020-11-30')) / 86_400_000);

    // The reporting day of 14/12: directive 2 is overdue since 30/11, and says so with its deadline.
    const reportingDays = d.botMessages(binhSon).filter((m) => /ngày báo cáo định kỳ/.test(textOf(m)));
    const fourteenth = textOf(reportingDays.find((m) => /Ngày 14\/12\/2020/.test(textOf(m)))!);
    expect(fourteenth).toContain('• Nhiệm vụ 2 — hạn 30/11/2020, quá hạn 14 ngày');
    // The notice is named once, by its short title, above its directives; never by its 150-character title.
    expect(fourteenth.split(shortTitle)).toHaveLength(2);
    expect(fourteenth.indexOf(shortTitle)).toBeLessThan(fourteenth.indexOf('• Nhiệm vụ 2'));
    expect(fourteenth).not.toContain(fullTitle);
    // On 27/11 the same directive was still in time: a deadline, no overdue flag.
    const twentySeventh = textOf(reportingDays.find((m) => /Ngày 27\/11\/2020/.test(textOf(m)))!);
    expect(twentySeventh).toMatch(/• Nhiệm vụ 2 — hạn 30\/11\/2020\n/);

    // Deadline reminders to the commune count the days the same way.
    const overdue = d.botMessages(binhSon).filter((m) => /Nhiệm vụ 2 đã quá hạn/.test(textOf(m)));
    expect(overdue.length).toBeGreaterThan(0);
    for (const message of overdue) {
      expect(textOf(message)).toContain(`Nhiệm vụ 2 đã quá hạn ${daysLate(dayOf(message))} ngày (hạn 30/11/2020)`);
      expect(textOf(message)).not.toContain(fullTitle);
    }

    // The office hears of the overdue directive, grouped under the notice, with its deadline and days.
    const escalation = d.botMessages(office).find((m) => /Nhiệm vụ quá hạn chưa hoàn thành/.test(textOf(m)) && /nhiệm vụ 2,/.test(textOf(m)));
    expect(escalation).toBeDefined();
    expect(textOf(escalation!)).toContain(`${shortTitle}\n`);
    expect(textOf(escalation!)).toContain(`• UBND xã Bình Sơn: nhiệm vụ 2, hạn 30/11/2020, quá hạn ${daysLate(dayOf(escalation!))} ngày`);
    expect(textOf(escalation!)).not.toContain(fullTitle);

    // The office's summary on the 15th names the notice by its short title and gives each overdue directive its deadline.
    clock.now = at8('2020-12-15');
    await h.app.scheduler.tick();
    const summary = textOf(d.botMessages(office).find((m) => /Tổng hợp định kỳ ngày 15\/12\/2020/.test(textOf(m)))!);
    expect(summary).toContain('📊 Thông báo kết luận ngày 17/11/2020 (xã Bình Sơn)');
    expect(summary).toMatch(/UBND xã Bình Sơn: [^\n]*NV 2 \(hạn 30\/11\/2020, quá hạn 15 ngày\)/);
    expect(summary).not.toContain(fullTitle);
    // Thirteen mornings of ticks: more than the default 20 s on a busy machine.
  }, 90_000);
});
