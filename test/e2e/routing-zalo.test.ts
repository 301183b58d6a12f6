import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZaloEmulator } from '../../src/emulator/zalo/zalo-emulator.js';
import { startZaloHarness, type ZaloHarness } from './zalo-harness.js';

const notice = `/notice THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 20/11/2020
1. Giao Phòng Văn hóa rà soát các thiết chế văn hóa thôn, hoàn thành trước ngày 15/12/2020.`;

describe('suggested units on Zalo, which has no buttons', () => {
  let h: ZaloHarness;
  let zalo: ZaloEmulator;
  beforeAll(async () => {
    h = await startZaloHarness({ now: () => new Date('2020-11-25T02:00:00Z') });
    ({ zalo } = h);
  });
  afterAll(async () => h?.stop());

  it('come as numbered choices, and typing one routes the directive in a preview sent anew', async () => {
    const z = zalo.driver;
    const ha = z.createUser('Phạm Thu Hà');
    const office = z.createGroup('Văn phòng HĐND và UBND huyện', [ha]);
    const haChat = z.privateChat(ha);
    z.sendText(ha, office, '/setup', { mention: true });
    await z.waitForBotMessage(office, { match: /Đã đăng ký/ });
    for (const name of ['Phòng Văn hóa và Thông tin', 'Phòng Văn hóa - Thể thao']) {
      const official = z.createUser(`Cán bộ ${name}`);
      z.sendText(ha, office, '/invite', { mention: true });
      const code = /\/join (\w+)/.exec((await z.waitForBotMessage(office, { match: /Mã mời/ })).text)![1]!;
      z.sendText(official, z.privateChat(official), `/join ${code} ${name}`);
      await z.waitForBotMessage(z.privateChat(official), { match: /liên kết/ });
    }

    z.sendText(ha, haChat, notice);
    const preview = await z.waitForBotMessage(haChat, { match: /Phát hành/ });
    expect(preview.text).toMatch(/0\/1 nhiệm vụ đã giao; cần giao: 1/);
    const choice = /(\d+) — 1 → Phòng Văn hóa và Thông tin/.exec(preview.text)?.[1];
    expect(choice).toBeDefined();

    z.sendText(ha, haChat, choice!);
    const updated = await z.waitForBotMessage(haChat, { match: /1\/1 nhiệm vụ đã giao/ });
    expect(updated.text).toMatch(/Chủ trì: Phòng Văn hóa và Thông tin/);
    expect(updated.text).not.toMatch(/→ Phòng Văn hóa/);
    const publish = /(\d+) — ✅ Phát hành/.exec(updated.text)![1]!;
    z.sendText(ha, haChat, publish);
    expect((await z.waitForBotMessage(haChat, { match: /Đã phát hành/ })).text).toMatch(/tới 1 đơn vị/);
  });
});
