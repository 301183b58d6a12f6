import { readFileSync } from 'node:fs';
import type { Chat, Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice, textOf } from './routing-world.js';

const noticeText = readFileSync(new URL('../fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');

/** The directive ordinals the bot delivered to a chat, each with the role the message names. */
function delivered(messages: Message[]): Map<string, 'lead' | 'support'> {
  const ordinals = new Map<string, 'lead' | 'support'>();
  for (const message of messages) {
    const ordinal = /Nhiệm vụ (\d+)/.exec(textOf(message))?.[1];
    if (ordinal) ordinals.set(ordinal, /Vai trò của đơn vị: phối hợp/.test(textOf(message)) ? 'support' : 'lead');
  }
  return ordinals;
}

/** The whole preview ending at `last`: it may take several messages, from the one with the draft's header. */
function previewOf(messages: Message[], last: Message): string {
  const end = messages.findIndex((m) => m.message_id === last.message_id);
  let start = end;
  while (start > 0 && !/Bản nháp thông báo/.test(textOf(messages[start]!))) start--;
  return messages.slice(start, end + 1).map(textOf).join('\n');
}

describe('seed 004 routed as a reader would, with its own units registered', () => {
  // 09:00 on 25/11/2020 in Hà Nội: after the meeting of 17/11, before the first deadline.
  const now = new Date('2020-11-25T02:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => now, emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false });
  });
  afterAll(async () => h?.stop());

  it('previews every directive routed without help and delivers each to the units a reader would send it to', async () => {
    const d = h.driver;
    // Telegram profiles put the given name first: "Quốc" + "Lê Phú"; the notice writes "Lê Phú Quốc".
    const leader = d.createUser({ firstName: 'Quốc', lastName: 'Lê Phú', username: 'lpquoc' });
    const { secretary, office, join } = await setUpOffice(h, 'Ban chỉ đạo NTM huyện', [leader]);
    d.sendCommand(leader, office, '/help');
    await d.waitForBotMessage(office);
    d.sendCommand(secretary, office, '/role @lpquoc lanhdao');
    await d.waitForBotMessage(office, { match: /vai trò lãnh đạo/ });

    const groups = new Map<string, Chat.GroupChat | Chat.SupergroupChat>();
    for (const name of ['UBND xã Bình Sơn', 'Phòng Tài nguyên và Môi trường', 'Phòng Kinh tế - Hạ tầng', 'Văn phòng NTM huyện', 'Văn phòng Huyện ủy']) {
      groups.set(name, await join(name));
    }
    d.sendCommand(secretary, office, '/units');
    const units = textOf(await d.waitForBotMessage(office, { match: /Đơn vị của/ }));
    expect(units).toMatch(/UBND xã Bình Sơn — UBND xã Bình Sơn · cấp xã/);
    expect(units).toMatch(/Phòng Kinh tế - Hạ tầng — Phòng Kinh tế - Hạ tầng · phòng, ban, ngành/);
    d.sendCommand(secretary, office, '/unit alias 2 Phòng TN&MT');
    await d.waitForBotMessage(office, { match: /tên gọi khác/ });

    d.sendDocument(secretary, office, { data: noticeText, fileName: 'TB-BCD-Binh-Son.txt', caption: '/notice' });
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).some((b) => b.text.includes('Phát hành')), timeoutMs: 15_000 });
    const previewText = previewOf(d.botMessages(office), preview);
    // Every expectation below is soft, so that a run lists every difference from a reader's routing at once.
    expect.soft(previewText).toMatch(/11\/11 nhiệm vụ đã giao/);
    const block = (ordinal: string) => previewText.split('\n\n').find((part) => part.startsWith(`${ordinal}. `)) ?? '';
    expect.soft(block('9')).toMatch(/Theo dõi: đ\/c Lê Phú Quốc/);
    expect.soft(block('8')).toMatch(/Phòng Tài nguyên và Môi trường/);
    expect.soft(block('8')).toMatch(/Phòng Kinh tế - Hạ tầng/);
    // Routed without help: nothing about a directive's units is left to check (deadline checks,
    // which end in a /due hint, aside), and no unit is offered.
    expect.soft(previewText.split('\n').filter((line) => line.startsWith('• Nhiệm vụ') && !line.includes('/due'))).toEqual([]);
    expect.soft(d.buttons(preview).map((b) => b.text)).toEqual(['📝 Mở trang chỉnh sửa', '✅ Phát hành', '✏️ Sửa', '✖️ Hủy']);

    const publish = d.buttons(preview).find((b) => b.text.includes('Phát hành')) as { callback_data: string };
    d.pressButton(secretary, preview, publish.callback_data);
    const summary = textOf(await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 }));
    expect.soft(summary).toMatch(/tới 5 đơn vị/);
    expect.soft(summary).not.toMatch(/chưa giao/);

    const binhSon = delivered(d.botMessages(groups.get('UBND xã Bình Sơn')!));
    const tnmt = delivered(d.botMessages(groups.get('Phòng Tài nguyên và Môi trường')!));
    const ktht = delivered(d.botMessages(groups.get('Phòng Kinh tế - Hạ tầng')!));
    const vpNtm = delivered(d.botMessages(groups.get('Văn phòng NTM huyện')!));
    const vpHuyenUy = delivered(d.botMessages(groups.get('Văn phòng Huyện ủy')!));

    // The commune the notice is about receives what it is asked to do, and nothing meant for the district.
    for (const ordinal of ['1', '2', '3', '4', '6', '9', '10']) expect.soft(binhSon.has(ordinal), `directive ${ordinal} to xã Bình Sơn`).toBe(true);
    for (const ordinal of ['7', '8', '11']) expect.soft(binhSon.has(ordinal), `directive ${ordinal} not to xã Bình Sơn`).toBe(false);
    // TN&MT guides the clean-up (4) and, as a department, follows the commune (8).
    expect.soft([...tnmt.keys()].sort()).toEqual(['4', '8']);
    expect.soft([...ktht.keys()].sort()).toEqual(['7', '8']);
    expect.soft([...vpNtm.keys()].sort()).toEqual(['10', '11']);
    expect.soft(vpNtm.get('11')).toBe('lead');
    expect.soft([...vpHuyenUy.entries()]).toEqual([['11', 'support']]);
  });
});
