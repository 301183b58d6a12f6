import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice, textOf } from './routing-world.js';

// 09:00 on 04/12/2020 in Hà Nội: directive 1's and 5's deadlines are already past.
const notice = `/notice THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 20/11/2020
1. Giao Phòng Kinh tế - Hạ tầng hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới, hoàn thành trước ngày 30/11/2020.
2. Giao Phòng Văn hóa và Thông tin triển khai ngay việc tuyên truyền về phòng, chống dịch bệnh.
3. Giao Phòng Tư pháp rà soát các văn bản quy phạm pháp luật của huyện, hoàn thành trước ngày 31/12/2020.
4. Giao Phòng Văn hóa và Thông tin tổ chức hội nghị tổng kết phong trào văn hóa cơ sở.
5. Giao Phòng Kinh tế - Hạ tầng kiểm tra hiện trạng các tuyến đường giao thông nông thôn, hoàn thành trước ngày 01/12/2020.`;

/** The lines of the preview's "Cần kiểm tra" list that are about a directive. */
const checks = (preview: string) => preview.split('\n').filter((line) => line.startsWith('• Nhiệm vụ'));
/** The block of one directive in the preview. */
const block = (preview: string, ordinal: string) => preview.split('\n\n').find((part) => part.startsWith(`${ordinal}. `)) ?? '';
const isPreview = (message: Message) => /Bản nháp thông báo/.test(textOf(message));

