import { Document, Packer, Paragraph } from 'docx';
import type { Chat, Message, User } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

const textOf = (message: Message) => message.text ?? message.caption ?? '';

/** The Telegram chat ids dondoc has stored, read from its database. */
async function fetchChatIds(h: Harness): Promise<string[]> {
  const { openDatabase } = await import('../../src/store/database.js');
  const { db, close } = await openDatabase(h.databaseUrl);
  try {
    return (await db.chat.findMany({ select: { externalId: true } })).map((chat) => chat.externalId);
  } finally {
    await close();
  }
}
const fastHarness = (options: HarnessOptions = {}) =>
  startHarness({ emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false, now: () => new Date('2020-11-25T02:00:00Z'), ...options });

const shortNotice = [
  'THÔNG BÁO',
  'Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban',
  'Ngày 20/11/2020, Chủ tịch UBND huyện chủ trì họp giao ban. Chủ tịch UBND huyện kết luận như sau:',
  '1. Giao Phòng Nội vụ rà soát biên chế, báo cáo trước ngày 15/12/2020.',
  '2. Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Nội vụ cân đối kinh phí trong quý I/2021.',
].join('\n');

/** An office group with its secretary, set up, and a unit group linked as Phòng Nội vụ. */
async function officeWithUnit(h: Harness) {
  const d = h.driver;
  const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky' });
  const official = d.createUser({ firstName: 'Cán bộ', lastName: 'Nội vụ', username: 'cb_noivu' });
  const office = d.createGroup({ title: 'Văn phòng UBND huyện', type: 'supergroup', admins: [secretary], members: [official] });
  const unitGroup = d.createGroup({ title: 'Phòng Nội vụ', members: [official] });
  d.sendCommand(secretary, office, '/setup');
  await d.waitForBotMessage(office, { match: /Đã đăng ký/ });
  await joinWithNewInvite(h, { secretary, office }, official, unitGroup, 'Phòng Nội vụ');
  return { secretary, official, office, unitGroup };
}

/** The secretary makes an invite; a unit's official joins with it; returns the code, now used. */
async function joinWithNewInvite(h: Harness, from: { secretary: User; office: Chat }, official: User, unitGroup: Chat, unitName: string): Promise<string> {
  const d = h.driver;
  d.sendCommand(from.secretary, from.office, '/invite');
  const code = /\/join (\w+)/.exec(textOf(await d.waitForBotMessage(from.office, { match: /Mã mời/ })))![1]!;
  d.sendCommand(official, unitGroup, `/join ${code} ${unitName}`);
  await d.waitForBotMessage(unitGroup, { match: /đã được liên kết/ });
  await d.waitForBotMessage(from.office, { match: /đã tham gia/ });
  return code;
}

async function expectReply(h: Harness, chat: Chat, match: RegExp) {
  expect(textOf(await h.driver.waitForBotMessage(chat))).toMatch(match);
}

describe('who may do what', () => {
  let h: Harness;
  afterEach(async () => h?.stop());

  it('only group admins can make a group an office, and only secretaries can post notices or invite', async () => {
    h = await fastHarness();
    const d = h.driver;
    const admin = d.createUser({ firstName: 'Quản', lastName: 'Trị' });
    const member = d.createUser({ firstName: 'Thành', lastName: 'Viên' });
    const office = d.createGroup({ title: 'Văn phòng', type: 'supergroup', admins: [admin], members: [member] });
    d.sendCommand(member, office, '/setup');
    await expectReply(h, office, /Chỉ quản trị viên của nhóm/);
    d.sendCommand(admin, office, '/setup');
    await expectReply(h, office, /Đã đăng ký/);
    d.sendCommand(member, office, `/notice ${shortNotice}`);
    await expectReply(h, office, /không có quyền/);
    d.sendCommand(member, office, '/invite');
    await expectReply(h, office, /không có quyền/);
  });

  it('an invite code works once, and a forwarded status button cannot report for another unit', async () => {
    h = await fastHarness();
    const d = h.driver;
    const { secretary, official, office, unitGroup } = await officeWithUnit(h);
    const stranger = d.createUser({ firstName: 'Người', lastName: 'Lạ' });
    const otherGroup = d.createGroup({ title: 'Nhóm khác', members: [stranger] });
    const code = await joinWithNewInvite(h, { secretary, office }, stranger, otherGroup, 'Phòng Tài chính - Kế hoạch');
    const thirdGroup = d.createGroup({ title: 'Nhóm thứ ba', members: [stranger] });
    d.sendCommand(stranger, thirdGroup, `/join ${code} Phòng Y tế`);
    await expectReply(h, thirdGroup, /đã được dùng/);

    d.sendCommand(secretary, office, `/notice ${shortNotice}`);
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0 });
    d.pressButton(secretary, preview, `nt:${/nt:([^:]+)/.exec(JSON.stringify(preview.reply_markup))![1]}:pub`);
    await d.waitForBotMessage(office, { match: /Đã phát hành/ });
    const directive = await d.waitForBotMessage(unitGroup, { match: /Nhiệm vụ 1/, since: 0 });
    const [done] = d.buttons(directive) as { callback_data: string }[];
    // The same keyboard, forwarded into the other unit's group and pressed there. The driver
    // cannot forward, so the press is queued as Telegram would send it from that chat.
    const { api } = h.emulator;
    const query = api.world.createCallbackQuery(stranger.id, otherGroup.id, directive.message_id);
    api.queue.push({ callback_query: { id: query.id, from: stranger, message: { ...directive, chat: otherGroup }, chat_instance: 'forwarded', data: done!.callback_data } });
    await expect.poll(() => query.answer?.text, { timeout: 5000 }).toMatch(/không giao cho đơn vị/);
    // The unit's own official can.
    const own = d.pressButton(official, directive, done!.callback_data);
    expect((await own.waitForAnswer()).text).toMatch(/Hoàn thành/);
  });
});

