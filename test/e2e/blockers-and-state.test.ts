import { readFileSync } from 'node:fs';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');
const textOf = (message: Message) => message.text ?? message.caption ?? '';
/** A time of day in Hà Nội (UTC+7) as an instant. */
const hanoi = (iso: string, time = '09:00') => new Date(`${iso}T${time}:00+07:00`);

type Driver = Harness['driver'];
type User = ReturnType<Driver['createUser']>;
type Group = ReturnType<Driver['createGroup']>;

/** The seed 004 world: an office with a leader, three units in groups of their own, the notice published. */
async function seed004World(h: Harness) {
  const d = h.driver;
  const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky' });
  // Telegram's first/last name the Western way round: the bot names them family name first.
  const leader = d.createUser({ firstName: 'Quốc', lastName: 'Lê Phú', username: 'lephuquoc' });
  const tnmt = d.createUser({ firstName: 'Hoa', lastName: 'Phạm Thị' });
  const ktht = d.createUser({ firstName: 'Cán bộ', lastName: 'KTHT' });
  const vphu = d.createUser({ firstName: 'Cán bộ', lastName: 'VPHU' });
  const office = d.createGroup({ title: 'Văn phòng NTM huyện', type: 'supergroup', admins: [secretary] });
  const groups = {
    tnmt: d.createGroup({ title: 'Phòng TN&MT', members: [tnmt] }),
    ktht: d.createGroup({ title: 'Phòng KT-HT', members: [ktht] }),
    vphu: d.createGroup({ title: 'VP Huyện ủy', members: [vphu] }),
  };
  d.sendCommand(secretary, office, '/setup', { addressed: true });
  await d.waitForBotMessage(office, { match: /Đã đăng ký nhóm này/ });
  for (const [user, group, name] of [
    [tnmt, groups.tnmt, 'Phòng TN&MT'],
    [ktht, groups.ktht, 'Phòng Kinh tế - Hạ tầng'],
    [vphu, groups.vphu, 'Văn phòng Huyện ủy'],
  ] as const) {
    d.sendCommand(secretary, office, '/invite');
    const code = /\/join (\w+)/.exec(textOf(await d.waitForBotMessage(office, { match: /Mã mời/ })))![1];
    d.sendCommand(user, group, `/join ${code} ${name}`);
    await d.waitForBotMessage(group, { match: /đã được liên kết/ });
  }
  // The leader has a private chat with the bot, and the role.
  d.startBot(leader);
  await d.waitForBotMessage(d.privateChat(leader));
  d.sendCommand(secretary, office, '/role @lephuquoc leader');
  await d.waitForBotMessage(office, { match: /có vai trò lãnh đạo/ });

  d.sendDocument(secretary, office, { data: noticeText, fileName: 'TB-BCD-Binh-Son.txt', caption: '/notice' });
  const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
  const publish = d.buttons(preview).find((button) => button.text.includes('Phát hành')) as { callback_data: string };
  d.pressButton(secretary, preview, publish.callback_data);
  await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 });

  const directive = (group: Group, ordinal: string) => d.botMessages(group).find((m) => new RegExp(`Nhiệm vụ ${ordinal}\\b`).test(textOf(m)))!;
  const button = (message: Message, label: string) => (d.buttons(message).find((b) => b.text.includes(label)) as { callback_data: string }).callback_data;
  return { secretary, leader, tnmt, ktht, vphu, office, groups, directive, button };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds, for at most `timeoutMs`. */
async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await pause(50);
  }
}

/** The number a report line gives. */
const count = (text: string, line: RegExp) => Number(line.exec(text)?.[1] ?? Number.NaN);

/** `/report` in the office, as the secretary. */
async function report(d: Driver, secretary: User, office: Group): Promise<string> {
  d.sendCommand(secretary, office, '/report');
  return textOf(await d.waitForBotMessage(office, { match: /📊/ }));
}

