import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice, textOf } from './routing-world.js';

const notice = `/notice THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 20/11/2020
1. Giao Phòng Tài nguyên và Môi trường hướng dẫn tổng dọn vệ sinh môi trường, hoàn thành trước ngày 31/12/2020.
2. Giao Phòng Kinh tế - Hạ tầng chuẩn bị nội dung xúc tiến đầu tư, báo cáo trong quý I/2021.
3. Giao Phòng Văn hóa rà soát các thiết chế văn hóa thôn, hoàn thành trước ngày 15/12/2020.`;

/**
 * The message as it is now, once it matches: an edit may land before a test could start
 * waiting for it (the bot edits the preview right after answering /join), so this polls.
 */
async function editedTo(messages: () => Message[], messageId: number, match: RegExp): Promise<Message> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const current = messages().find((m) => m.message_id === messageId);
    if (current && match.test(textOf(current))) return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`message ${messageId} was not edited to match ${String(match)}`);
}

/** The lines of the preview's "Cần kiểm tra" list that are about a directive. */
const checks = (preview: string) => preview.split('\n').filter((line) => line.startsWith('• Nhiệm vụ'));
/** The block of one directive in the preview. */
const block = (preview: string, ordinal: string) => preview.split('\n\n').find((part) => part.startsWith(`${ordinal}. `)) ?? '';

describe('a draft that routes itself again as the office’s units change', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => new Date('2020-11-25T02:00:00Z'), emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false });
  });
  afterAll(async () => h?.stop());

  it('edits its preview in place when a missing unit joins, and a tapped suggestion routes a flagged directive for good', async () => {
    const d = h.driver;
    const colleague = d.createUser({ firstName: 'Đồng', lastName: 'Nghiệp', username: 'dongnghiep' });
    const { secretary, office, join } = await setUpOffice(h, 'Văn phòng HĐND và UBND huyện', [colleague]);

    await join('Phòng Kinh tế - Hạ tầng');
    const cultureGroup = await join('Phòng Văn hóa và Thông tin');
    const sportsGroup = await join('Phòng Văn hóa - Thể thao');

    d.sendCommand(secretary, office, notice);
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).some((b) => b.text.includes('Phát hành')) });
    const first = textOf(preview);
    expect(first).toMatch(/1\/3 nhiệm vụ đã giao; cần giao: 1, 3/);
    expect(checks(first)).toHaveLength(2);
    expect(checks(first)[0]).toMatch(/^• Nhiệm vụ 1: .*Phòng Tài nguyên và Môi trường/);
    expect(checks(first)[1]).toMatch(/^• Nhiệm vụ 3: .*Phòng Văn hóa/);
    const suggestions = d.buttons(preview).filter((b) => b.text.startsWith('3 → '));
    expect(suggestions.map((b) => b.text)).toEqual(expect.arrayContaining(['3 → Phòng Văn hóa và Thông tin', '3 → Phòng Văn hóa - Thể thao']));
    // Every button that comes back to the bot fits Telegram's 64 bytes; the editor's is a link.
    for (const button of d.buttons(preview)) if ('callback_data' in button) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);

    // The missing unit joins under its short name: the same preview message now routes directive 1.
    await join('Phòng TN&MT');
    const previewNow = (match: RegExp) => editedTo(() => d.botMessages(office), preview.message_id, match);
    const afterJoin = textOf(await previewNow(/2\/3 nhiệm vụ đã giao/));
    expect(afterJoin).toMatch(/cần giao: 3\b/);
    expect(block(afterJoin, '1')).toMatch(/Chủ trì: Phòng TN&MT/);
    expect(checks(afterJoin)).toHaveLength(1);
    expect(checks(afterJoin)[0]).toMatch(/^• Nhiệm vụ 3:/);
    expect(d.botMessages(office).filter((m) => /Bản nháp thông báo/.test(textOf(m)))).toHaveLength(1);

    // Only a secretary may route by tapping.
    const culture = suggestions.find((b) => b.text === '3 → Phòng Văn hóa và Thông tin') as { callback_data: string };
    const refused = d.pressButton(colleague, preview, culture.callback_data);
    expect((await refused.waitForAnswer()).text).toMatch(/không có quyền/);

    const tap = d.pressButton(secretary, preview, culture.callback_data);
    expect((await tap.waitForAnswer()).text).toMatch(/Đã giao nhiệm vụ 3 cho Phòng Văn hóa và Thông tin/);
    const tapped = await previewNow(/3\/3 nhiệm vụ đã giao/);
    const afterTap = textOf(tapped);
    expect(block(afterTap, '3')).toMatch(/Chủ trì: Phòng Văn hóa và Thông tin/);
    expect(block(afterTap, '3')).toMatch(/Thư ký đã giao/);
    expect(checks(afterTap)).toEqual([]);
    expect(d.buttons(tapped).map((b) => b.text)).toEqual(['📝 Mở trang chỉnh sửa', '✅ Phát hành', '✏️ Sửa', '✖️ Hủy']);

    // Routing again after another change leaves the secretary's choice alone: the alias would
    // send directive 3 to Phòng Văn hóa - Thể thao, but it goes where the secretary put it.
    d.sendCommand(secretary, office, '/unit alias 3 Phòng Văn hóa');
    await d.waitForBotMessage(office, { match: /tên gọi khác/ });
    d.sendCommand(secretary, office, '/publish');
    expect(textOf(await d.waitForBotMessage(office, { match: /Đã phát hành/ }))).toMatch(/gửi 3 tin nhắn tới 3 đơn vị/);
    expect(d.botMessages(cultureGroup).filter((m) => /Nhiệm vụ 3/.test(textOf(m)))).toHaveLength(1);
    expect(d.botMessages(sportsGroup).filter((m) => /Nhiệm vụ \d/.test(textOf(m)))).toHaveLength(0);
  });
});