describe('bad input gets a clear Vietnamese answer and loses nothing', () => {
  let h: Harness;
  afterEach(async () => h?.stop());

  it('refuses a file over 20 MB, a broken .docx, a notice without directives, and unknown directive numbers', async () => {
    h = await fastHarness();
    const d = h.driver;
    const { secretary, official, office, unitGroup } = await officeWithUnit(h);

    d.sendDocument(secretary, office, { data: Buffer.alloc(20 * 1024 * 1024 + 1, 32), fileName: 'thong-bao.txt', caption: '/notice' });
    await expectReply(h, office, /lớn hơn 20 MB/);
    d.sendDocument(secretary, office, { data: Buffer.from('PK\u0003\u0004 this is not really a docx'), fileName: 'thong-bao.docx', caption: '/notice' });
    await expectReply(h, office, /Không đọc được tệp “thong-bao.docx”/);
    d.sendCommand(secretary, office, '/notice Kính gửi các đồng chí, hôm nay trời đẹp.');
    await expectReply(h, office, /Không tìm thấy nhiệm vụ nào/);
    // The failed attempts left no draft behind: a real notice goes through.
    d.sendCommand(secretary, office, '/cancel');
    await d.waitForBotMessage(office);
    d.sendCommand(secretary, office, `/notice ${shortNotice}`);
    await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0 });
    d.sendCommand(secretary, office, '/due 9 30/12/2020');
    await expectReply(h, office, /Không có nhiệm vụ số 9/);
    d.sendCommand(secretary, office, '/due 1 31/02/2021');
    await expectReply(h, office, /Cách dùng: \/due/);
    d.sendCommand(secretary, office, '/due 1 20/12/2020');
    await expectReply(h, office, /nhiệm vụ 1 trong bản xem trước: thời hạn 20\/12\/2020/);
    d.sendCommand(secretary, office, '/publish');
    await d.waitForBotMessage(office, { match: /Đã phát hành/ });
    d.sendCommand(official, unitGroup, '/status 7 xong');
    await expectReply(h, unitGroup, /không có nhiệm vụ số 7/);
    d.sendCommand(official, unitGroup, '/status 1 hình như xong');
    await expectReply(h, unitGroup, /Cách dùng: \/status/);
  });

  it('an empty /notice asks for the text, and a notice sent over several messages survives a restart', async () => {
    h = await fastHarness();
    const d = h.driver;
    const { secretary, office } = await officeWithUnit(h);
    const [head, ...items] = shortNotice.split('\n1.');
    d.sendCommand(secretary, office, '/notice');
    const prompt = await d.waitForBotMessage(office, { match: /trả lời \(reply\) tin nhắn này/ });
    d.reply(secretary, prompt, head!);
    const ack = await d.waitForBotMessage(office, { match: /Đã nhận/ });

    // The bot restarts on the same database between the two parts.
    await h.app.stop();
    const { startApp } = await import('../../src/app.js');
    const { createLogger } = await import('../../src/logger.js');
    const restarted = await startApp(h.config, { logger: createLogger({ level: 'silent' }), throttle: false, now: () => new Date('2020-11-25T02:00:00Z') });
    try {
      d.reply(secretary, ack, `1.${items.join('\n1.')}`);
      await d.waitForBotMessage(office, { match: /Đã nhận/ });
      d.sendCommand(secretary, office, '/done');
      const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0 });
      expect(textOf(preview)).toMatch(/2 nhiệm vụ/);
      expect(textOf(preview)).toMatch(/Chủ trì: Phòng Nội vụ/);
      expect(textOf(preview)).toMatch(/15\/12\/2020/);
    } finally {
      await restarted.stop();
    }
  });
});