describe('blockers reach the office, and directives show their state (Telegram)', () => {
  const clock = { now: hanoi('2020-11-25') };
  let h: Harness;
  let w: Awaited<ReturnType<typeof seed004World>>;
  beforeAll(async () => {
    // Telegram's real limits (4096 characters, 64-byte callback data, 1 message/s per chat) and pacing.
    h = await startHarness({ now: () => clock.now, emulator: { botUsername: 'dondoc_test_bot' } });
  });
  afterAll(async () => h?.stop());

  it('asks for the reason of a blocker, tells the office group and the leader at once, and lists it in /report until the unit reports again', async () => {
    const d = h.driver;
    w = await seed004World(h);
    const sentMarkups: unknown[] = [];
    // Watches what the bot asks Telegram to send, without changing it.
    h.emulator.api.faults.slowDown(0, { methods: ['sendMessage'], match: (params) => (sentMarkups.push(params.reply_markup), false) });

    // "Vướng mắc" under directive 4 asks why, and records nothing yet.
    const toTnmt = w.directive(w.groups.tnmt, '4');
    const officeBefore = d.botMessages(w.office).length;
    const press = d.pressButton(w.tnmt, toTnmt, w.button(toTnmt, 'Vướng mắc'));
    expect((await press.waitForAnswer()).text).toMatch(/lý do/);
    const question = await d.waitForBotMessage(w.groups.tnmt, { match: /vướng mắc gì/ });
    expect(textOf(question)).toMatch(/Phạm Thị Hoa, nhiệm vụ 4 .*vướng mắc gì\?/);
    expect(question.entities?.some((entity) => entity.type === 'text_link' || entity.type === 'text_mention')).toBe(true);
    expect(sentMarkups.some((markup) => /"force_reply":true/.test(JSON.stringify(markup)))).toBe(true);
    expect(d.botMessages(w.groups.tnmt).some((m) => /Đã ghi nhận/.test(textOf(m)))).toBe(false);
    expect(d.botMessages(w.office)).toHaveLength(officeBefore);
    expect(await report(d, w.secretary, w.office)).not.toMatch(/Khó khăn, vướng mắc/);

    // The reply with the reason records the blocker and tells the office and the leader, once each.
    clock.now = hanoi('2020-11-25', '09:30');
    d.reply(w.tnmt, question, 'Chưa có kinh phí đối ứng để đo đạc');
    const showsBlocked = d.waitForEdit(toTnmt, { match: /Trạng thái: Vướng mắc/, timeoutMs: 20_000 });
    expect(textOf(await d.waitForBotMessage(w.groups.tnmt, { match: /Đã ghi nhận[\s\S]*Vướng mắc/ }))).toMatch(/nhiệm vụ 4[\s\S]*Chưa có kinh phí đối ứng/);
    const alert = await d.waitForBotMessage(w.office, { match: /Vướng mắc — Phòng TN&MT/ });
    expect(textOf(alert)).toMatch(/TB kết luận ngày 17\/11\/2020 \(xã Bình Sơn\), nhiệm vụ 4: Xã phấn đấu về đích/);
    expect(textOf(alert)).toMatch(/Lý do: Chưa có kinh phí đối ứng để đo đạc/);
    expect(textOf(alert)).toMatch(/Phạm Thị Hoa, 25\/11\/2020 09:30/);
    // The quoted directive is short enough to read on a phone.
    expect(textOf(alert).length).toBeLessThan(600);
    const leaderChat = d.privateChat(w.leader);
    const leaderAlert = await d.waitForBotMessage(leaderChat, { match: /Vướng mắc — Phòng TN&MT/ });
    expect(textOf(leaderAlert)).toBe(textOf(alert));
    expect(d.botMessages(w.office).filter((m) => /Vướng mắc — Phòng TN&MT/.test(textOf(m)))).toHaveLength(1);

    // The directive's own message shows the state, when and who, and keeps its three buttons.
    const edited = await showsBlocked;
    expect(textOf(edited)).toMatch(/Nhiệm vụ 4[\s\S]*Trạng thái: Vướng mắc — Phạm Thị Hoa, 25\/11\/2020 09:30/);
    expect(d.buttons(edited).map((b) => (b as { callback_data: string }).callback_data)).toEqual(d.buttons(toTnmt).map((b) => (b as { callback_data: string }).callback_data));

    // The alert's button opens the directive with its history, for the leader in private.
    const open = d.pressButton(w.leader, leaderAlert, w.button(leaderAlert, 'Xem nhiệm vụ'));
    await open.waitForAnswer();
    const history = textOf(await d.waitForBotMessage(leaderChat, { match: /Nhiệm vụ 4/ }));
    expect(history).toMatch(/Thời hạn: 31\/12\/2020/);
    expect(history).toMatch(/Phòng Tài nguyên và Môi trường|Phòng TN&MT/);
    expect(history).toMatch(/25\/11\/2020 09:30 — Vướng mắc — Phạm Thị Hoa: Chưa có kinh phí đối ứng để đo đạc/);
    // An official of a unit cannot open the office's history from a forwarded alert.
    d.addMember(w.office, w.ktht);
    expect((await d.pressButton(w.ktht, alert, w.button(alert, 'Xem nhiệm vụ')).waitForAnswer()).text).toMatch(/không có quyền|chỉ/);

    // `/status N vướng` without a reason asks too; with one it is recorded in one step.
    d.sendCommand(w.vphu, w.groups.vphu, '/status 11 vướng');
    const asked = await d.waitForBotMessage(w.groups.vphu, { match: /vướng mắc gì/ });
    expect(asked.reply_to_message).toBeDefined();
    d.sendCommand(w.vphu, w.groups.vphu, '/status 11 vướng thiếu nhân lực tổng hợp');
    await d.waitForBotMessage(w.groups.vphu, { match: /Đã ghi nhận[\s\S]*Vướng mắc/ });
    await d.waitForBotMessage(w.office, { match: /Vướng mắc — Văn phòng Huyện ủy[\s\S]*thiếu nhân lực tổng hợp/ });

    // Five days on, /report has a section of open blockers, not counted as "being carried out".
    clock.now = hanoi('2020-11-30');
    const five = await report(d, w.secretary, w.office);
    expect(five).toMatch(/Khó khăn, vướng mắc \(2\)/);
    expect(five).toMatch(/Phòng TN&MT — NV 4: Chưa có kinh phí đối ứng để đo đạc \(đã 5 ngày\)/);
    expect(five).toMatch(/Văn phòng Huyện ủy — NV 11: thiếu nhân lực tổng hợp \(đã 5 ngày\)/);
    expect(count(five, /Vướng mắc, còn trong hạn: (\d+)/)).toBe(2);
    // The unit reports again: its blocker is closed.
    const current = d.botMessages(w.groups.tnmt).find((m) => m.message_id === toTnmt.message_id)!;
    const again = d.pressButton(w.tnmt, current, w.button(current, 'Đang thực hiện'));
    const showsProgress = d.waitForEdit(toTnmt, { match: /Trạng thái: Đang thực hiện — Phạm Thị Hoa, 30\/11\/2020 09:00/ });
    await again.waitForAnswer();
    await showsProgress;
    const after = await report(d, w.secretary, w.office);
    expect(after).toMatch(/Khó khăn, vướng mắc \(1\)/);
    // Directive 4 moved from the blocked line to "being carried out"; the category's total is unchanged.
    expect(count(after, /Đang thực hiện, trong hạn: (\d+)/)).toBe(count(five, /Đang thực hiện, trong hạn: (\d+)/) + 1);
    expect(count(after, /Vướng mắc, còn trong hạn: (\d+)/)).toBe(1);
    expect(after).not.toMatch(/NV 4: Chưa có kinh phí/);
  }, 90_000);

  it('a directive message that cannot be edited leaves the report recorded and acknowledged, and is not retried', async () => {
    const d = h.driver;
    const { groups, ktht: official } = w;
    const toKtht = d.botMessages(groups.ktht).find((m) => /Nhiệm vụ 7\b/.test(textOf(m)))!;

    // Someone deleted the directive's message: the edit is refused, the report stands.
    const deleted = await fetch(`${h.emulator.apiRoot}/bot${h.emulator.token}/deleteMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: groups.ktht.id, message_id: toKtht.message_id }),
    });
    expect(((await deleted.json()) as { ok: boolean }).ok).toBe(true);
    // Every editMessageText the bot attempts, failed ones included, counted on the way in.
    let edits = 0;
    let failing = false;
    h.emulator.api.faults.failNext(1_000, 'error500', { methods: ['editMessageText'], match: () => (edits++, failing) });
    d.sendCommand(official, groups.ktht, '/status 7 đang Đang lập kế hoạch');
    expect(textOf(await d.waitForBotMessage(groups.ktht, { match: /Đã ghi nhận/ }))).toMatch(/Đang thực hiện/);
    await until(() => edits >= 1);
    await pause(1_500);
    expect(edits).toBe(1);
    expect(d.botMessages(groups.ktht).some((m) => /lỗi|Mã lỗi/i.test(textOf(m)))).toBe(false);

    // Telegram failing on every edit: the report is still acknowledged, and the edit is given up after the adapter's few tries.
    const toKtht8 = d.botMessages(groups.ktht).find((m) => /Nhiệm vụ 8\b/.test(textOf(m)))!;
    failing = true;
    edits = 0;
    d.reply(official, toKtht8, 'đang Đã giao chuyên viên theo dõi');
    await d.waitForBotMessage(groups.ktht, { match: /Đã ghi nhận[\s\S]*Đã giao chuyên viên/ });
    await until(() => edits >= 1);
    await pause(5_000);
    expect(edits).toBeLessThanOrEqual(5);
    h.emulator.api.faults.clear();
    expect(textOf(d.botMessages(groups.ktht).find((m) => m.message_id === toKtht8.message_id)!)).not.toMatch(/Trạng thái/);

    // Reports in a burst never wait for the edits, and the message ends showing the last of them.
    h.emulator.api.faults.failNext(1_000, 'error500', { methods: ['editMessageText'], match: () => (edits++, false) });
    edits = 0;
    const burst = ['/status 8 đang Đã họp triển khai', '/status 8 vướng Chờ quyết định phân bổ vốn', '/status 8 xong Đã ban hành kế hoạch'];
    for (const command of burst) d.sendCommand(official, groups.ktht, command);
    const message8 = () => textOf(d.botMessages(groups.ktht).find((m) => m.message_id === toKtht8.message_id)!);
    await until(() => /Trạng thái: Hoàn thành/.test(message8()), 20_000);
    expect(edits).toBeGreaterThanOrEqual(1);
    expect(edits).toBeLessThanOrEqual(burst.length);
    expect(message8()).toMatch(/Nhiệm vụ 8[\s\S]*Trạng thái: Hoàn thành — Cán bộ KTHT/);
    h.emulator.api.faults.clear();
  }, 60_000);
});


describe('true summaries: the units silent since the previous reporting day (14th and 28th)', () => {
  const clock = { now: hanoi('2020-11-25') };
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => clock.now, emulator: { botUsername: 'dondoc_test_bot' } });
  });
  afterAll(async () => h?.stop());

  it('/report and the office summary name exactly the units with open work and no report since then', async () => {
    const d = h.driver;
    const w = await seed004World(h);
    const silent = (text: string) => /Chưa báo cáo kể từ kỳ báo cáo gần nhất: (.*)/.exec(text)?.[1] ?? (/Tất cả đơn vị đã báo cáo/.test(text) ? '' : '?');

    // 01/12, after the reporting day of 28/11 (held on Friday 27/11): KT-HT reports a blocker.
    clock.now = hanoi('2020-12-01');
    d.sendCommand(w.ktht, w.groups.ktht, '/status 7 vướng Chờ ý kiến của Sở KH&ĐT');
    await d.waitForBotMessage(w.groups.ktht, { match: /Đã ghi nhận[\s\S]*Vướng mắc/ });

    // On the reporting day 14/12, TN&MT reports; VP Huyện ủy never has.
    clock.now = hanoi('2020-12-14', '10:00');
    d.sendCommand(w.tnmt, w.groups.tnmt, '/status 4 đang Đã phát động tổng dọn');
    await d.waitForBotMessage(w.groups.tnmt, { match: /Đã ghi nhận/ });
    // Reports from 27/11 on count: KT-HT's of 01/12 and TN&MT's of today.
    expect(silent(await report(d, w.secretary, w.office))).toBe('Văn phòng Huyện ủy');

    // The office's summary on the 15th: only reports since the 14th count, so KT-HT is silent again.
    clock.now = hanoi('2020-12-15', '08:00');
    await h.app.scheduler.tick();
    const summary = textOf(await d.waitForBotMessage(w.office, { match: /Tổng hợp định kỳ ngày 15\/12\/2020/ }));
    expect(silent(summary)).toBe('Phòng Kinh tế - Hạ tầng, Văn phòng Huyện ủy');
    expect(summary).toMatch(/Khó khăn, vướng mắc \(1\)\n• Phòng Kinh tế - Hạ tầng — NV 7: Chờ ý kiến của Sở KH&ĐT \(đã 14 ngày\)/);

    // VP Huyện ủy reports on the 15th; KT-HT, whose last word is of 01/12, is the one left.
    clock.now = hanoi('2020-12-15', '09:00');
    d.sendCommand(w.vphu, w.groups.vphu, '/status 11 đang Đang tổng hợp');
    await d.waitForBotMessage(w.groups.vphu, { match: /Đã ghi nhận/ });
    expect(silent(await report(d, w.secretary, w.office))).toBe('Phòng Kinh tế - Hạ tầng');

    // TN&MT finishes all its work on the 15th; on the 29th, silent since the 28th, it is not named.
    const tnmtOpen = d.botMessages(w.groups.tnmt).filter((m) => /Nhiệm vụ \d+/.test(textOf(m)) && d.buttons(m).length > 0);
    for (const message of tnmtOpen) {
      const current = d.botMessages(w.groups.tnmt).find((m) => m.message_id === message.message_id)!;
      await d.pressButton(w.tnmt, current, w.button(current, 'Hoàn thành')).waitForAnswer();
    }
    clock.now = hanoi('2020-12-29');
    const lastDay = silent(await report(d, w.secretary, w.office));
    expect(lastDay).toBe('Phòng Kinh tế - Hạ tầng, Văn phòng Huyện ủy');
  }, 120_000);
});
