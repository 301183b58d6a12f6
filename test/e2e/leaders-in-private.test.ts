import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice, textOf } from './routing-world.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');

describe('leaders and roles: names in Vietnamese order, /role without a @username, /report and /export in private', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false, now: () => new Date('2020-12-10T02:00:00Z') });
  });
  afterAll(async () => h?.stop());

  it('greets a leader who typed the given name first by the full name in Vietnamese order', async () => {
    const d = h.driver;
    const quoc = d.createUser({ firstName: 'Quốc', lastName: 'Lê Phú' });
    d.startBot(quoc);
    expect(textOf(await d.waitForBotMessage(d.privateChat(quoc), { match: /Xin chào/ }))).toMatch(/^Xin chào Lê Phú Quốc!/);
  });

  it('gives roles by replying to a message or by a mention to people without a @username, and the leader then reports and exports in private', async () => {
    const d = h.driver;
    const quoc = d.createUser({ firstName: 'Quốc', lastName: 'Lê Phú' });
    const hoa = d.createUser({ firstName: 'Hoa', lastName: 'Phạm Thị' });
    const { secretary, office, join } = await setUpOffice(h, 'Văn phòng NTM huyện', [quoc, hoa]);
    await join('UBND xã Bình Sơn');
    d.sendDocument(secretary, office, { data: noticeText, fileName: 'TB-BCD-Binh-Son.txt', caption: '/notice' });
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
    d.pressButton(secretary, preview, (d.buttons(preview).find((b) => b.text.includes('Phát hành')) as { callback_data: string }).callback_data);
    await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 });

    // Before any role, the leader is told in private what the command needs.
    d.startBot(quoc);
    await d.waitForBotMessage(d.privateChat(quoc), { match: /Xin chào/ });
    d.sendCommand(quoc, d.privateChat(quoc), '/report');
    expect(textOf(await d.waitForBotMessage(d.privateChat(quoc)))).toMatch(/dành cho thư ký, lãnh đạo/);

    // Neither has a @username: one is named by a reply to their message, the other by a mention.
    const hello = d.sendText(quoc, office, 'Chào các đồng chí');
    d.sendCommand(secretary, office, '/role leader', { replyTo: hello });
    expect(textOf(await d.waitForBotMessage(office, { match: /có vai trò/ }))).toBe('✅ Lê Phú Quốc có vai trò lãnh đạo.');
    d.sendCommand(secretary, office, '/role Hoa Phạm Thị thuky', { mentions: [hoa] });
    expect(textOf(await d.waitForBotMessage(office, { match: /có vai trò/ }))).toBe('✅ Phạm Thị Hoa có vai trò thư ký.');
    // Without a target the usage says how to name someone without a @username.
    d.sendCommand(secretary, office, '/role leader');
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/trả lời \(reply\) một tin nhắn của họ/);

    // The leader asks for the summary in private: the office is the one where he leads.
    d.sendCommand(quoc, d.privateChat(quoc), '/report');
    const report = textOf(await d.waitForBotMessage(d.privateChat(quoc), { match: /📊/ }));
    expect(report).toMatch(/^📊 Thông báo kết luận ngày 17\/11\/2020 \(xã Bình Sơn\) — \d+ lượt giao nhiệm vụ/);
    expect(report).toMatch(/UBND xã Bình Sơn: [^\n]*NV 2 \(hạn 30\/11\/2020, quá hạn 10 ngày\)/);
    d.sendCommand(quoc, d.privateChat(quoc), '/export');
    const file = await d.waitForBotMessage(d.privateChat(quoc), { match: (m) => m.document !== undefined, timeoutMs: 15_000 });
    expect(file.document!.file_name).toBe('bao-cao-tat-ca-2020-12-10.xlsx');
    // The dashboard link works there too.
    d.sendCommand(quoc, d.privateChat(quoc), '/dashboard');
    expect(textOf(await d.waitForBotMessage(d.privateChat(quoc), { match: /Trang theo dõi/ }))).toContain('Văn phòng NTM huyện');

    // Leader of a second office too: /report in private asks which office, and the choice runs it.
    const second = await setUpOffice(h, 'Văn phòng Huyện ủy', [quoc]);
    const again = d.sendText(quoc, second.office, 'Tôi đã vào nhóm');
    d.sendCommand(second.secretary, second.office, '/role lanhdao', { replyTo: again });
    await d.waitForBotMessage(second.office, { match: /có vai trò lãnh đạo/ });
    d.sendCommand(quoc, d.privateChat(quoc), '/report');
    const question = await d.waitForBotMessage(d.privateChat(quoc), { match: /nhiều cơ quan/ });
    expect(d.buttons(question).map((button) => button.text)).toEqual(['Văn phòng Huyện ủy', 'Văn phòng NTM huyện']);
    const ntm = d.buttons(question).find((button) => button.text === 'Văn phòng NTM huyện') as { callback_data: string };
    await d.pressButton(quoc, question, ntm.callback_data).waitForAnswer();
    expect(textOf(await d.waitForBotMessage(d.privateChat(quoc), { match: /📊/ }))).toMatch(/^📊 Thông báo kết luận ngày 17\/11\/2020/);
    const other = d.buttons(question).find((button) => button.text === 'Văn phòng Huyện ủy') as { callback_data: string };
    await d.pressButton(quoc, question, other.callback_data).waitForAnswer();
    expect(textOf(await d.waitForBotMessage(d.privateChat(quoc), { match: /Chưa có thông báo/ }))).toBe('Chưa có thông báo nào được phát hành.');
  }, 60_000);
});