describe('publishing', () => {
  let h: Harness;
  afterEach(async () => h?.stop());

  it('keeps going when one unit’s group removed the bot, retries a failing call, and says what was not delivered', async () => {
    h = await fastHarness();
    const d = h.driver;
    const { secretary, office, unitGroup } = await officeWithUnit(h);
    const financeOfficial = d.createUser({ firstName: 'Cán bộ', lastName: 'Tài chính' });
    const financeGroup = d.createGroup({ title: 'Phòng TC-KH', members: [financeOfficial] });
    await joinWithNewInvite(h, { secretary, office }, financeOfficial, financeGroup, 'Phòng Tài chính - Kế hoạch');

    d.sendCommand(secretary, office, `/notice ${shortNotice}`);
    await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0 });
    d.kickBot(financeGroup);
    // Telegram hiccups once on the Nội vụ delivery: the call is retried, not lost.
    d.faults.failNext(1, 'error500', { methods: ['sendMessage'], match: (params: Record<string, unknown>) => String(params.chat_id) === String(unitGroup.id) });
    d.sendCommand(secretary, office, '/publish');
    const summary = textOf(await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 }));
    expect(summary).toMatch(/gửi 2 tin nhắn tới 1 đơn vị/);
    expect(summary).toMatch(/Chưa gửi được nhiệm vụ 2 tới Phòng Tài chính - Kế hoạch: bot đã bị chặn hoặc bị xóa khỏi nhóm/);
    const received = d.botMessages(unitGroup).filter((m) => /Nhiệm vụ \d/.test(textOf(m)));
    expect(received.map((m) => /Nhiệm vụ (\d)/.exec(textOf(m))?.[1])).toEqual(['1', '2']);
  });
});

describe('the bot on Telegram', () => {
  let h: Harness;
  afterEach(async () => h?.stop());

  it('runs by webhook with the secret checked, and handles a repeated update only once', async () => {
    h = await fastHarness({ mode: 'webhook' });
    const d = h.driver;
    const admin = d.createUser({ firstName: 'Quản', lastName: 'Trị' });
    const office = d.createGroup({ title: 'Văn phòng', admins: [admin] });
    d.faults.duplicateNextWebhookDeliveries(1);
    d.sendCommand(admin, office, '/setup');
    await d.waitForBotMessage(office, { match: /Đã đăng ký/ });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The repeated delivery carried the same update_id: no second answer of any kind.
    expect(d.botMessages(office)).toHaveLength(1);

    const forged = await fetch(`${h.app.http.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' },
      body: JSON.stringify({ update_id: 999, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1, is_bot: false, first_name: 'x' }, text: '/start' } }),
    });
    expect(forged.status).toBe(401);
  });

  it('follows an office group that Telegram upgraded to a supergroup with a new id', async () => {
    h = await fastHarness();
    const d = h.driver;
    const admin = d.createUser({ firstName: 'Quản', lastName: 'Trị' });
    const group = d.createGroup({ title: 'Văn phòng', admins: [admin] });
    d.sendCommand(admin, group, '/setup');
    await d.waitForBotMessage(group, { match: /Đã đăng ký/ });
    // The upgrade: the old group gets a service message naming the new supergroup's id.
    const supergroup = d.createGroup({ title: 'Văn phòng', type: 'supergroup', admins: [admin], silent: true });
    h.emulator.api.queue.push({ message: { message_id: 9_999, date: Math.floor(Date.now() / 1000), chat: group, from: admin, migrate_to_chat_id: supergroup.id } as Message });
    await expect.poll(async () => (await fetchChatIds(h)).includes(String(supergroup.id)), { timeout: 5000 }).toBe(true);
    d.sendCommand(admin, supergroup, '/units');
    expect(textOf(await d.waitForBotMessage(supergroup))).toMatch(/Chưa có đơn vị nào/);
  });

  it('sets the command menus for groups and private chats in Vietnamese and English', async () => {
    h = await fastHarness();
    const call = async (body: object) => {
      const response = await fetch(`${h.emulator.apiRoot}/bot${h.emulator.token}/getMyCommands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return ((await response.json()) as { result: { command: string; description: string }[] }).result;
    };
    const groupVi = await call({ scope: { type: 'all_group_chats' } });
    const privateEn = await call({ scope: { type: 'all_private_chats' }, language_code: 'en' });
    expect(groupVi.map((c) => c.command)).toEqual(expect.arrayContaining(['notice', 'status', 'report', 'help']));
    expect(groupVi.find((c) => c.command === 'status')?.description).toMatch(/báo cáo tiến độ/);
    expect(privateEn.find((c) => c.command === 'notice')?.description).toMatch(/notice/i);
  });

  it('answers /status@dondoc_test_bot and ignores /status@another_bot in a group', async () => {
    h = await fastHarness();
    const d = h.driver;
    const user: User = d.createUser({ firstName: 'An' });
    const group = d.createGroup({ title: 'Nhóm chưa đăng ký', members: [user] });
    d.sendText(user, group, '/help@another_bot');
    d.sendCommand(user, group, '/help', { addressed: true });
    const reply = await d.waitForBotMessage(group);
    expect(textOf(reply)).toMatch(/chưa đăng ký/i);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.botMessages(group)).toHaveLength(1);
  });
});