describe('a tidy preview', () => {
  let h: Harness;
  /** The ids of the bot's messages edited with editMessageText, in order, as the emulator saw the calls. */
  const editedIds: number[] = [];
  beforeAll(async () => {
    h = await startHarness({ now: () => new Date('2020-12-04T02:00:00Z'), emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false });
    h.emulator.api.world.subscribe((event) => {
      if (event.kind === 'edit' && event.message.text !== undefined && event.message.edit_date) editedIds.push(event.message.message_id);
    });
  });
  afterAll(async () => h?.stop());

  it('flags past deadlines and “ngay”, takes corrections in place, is posted anew only when editing fails, and loses every copy’s buttons on publishing', async () => {
    const d = h.driver;
    const { secretary, office, join } = await setUpOffice(h, 'Văn phòng HĐND và UBND huyện');
    await join('Phòng Kinh tế - Hạ tầng');
    await join('Phòng Văn hóa và Thông tin');
    await join('Phòng Tư pháp huyện');

    d.sendCommand(secretary, office, notice);
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).some((b) => b.text.includes('Phát hành')) });
    const first = textOf(preview);
    expect(checks(first)).toEqual(
      expect.arrayContaining([
        '• Nhiệm vụ 1: Thời hạn 30/11/2020 đã qua (hôm nay 04/12/2020): sửa bằng /due 1 dd/mm/yyyy',
        '• Nhiệm vụ 2: “ngay” được tính là 04/12/2020; nếu cần hạn khác, sửa bằng /due 2 dd/mm/yyyy',
        '• Nhiệm vụ 5: Thời hạn 01/12/2020 đã qua (hôm nay 04/12/2020): sửa bằng /due 5 dd/mm/yyyy',
      ]),
    );
    // A deadline still ahead is not flagged; a directive without one says so in words.
    expect(checks(first).some((line) => line.startsWith('• Nhiệm vụ 3: Thời hạn'))).toBe(false);
    expect(block(first, '4')).toMatch(/Thời hạn: không nêu/);
    expect(first).not.toMatch(/không có|\(\s*\)/);

    // /assign changes the preview where it is: one editMessageText on its message, no new preview.
    const sendsBefore = d.stats().calls.sendMessage ?? 0;
    d.sendCommand(secretary, office, '/assign 4 Phòng Kinh tế - Hạ tầng');
    expect(textOf(await d.waitForBotMessage(office, { match: /Đã cập nhật nhiệm vụ 4/ }))).toBe('Đã cập nhật nhiệm vụ 4 trong bản xem trước.');
    expect(editedIds).toEqual([preview.message_id]);
    expect((d.stats().calls.sendMessage ?? 0) - sendsBefore).toBe(1);
    const afterAssign = textOf(d.botMessages(office).find((m) => m.message_id === preview.message_id)!);
    expect(block(afterAssign, '4')).toMatch(/Chủ trì: Phòng Kinh tế - Hạ tầng/);
    expect(block(afterAssign, '4')).toMatch(/Thư ký đã giao/);

    // /due too, and "Cần kiểm tra" drops what the correction settled.
    d.sendCommand(secretary, office, '/due 1 31/12/2020');
    expect(textOf(await d.waitForBotMessage(office, { match: /Đã cập nhật nhiệm vụ 1/ }))).toMatch(/thời hạn 31\/12\/2020/);
    expect(editedIds).toEqual([preview.message_id, preview.message_id]);
    const afterDue = textOf(d.botMessages(office).find((m) => m.message_id === preview.message_id)!);
    expect(block(afterDue, '1')).toMatch(/Thời hạn: 31\/12\/2020/);
    expect(checks(afterDue).filter((line) => line.startsWith('• Nhiệm vụ 1'))).toEqual([]);
    expect(checks(afterDue).filter((line) => line.startsWith('• Nhiệm vụ 5'))).toHaveLength(1);
    expect(d.botMessages(office).filter(isPreview)).toHaveLength(1);

    // Telegram refuses the next edit: the preview is posted anew, and the new copy is the one edited afterwards.
    d.faults.failNext(1, 'not-editable', { methods: ['editMessageText'] });
    d.sendCommand(secretary, office, '/due 2 10/12/2020');
    await d.waitForBotMessage(office, { match: /Đã cập nhật nhiệm vụ 2/ });
    const copies = d.botMessages(office).filter(isPreview);
    expect(copies).toHaveLength(2);
    const second = copies[1]!;
    expect(d.buttons(second).map((b) => b.text)).toContain('✅ Phát hành');
    expect(checks(textOf(second)).some((line) => line.startsWith('• Nhiệm vụ 2'))).toBe(false);
    const suggestion = d.buttons(second).find((b) => b.text === '3 → Phòng Tư pháp huyện') as { callback_data: string };
    const edits = editedIds.length;
    await d.pressButton(secretary, second, suggestion.callback_data).waitForAnswer();
    await d.waitForEdit(second, { match: /5\/5 nhiệm vụ đã giao/ });
    expect(editedIds.slice(edits)).toEqual([second.message_id]);
    expect(d.botMessages(office).filter(isPreview)).toHaveLength(2);

    // Publishing from the new copy takes the buttons off both copies, and names the deadline already past.
    const publish = d.buttons(second).find((b) => b.text.includes('Phát hành')) as { callback_data: string };
    d.pressButton(secretary, second, publish.callback_data);
    const summary = textOf(await d.waitForBotMessage(office, { match: /Đã phát hành/ }));
    expect(summary).toMatch(/Nhiệm vụ 5: thời hạn 01\/12\/2020 đã qua khi phát hành \(hôm nay 04\/12\/2020\)/);
    expect(summary).not.toMatch(/Nhiệm vụ 1: thời hạn/);
    for (const copy of d.botMessages(office).filter(isPreview)) expect(d.buttons(copy)).toEqual([]);
    expect(d.stats().calls.editMessageReplyMarkup).toBeGreaterThanOrEqual(2);
  });

  it('is posted anew when someone deleted it, and loses its buttons when the draft is cancelled', async () => {
    const d = h.driver;
    const { secretary, office, join } = await setUpOffice(h, 'Văn phòng UBND xã');
    await join('Phòng Kinh tế - Hạ tầng');
    d.sendCommand(secretary, office, notice);
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).some((b) => b.text.includes('Phát hành')) });
    // An admin of the group deletes the preview (over the Bot API, as a moderation bot would).
    const deleted = await fetch(`${h.emulator.apiRoot}/bot${h.emulator.token}/deleteMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: office.id, message_id: preview.message_id }),
    });
    expect(((await deleted.json()) as { ok: boolean }).ok).toBe(true);
    d.sendCommand(secretary, office, '/due 1 31/12/2020');
    await d.waitForBotMessage(office, { match: /Đã cập nhật nhiệm vụ 1/ });
    const anew = d.botMessages(office).filter(isPreview);
    expect(anew).toHaveLength(1);
    expect(anew[0]!.message_id).not.toBe(preview.message_id);
    expect(d.buttons(anew[0]!).map((b) => b.text)).toContain('✅ Phát hành');

    d.sendCommand(secretary, office, '/cancel');
    await d.waitForBotMessage(office, { match: /Đã hủy bản nháp/ });
    expect(d.buttons(d.botMessages(office).find((m) => m.message_id === anew[0]!.message_id)!)).toEqual([]);
  });
});
