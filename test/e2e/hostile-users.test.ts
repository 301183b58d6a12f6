import type { Chat, Message, Update, User } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/database.js';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

/**
 * Defects found by attacking the running bot (issue 20): each test drives the real app over
 * real HTTP against the emulator, the way a stranger or a careless member would.
 */

const textOf = (message: Message) => message.text ?? message.caption ?? '';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const fastHarness = (options: HarnessOptions = {}) =>
  startHarness({ emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false, now: () => new Date('2020-11-25T02:00:00Z'), ...options });

/** Reads the app's database beside it, as an operator would. */
async function withDb<T>(h: Harness, read: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await openDatabase(h.databaseUrl);
  try {
    return await read(db);
  } finally {
    await close();
  }
}

/** A message update as Telegram would post it, for a forger who knows the chat and the user. */
function commandUpdate(updateId: number, chat: Chat, from: User, text: string): Update {
  const command = text.split(' ')[0]!;
  return {
    update_id: updateId,
    message: { message_id: 90_000 + updateId, date: Math.floor(Date.now() / 1000), chat, from, text, entities: [{ type: 'bot_command', offset: 0, length: command.length }] },
  } as Update;
}

let h: Harness;
afterEach(async () => h?.stop());

describe('a stranger with the webhook URL', () => {
  it('cannot post updates when no WEBHOOK_SECRET is configured: the app draws one and refuses requests without it', async () => {
    h = await fastHarness({ mode: 'webhook', webhookSecret: false });
    const d = h.driver;
    const admin = d.createUser({ firstName: 'Quản', lastName: 'Trị' });
    const office = d.createGroup({ title: 'Văn phòng', admins: [admin] });
    const other = d.createGroup({ title: 'Nhóm khác', admins: [admin] });
    // Telegram's own deliveries carry the secret the app gave to setWebhook.
    d.sendCommand(admin, office, '/setup');
    await d.waitForBotMessage(office, { match: /Đã đăng ký/ });

    const post = (headers: Record<string, string>, update: Update) =>
      fetch(`${h.app.http.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
    const bare = await post({}, commandUpdate(1, other, admin, '/setup Giả mạo'));
    const wrong = await post({ 'x-telegram-bot-api-secret-token': 'guessed_secret' }, commandUpdate(2, other, admin, '/setup Giả mạo'));
    expect([bare.status, wrong.status]).toEqual([401, 401]);
    // The update handler runs before the response, so a forged /setup taken would show by now.
    expect(await withDb(h, (db) => db.office.findMany({ select: { name: true } }))).toEqual([{ name: 'Văn phòng' }]);
    expect(d.botMessages(other)).toHaveLength(0);
  });
});

const notice = [
  'THÔNG BÁO',
  'Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban',
  'Ngày 20/11/2020, Chủ tịch UBND huyện chủ trì họp giao ban. Chủ tịch UBND huyện kết luận như sau:',
  '1. Giao Phòng Nội vụ rà soát biên chế, báo cáo trước ngày 15/12/2020.',
].join('\n');

/** An office with its secretary, and Phòng Nội vụ's group (its official, who linked it, and a colleague the bot has not met). */
async function officeWithUnit(h: Harness) {
  const d = h.driver;
  const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky' });
  const official = d.createUser({ firstName: 'Cán bộ', lastName: 'Nội vụ' });
  const colleague = d.createUser({ firstName: 'Đồng nghiệp', lastName: 'Nội vụ' });
  const office = d.createGroup({ title: 'Văn phòng UBND huyện', type: 'supergroup', admins: [secretary] });
  const unitGroup = d.createGroup({ title: 'Phòng Nội vụ', members: [official, colleague] });
  d.sendCommand(secretary, office, '/setup');
  await d.waitForBotMessage(office, { match: /Đã đăng ký/ });
  d.sendCommand(official, unitGroup, `/join ${await inviteCode(h, secretary, office)} Phòng Nội vụ`);
  await d.waitForBotMessage(unitGroup, { match: /đã được liên kết/ });
  return { secretary, official, colleague, office, unitGroup };
}

async function inviteCode(h: Harness, secretary: User, office: Chat): Promise<string> {
  h.driver.sendCommand(secretary, office, '/invite');
  return /\/join (\w+)/.exec(textOf(await h.driver.waitForBotMessage(office, { match: /Mã mời/ })))![1]!;
}

/** Publishes the one-directive notice and returns its message in the unit's group. */
async function publishNotice(h: Harness, secretary: User, office: Chat, unitGroup: Chat): Promise<Message> {
  const d = h.driver;
  d.sendCommand(secretary, office, `/notice ${notice}`);
  const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0 });
  d.pressButton(secretary, preview, buttonData(h, preview, 'Phát hành'));
  await d.waitForBotMessage(office, { match: /Đã phát hành/ });
  return d.waitForBotMessage(unitGroup, { match: /Nhiệm vụ 1/, since: 0 });
}

function buttonData(h: Harness, message: Message, label: string): string {
  return (h.driver.buttons(message).find((button) => button.text.includes(label)) as { callback_data: string }).callback_data;
}

const rowCounts = (h: Harness) =>
  withDb(h, async (db) => ({ people: await db.person.count(), chats: await db.chat.count(), reports: await db.statusReport.count(), memberships: await db.membership.count() }));

describe('a stranger pressing buttons or writing', () => {
  it('cannot report with a forged status button, and leaves no person or chat behind; a colleague in the group can', async () => {
    h = await fastHarness();
    const d = h.driver;
    const { secretary, colleague, office, unitGroup } = await officeWithUnit(h);
    const directive = await publishNotice(h, secretary, office, unitGroup);
    const before = await rowCounts(h);

    // Someone outside the group (a public group's reader, or a custom client) presses "Hoàn thành".
    const stranger = d.createUser({ firstName: 'Người', lastName: 'Lạ' });
    const forged = await d.pressButton(stranger, directive, buttonData(h, directive, 'Hoàn thành')).waitForAnswer();
    expect(forged.text).toMatch(/Chỉ thành viên/);
    // The secretary is known to the bot but is not in the unit's group either.
    const outsider = await d.pressButton(secretary, directive, buttonData(h, directive, 'Hoàn thành')).waitForAnswer();
    expect(outsider.text).toMatch(/Chỉ thành viên của đơn vị/);
    // A stranger's message to the bot in a private chat it never had: taken (its update id is
    // claimed first), then dropped without a trace.
    const claims = await withDb(h, (db) => db.processedUpdate.count());
    d.sendText(stranger, d.privateChat(stranger), 'xin chào, cho hỏi');
    await expect.poll(() => withDb(h, (db) => db.processedUpdate.count()), { timeout: 5000 }).toBe(claims + 1);
    await pause(300);
    expect(await rowCounts(h)).toEqual(before);
    expect(await withDb(h, (db) => db.assignment.findMany({ select: { state: true } }))).toEqual([{ state: 'NOT_STARTED' }]);

    // A colleague in the unit's group the bot has never met reports all the same, and is enrolled.
    const pressed = await d.pressButton(colleague, directive, buttonData(h, directive, 'Hoàn thành')).waitForAnswer();
    expect(pressed.text).toMatch(/Hoàn thành/);
    expect(await withDb(h, (db) => db.assignment.findMany({ select: { state: true } }))).toEqual([{ state: 'DONE' }]);
    expect((await rowCounts(h)).people).toBe(before.people + 1);
  });
});

describe('strangers flooding a public group with forged presses', () => {
  it('do not hold up the group\'s messages, and one stranger pressing again is refused without asking Telegram again', async () => {
    // Telegram's limits and the bot's own pacing, as in production.
    h = await startHarness({ emulator: { botUsername: 'dondoc_test_bot' }, now: () => new Date('2020-11-25T02:00:00Z') });
    const d = h.driver;
    const { secretary, official, office, unitGroup } = await officeWithUnit(h);
    const directive = await publishNotice(h, secretary, office, unitGroup);
    const done = buttonData(h, directive, 'Hoàn thành');
    const asked = () => d.stats().calls.getChatMember ?? 0;
    const askedBefore = asked();
    const presses = Array.from({ length: 40 }, (_, i) => d.pressButton(d.createUser({ firstName: `Người lạ ${i}` }), directive, done));
    const stubborn = d.createUser({ firstName: 'Người', lastName: 'Lì' });
    for (let i = 0; i < 5; i++) expect((await d.pressButton(stubborn, directive, done).waitForAnswer()).text).toMatch(/Chỉ thành viên/);
    d.sendCommand(official, unitGroup, '/status');
    // Asked with the group's messages, the 41 questions would take the group's 20 messages a minute.
    await d.waitForBotMessage(unitGroup, { match: /Nhiệm vụ chưa hoàn thành của Phòng Nội vụ/, timeoutMs: 15_000 });
    for (const press of presses) expect((await press.waitForAnswer()).text).toMatch(/Chỉ thành viên/);
    expect(asked() - askedBefore).toBe(41);
    expect(await withDb(h, (db) => db.assignment.findMany({ select: { state: true } }))).toEqual([{ state: 'NOT_STARTED' }]);
  }, 60_000);
});

describe('a unit group and /join', () => {
  const channelsOf = (h: Harness) =>
    withDb(h, (db) => db.unitChannel.findMany({ select: { unit: { select: { name: true, office: { select: { name: true } } } } } }));

  it('takes /join only from a group admin, never moves a linked group to another office, and tells the office when its group moves', async () => {
    h = await fastHarness();
    const d = h.driver;
    const { secretary, official, colleague, office, unitGroup } = await officeWithUnit(h);
    const rival = d.createUser({ firstName: 'Thư ký', lastName: 'Khác' });
    const rivalOffice = d.createGroup({ title: 'Văn phòng xã bên', type: 'supergroup', admins: [rival] });
    d.sendCommand(rival, rivalOffice, '/setup');
    await d.waitForBotMessage(rivalOffice, { match: /Đã đăng ký/ });
    const rivalCode = await inviteCode(h, rival, rivalOffice);

    // A member who is not an admin of the group.
    d.sendCommand(colleague, unitGroup, `/join ${rivalCode} Phòng Nội vụ xã`);
    expect(textOf(await d.waitForBotMessage(unitGroup))).toMatch(/Chỉ quản trị viên của nhóm mới liên kết/);
    // The group's own admin, with another office's code: refused, and the office hears of it.
    d.sendCommand(official, unitGroup, `/join ${rivalCode} Phòng Nội vụ xã`);
    expect(textOf(await d.waitForBotMessage(unitGroup))).toMatch(/đang là nhóm của Phòng Nội vụ \(Văn phòng UBND huyện\)/);
    expect(textOf(await d.waitForBotMessage(office, { match: /mã mời của cơ quan khác/ }))).toMatch(/Phòng Nội vụ/);
    expect(await channelsOf(h)).toEqual([{ unit: { name: 'Phòng Nội vụ', office: { name: 'Văn phòng UBND huyện' } } }]);
    // One attempt per code: trying it again is refused as used, and the office is not told twice.
    d.sendCommand(official, unitGroup, `/join ${rivalCode} Phòng Nội vụ xã`);
    expect(textOf(await d.waitForBotMessage(unitGroup))).toMatch(/Mã mời này đã được dùng/);
    expect(d.botMessages(office).filter((m) => /mã mời của cơ quan khác/.test(textOf(m)))).toHaveLength(1);

    // Within its own office the group may move to another unit; the secretaries are told.
    d.sendCommand(official, unitGroup, `/join ${await inviteCode(h, secretary, office)} Phòng Tư pháp`);
    await d.waitForBotMessage(unitGroup, { match: /đã được liên kết với Phòng Tư pháp/ });
    expect(textOf(await d.waitForBotMessage(office, { match: /chuyển từ/ }))).toMatch(/“Phòng Nội vụ” chuyển từ Phòng Nội vụ sang Phòng Tư pháp/);
  });
});

describe('an official linked in a private chat', () => {
  it('may move to another office\'s unit, and the former office is told', async () => {
    h = await fastHarness();
    const d = h.driver;
    const [first, second] = ['Văn phòng UBND huyện', 'Văn phòng Huyện ủy'].map((title) => {
      const secretary = d.createUser({ firstName: 'Thư ký', lastName: title });
      return { secretary, office: d.createGroup({ title, type: 'supergroup', admins: [secretary] }) };
    });
    for (const { secretary, office } of [first!, second!]) {
      d.sendCommand(secretary, office, '/setup');
      await d.waitForBotMessage(office, { match: /Đã đăng ký/ });
    }
    const official = d.createUser({ firstName: 'An', lastName: 'Nguyễn Văn' });
    const own = d.privateChat(official);
    d.sendCommand(official, own, `/join ${await inviteCode(h, first!.secretary, first!.office)} Phòng Nội vụ`);
    await d.waitForBotMessage(own, { match: /Bạn đã được liên kết/ });
    d.sendCommand(official, own, `/join ${await inviteCode(h, second!.secretary, second!.office)} Ban Tổ chức`);
    await d.waitForBotMessage(own, { match: /Bạn đã được liên kết với Ban Tổ chức/ });
    expect(textOf(await d.waitForBotMessage(first!.office, { match: /chuyển từ/ }))).toMatch(/Nguyễn Văn An chuyển từ Phòng Nội vụ sang Ban Tổ chức: nhiệm vụ của Phòng Nội vụ không còn gửi cho Nguyễn Văn An qua tin nhắn riêng/);
    await d.waitForBotMessage(second!.office, { match: /Ban Tổ chức: Nguyễn Văn An nhận nhiệm vụ qua tin nhắn riêng/ });
  });
});

describe('a forum group linked to a unit', () => {
  it('keeps its topics too from another office\'s code', async () => {
    h = await fastHarness();
    const d = h.driver;
    const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký' });
    const admin = d.createUser({ firstName: 'Quản trị', lastName: 'Xã' });
    const office = d.createGroup({ title: 'Văn phòng UBND huyện', type: 'supergroup', admins: [secretary] });
    const forum = d.createGroup({ title: 'UBND xã Bình Sơn', forum: true, admins: [admin] });
    d.sendCommand(secretary, office, '/setup');
    await d.waitForBotMessage(office, { match: /Đã đăng ký/ });
    d.sendCommand(admin, forum, `/join ${await inviteCode(h, secretary, office)} UBND xã Bình Sơn`);
    await d.waitForBotMessage(forum, { match: /đã được liên kết/ });

    const rival = d.createUser({ firstName: 'Thư ký', lastName: 'Khác' });
    const rivalOffice = d.createGroup({ title: 'Văn phòng khác', type: 'supergroup', admins: [rival] });
    d.sendCommand(rival, rivalOffice, '/setup');
    await d.waitForBotMessage(rivalOffice, { match: /Đã đăng ký/ });
    const topic = d.createTopic(forum, 'Tư pháp', admin);
    d.sendCommand(admin, forum, `/join ${await inviteCode(h, rival, rivalOffice)} Tư pháp xã`, { threadId: topic.message_thread_id });
    expect(textOf(await d.waitForBotMessage(forum, { threadId: topic.message_thread_id }))).toMatch(/đang là nhóm của UBND xã Bình Sơn \(Văn phòng UBND huyện\)/);
    await d.waitForBotMessage(office, { match: /mã mời của cơ quan khác/ });
    expect(await withDb(h, (db) => db.unitChannel.count())).toBe(1);
  });
});

describe('length caps', () => {
  it('refuses an over-long unit name, alias, note and office name with the cap, and stores none of them', async () => {
    h = await fastHarness();
    const d = h.driver;
    const { secretary, official, office, unitGroup } = await officeWithUnit(h);
    await publishNotice(h, secretary, office, unitGroup);

    d.sendCommand(secretary, office, `/unit rename 1 ${'Phòng '.repeat(1000)}`);
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/Tên đơn vị dài 5\.?999 ký tự, quá giới hạn 120 ký tự/);
    d.sendCommand(secretary, office, `/unit alias 1 ${'P'.repeat(61)}`);
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/Tên gọi khác dài 61 ký tự, quá giới hạn 60/);
    d.sendCommand(official, unitGroup, `/status 1 xong ${'ghi chú '.repeat(200)}`);
    expect(textOf(await d.waitForBotMessage(unitGroup))).toMatch(/Ghi chú dài 1\.?599 ký tự, quá giới hạn 1\.?000/);
    const founder = d.createUser({ firstName: 'Quản', lastName: 'Trị' });
    const another = d.createGroup({ title: 'Văn phòng khác', admins: [founder] });
    d.sendCommand(founder, another, `/setup ${'Văn phòng '.repeat(20)}`);
    expect(textOf(await d.waitForBotMessage(another))).toMatch(/Tên cơ quan dài 199 ký tự, quá giới hạn 128/);

    const stored = await withDb(h, async (db) => ({
      units: (await db.unit.findMany()).map((unit) => unit.name),
      aliases: await db.unitAlias.count(),
      notes: (await db.statusReport.findMany()).map((report) => report.note),
      offices: (await db.office.findMany()).map((o) => o.name),
    }));
    expect(stored).toEqual({ units: ['Phòng Nội vụ'], aliases: 0, notes: [], offices: ['Văn phòng UBND huyện'] });
  });
});

describe('a member flooding a group with mistakes', () => {
  it('does not keep a colleague\'s command waiting: after 60 invalid commands from one member, the next member is answered at once', async () => {
    // Telegram's limits and the bot's own pacing, as in production: 20 messages a minute into a group.
    h = await startHarness({ emulator: { botUsername: 'dondoc_test_bot' }, now: () => new Date('2020-11-25T02:00:00Z') });
    const d = h.driver;
    const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký' });
    const member = d.createUser({ firstName: 'Thành', lastName: 'Viên' });
    const office = d.createGroup({ title: 'Văn phòng', type: 'supergroup', admins: [secretary], members: [member] });
    d.sendCommand(secretary, office, '/setup');
    await d.waitForBotMessage(office, { match: /Đã đăng ký/ });

    // /invite is for secretaries: each one is a mistake the bot would answer.
    for (let i = 0; i < 60; i++) d.sendCommand(member, office, '/invite');
    d.sendCommand(secretary, office, '/units');
    // Without the limits the answer came after the 60 refusals, paced at 20 a minute: minutes later.
    await d.waitForBotMessage(office, { match: /Chưa có đơn vị nào/, timeoutMs: 20_000 });
    const refusals = d.botMessages(office).filter((m) => /không có quyền/.test(textOf(m)));
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals.length).toBeLessThanOrEqual(5);
    expect(refusals.filter((m) => /sẽ không trả lời các lỗi của Viên Thành/.test(textOf(m)))).toHaveLength(1);
  }, 60_000);
});
