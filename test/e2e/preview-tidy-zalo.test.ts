import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZaloHarness, type ZaloHarness } from './zalo-harness.js';

// 09:00 on 04/12/2020 in Hà Nội: the deadline of 30/11/2020 is already past.
const notice = `/notice THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 20/11/2020
1. Giao Phòng Văn hóa và Thông tin rà soát các thiết chế văn hóa thôn, hoàn thành trước ngày 30/11/2020.
2. Giao Phòng Văn hóa và Thông tin tổ chức hội nghị tổng kết phong trào văn hóa cơ sở.`;

describe('a tidy preview on Zalo, where /due is typed', () => {
  let h: ZaloHarness;
  beforeAll(async () => {
    h = await startZaloHarness({ now: () => new Date('2020-12-04T02:00:00Z') });
  });
  afterAll(async () => h?.stop());

  it('flags the past deadline with the /due to type, and a typed /due answers in one line and shows the preview without the flag', async () => {
    const z = h.zalo.driver;
    const ha = z.createUser('Phạm Thu Hà');
    const office = z.createGroup('Văn phòng HĐND và UBND huyện', [ha]);
    const haChat = z.privateChat(ha);
    z.sendText(ha, office, '/setup', { mention: true });
    await z.waitForBotMessage(office, { match: /Đã đăng ký/ });
    const official = z.createUser('Cán bộ Văn hóa');
    z.sendText(ha, office, '/invite', { mention: true });
    const code = /\/join (\w+)/.exec((await z.waitForBotMessage(office, { match: /Mã mời/ })).text)![1]!;
    z.sendText(official, z.privateChat(official), `/join ${code} Phòng Văn hóa và Thông tin`);
    await z.waitForBotMessage(z.privateChat(official), { match: /liên kết/ });

    z.sendText(ha, haChat, notice);
    const preview = await z.waitForBotMessage(haChat, { match: /Phát hành/ });
    expect(preview.text).toContain('Nhiệm vụ 1: Thời hạn 30/11/2020 đã qua (hôm nay 04/12/2020): sửa bằng /due 1 dd/mm/yyyy');
    expect(preview.text).toMatch(/Thời hạn: không nêu/);
    expect(preview.text).not.toMatch(/không có|\(\s*\)/);
    // Zalo has no buttons: the editor is a signed link written out, not a numbered choice.
    expect(preview.text).toMatch(/^📝 Mở trang chỉnh sửa: http:\/\/127\.0\.0\.1:\d+\/editor\/\w+\?p=[\w-]+&exp=\d+&sig=[\w-]+$/m);
    expect(preview.text).not.toMatch(/^\d+ — 📝/m);

    z.sendText(ha, haChat, '/due 1 31/12/2020');
    const ack = await z.waitForBotMessage(haChat, { match: /Đã cập nhật nhiệm vụ 1/ });
    expect(ack.text).toBe('Đã cập nhật nhiệm vụ 1 trong bản xem trước: thời hạn 31/12/2020.');
    // Zalo cannot edit: the corrected preview is the newest one, before the acknowledgement.
    const previews = z.botMessages(haChat).filter((m) => /Bản nháp thông báo/.test(m.text));
    expect(previews).toHaveLength(2);
    expect(previews[1]!.text).toMatch(/Thời hạn: 31\/12\/2020/);
    expect(previews[1]!.text).not.toMatch(/đã qua/);
  });
});
