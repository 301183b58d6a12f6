import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const textOf = (message: Message) => message.text ?? message.caption ?? '';

describe('managing units and roles', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false, now: () => new Date('2020-11-25T02:00:00Z') });
  });
  afterAll(async () => h?.stop());

  it('renames a unit, matches notices through an alias, gives roles, and lists work in private chats', async () => {
    const d = h.driver;
    const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky' });
    const leader = d.createUser({ firstName: 'Lãnh', lastName: 'Đạo', username: 'lanhdao', languageCode: 'en' });
    const official = d.createUser({ firstName: 'Cán', lastName: 'Bộ', username: 'canbo' });
    const office = d.createGroup({ title: 'Văn phòng Huyện ủy', type: 'supergroup', admins: [secretary], members: [leader] });
    const unitGroup = d.createGroup({ title: 'Đảng ủy xã', members: [official] });

    d.sendCommand(secretary, office, '/caidat'); // the Vietnamese alias of /setup
    await d.waitForBotMessage(office, { match: /Đã đăng ký/ });
    d.sendCommand(secretary, office, '/moi');
    const code = /\/join (\w+)/.exec(textOf(await d.waitForBotMessage(office, { match: /Mã mời/ })))![1];
    d.sendCommand(official, unitGroup, `/thamgia ${code} Đảng ủy xã Thuận`);
    await d.waitForBotMessage(unitGroup, { match: /Đảng ủy xã Thuận/ });
    await d.waitForBotMessage(office, { match: /đã tham gia/ });

    d.sendCommand(secretary, office, '/unit rename 1 Đảng ủy xã Thuận Hòa');
    await d.waitForBotMessage(office, { match: /Đã đổi tên/ });
    d.sendCommand(secretary, office, '/unit alias 1 Đảng ủy Thuận Hòa');
    await d.waitForBotMessage(office, { match: /tên gọi khác/ });
    d.sendCommand(secretary, office, '/units');
    const units = textOf(await d.waitForBotMessage(office, { match: /Đơn vị của/ }));
    expect(units).toMatch(/1\. Đảng ủy xã Thuận Hòa \(Đảng ủy Thuận Hòa\) — Đảng ủy xã/);

    // The leader wrote nothing yet, so is unknown; after a message the role can be given.
    d.sendCommand(secretary, office, '/role @lanhdao leader');
    await d.waitForBotMessage(office, { match: /chưa biết người dùng @lanhdao/ });
    d.sendCommand(leader, office, '/help');
    await d.waitForBotMessage(office);
    d.sendCommand(secretary, office, '/role @lanhdao lanhdao');
    await d.waitForBotMessage(office, { match: /Lãnh Đạo có vai trò lãnh đạo/ });

    d.sendCommand(secretary, office, '/notice THÔNG BÁO\nKết luận\n1. Giao Đảng ủy Thuận Hòa rà soát đảng viên, hoàn thành trước ngày 10/12/2020.');
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0 });
    expect(textOf(preview)).toMatch(/Chủ trì: Đảng ủy xã Thuận Hòa/);
    d.sendCommand(secretary, office, '/publish');
    await d.waitForBotMessage(office, { match: /Đã phát hành/ });
    await d.waitForBotMessage(unitGroup, { match: /Nhiệm vụ 1/, since: 0 });

    // The leader's Telegram is in English: /report and /notices answer in English.
    d.sendCommand(leader, office, '/report');
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/Done on time: 0[\s\S]*within the deadline: 1/);
    d.sendCommand(leader, office, '/notices');
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/1 task/);

    // An official who reported once sees the unit's open work in a private chat.
    d.sendCommand(official, unitGroup, '/status 1 đang làm');
    await d.waitForBotMessage(unitGroup, { match: /Đã ghi nhận/ });
    const privateChat = d.privateChat(official);
    d.startBot(official);
    await d.waitForBotMessage(privateChat, { match: /cán bộ — Văn phòng Huyện ủy — Đảng ủy xã Thuận Hòa/ });
    d.sendCommand(official, privateChat, '/mine');
    expect(textOf(await d.waitForBotMessage(privateChat))).toMatch(/Nhiệm vụ chưa hoàn thành của Đảng ủy xã Thuận Hòa \(1\)[\s\S]*Đang thực hiện/);

    // Removing the unit stops routing to it but keeps its history.
    d.sendCommand(secretary, office, '/unit remove 1');
    await d.waitForBotMessage(office, { match: /Đã gỡ/ });
    d.sendCommand(official, unitGroup, '/status');
    expect(textOf(await d.waitForBotMessage(unitGroup))).toMatch(/chưa được đăng ký/);
  });
});
