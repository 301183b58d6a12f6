import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { deadlineReminderDates } from '../../src/domain/deadline-reminders.js';
import { parseDdMmYyyy } from '../../src/domain/local-date.js';
import type { Sandbox } from '../../src/emulator/sandbox.js';
import type { GuideStep } from '../../src/emulator/sandbox-guide.js';
import { personLimits } from '../../src/emulator/sandbox-limits.js';
import { startHarness } from '../e2e/harness.js';
import { startTempSandbox, type TempSandbox } from '../support/temp-sandbox.js';

const textOf = (message: Message) => message.text ?? message.caption ?? '';

/**
 * The sandbox page's JSON API, driven over HTTP as the page drives it, from a blank database:
 * the guide's steps ticked from the real state, Telegram's limits refused on the server, a file
 * sent as a reply reaching the bot, and the clock control.
 */
describe('the sandbox page API', () => {
  let temp: TempSandbox;
  let sandbox: Sandbox;
  let base: string;
  const post = async (route: string, body: unknown) => {
    const response = await fetch(base + route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const guide = async () => ((await (await fetch(`${base}/sandbox/api/guide`)).json()) as { steps: GuideStep[] }).steps;
  const action = async (step: string, id: string, index = 0) => (await guide()).find((s) => s.id === step)!.actions.filter((a) => a.id === id)[index]!;
  /** Sends the guide's text for an action, as its "Fill in" button and "Send" do, and waits for the bot's answer there. */
  const play = async (step: string, id: string, index = 0, match?: RegExp) => {
    const todo = await action(step, id, index);
    const since = sandbox.emulator.driver.mark();
    expect((await post('/sandbox/api/send', { userId: todo.userId, chatId: todo.chatId, text: todo.text })).status).toBe(200);
    await sandbox.emulator.driver.waitForBotMessage(todo.chatId, { since, timeoutMs: 15_000, ...(match ? { match } : {}) });
  };
  const unitChat = () => sandbox.emulator.driver.messages(tnmtChatId);
  let tnmtChatId: number;
  let tnmtOfficial: number;

  beforeAll(async () => {
    temp = await startTempSandbox();
    sandbox = temp.sandbox;
    base = sandbox.pageUrl.replace(/\/$/, '');
    const join = await action('join', 'join');
    tnmtChatId = join.chatId;
    tnmtOfficial = join.userId;
  });

  afterAll(async () => temp?.stop());

  it('ticks each step of the guide from what the bot recorded, not from what was typed', async () => {
    expect((await guide()).map((step) => step.done)).toEqual([false, false, false, false, false]);
    // A wrong command is typed: the step stays open.
    const setup = await action('setup', 'leader-role');
    const since = sandbox.emulator.driver.mark();
    await post('/sandbox/api/send', { userId: setup.userId, chatId: setup.chatId, text: '/role @quoc_pct leader' });
    await sandbox.emulator.driver.waitForBotMessage(setup.chatId, { since, timeoutMs: 15_000 });
    expect((await action('setup', 'leader-role')).done).toBe(false);

    await play('setup', 'setup');
    await play('setup', 'leader-role');
    expect((await guide())[0]!.done).toBe(true);
    for (let unit = 0; unit < 3; unit++) {
      await play('join', 'invite', 0, /Mã mời/);
      // The guide shows the code the bot just gave.
      expect((await action('join', 'join', unit)).text).toMatch(/^\/join [A-Z0-9]{8} /);
      await play('join', 'join', unit, /đã được liên kết/);
    }
    expect((await guide())[1]!.done).toBe(true);
    await play('notice', 'notice');
    expect((await guide()).map((step) => step.done)).toEqual([true, true, true, false, false]);
    await play('publish', 'publish', 0, /Đã phát hành/);
    expect((await guide())[3]!.done).toBe(true);
    await play('report', 'report');
    // The leader holds the role now: /report answers with the summary, not "Bạn không có quyền".
    const leaderChat = sandbox.emulator.driver.botMessages((await action('report', 'report')).chatId);
    expect(textOf(leaderChat.at(-1)!)).toMatch(/^📊 Thông báo số 12\/TB-UBND/);
    expect((await action('report', 'report')).done).toBe(true);
    expect((await action('report', 'status')).done).toBe(false);
  }, 90_000);

  it('refuses a message longer than 4096 characters after trimming, and an empty one, and sends one of exactly 4096', async () => {
    const before = unitChat().length;
    const tooLong = await post('/sandbox/api/send', { userId: tnmtOfficial, chatId: tnmtChatId, text: 'x'.repeat(personLimits.text + 1) });
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'text-too-long', limit: 4096, length: 4097 } });
    expect(tooLong.body.error).toMatch(/tối đa 4096 ký tự/);
    expect((await post('/sandbox/api/send', { userId: tnmtOfficial, chatId: tnmtChatId, text: ' \n ' })).body).toMatchObject({ code: 'text-empty' });
    expect(unitChat()).toHaveLength(before);
    // White space around the text is not counted, as Telegram trims it.
    const fits = await post('/sandbox/api/send', { userId: tnmtOfficial, chatId: tnmtChatId, text: `  ${'x'.repeat(personLimits.text)}\n` });
    expect(fits.status).toBe(200);
    expect(unitChat().at(-1)!.text).toHaveLength(4096);
  });

  it('refuses a file over 20 MB and a caption over 1024 characters, and keeps nothing of them', async () => {
    const before = unitChat().length;
    const upload = (query: Record<string, string>, body: Uint8Array) =>
      fetch(`${base}/sandbox/api/upload?${new URLSearchParams({ userId: String(tnmtOfficial), chatId: String(tnmtChatId), fileName: 'ho-so.pdf', ...query })}`, { method: 'POST', body });
    const big = await upload({}, new Uint8Array(personLimits.fileBytes + 1));
    expect(big.status).toBe(400);
    expect(await big.json()).toMatchObject({ code: 'file-too-big', error: expect.stringMatching(/20 MB/) });
    const caption = await upload({ caption: 'c'.repeat(personLimits.caption + 1) }, new Uint8Array(10));
    expect(await caption.json()).toMatchObject({ code: 'caption-too-long', limit: 1024 });
    expect(unitChat()).toHaveLength(before);
  });

  it('delivers a file sent as a reply to a directive to the bot, which records it as evidence', async () => {
    const directive = sandbox.emulator.driver.botMessages(tnmtChatId).find((message) => /Nhiệm vụ 1/.test(textOf(message)) && sandbox.emulator.driver.buttons(message).length > 0)!;
    const since = sandbox.emulator.driver.mark();
    const query = new URLSearchParams({ userId: String(tnmtOfficial), chatId: String(tnmtChatId), fileName: 'bien-ban-ra-soat.pdf', replyTo: String(directive.message_id) });
    const sent = await fetch(`${base}/sandbox/api/upload?${query}`, { method: 'POST', body: new TextEncoder().encode('%PDF-1.4 biên bản') });
    expect(sent.status).toBe(200);
    const reply = await sandbox.emulator.driver.waitForBotMessage(tnmtChatId, { since, match: /bien-ban-ra-soat\.pdf/, timeoutMs: 15_000 });
    expect(textOf(reply)).toMatch(/Đã ghi nhận nhiệm vụ 1/);
    expect(unitChat().find((message) => message.document?.file_name === 'bien-ban-ra-soat.pdf')?.reply_to_message?.message_id).toBe(directive.message_id);
    expect((await action('report', 'status')).done).toBe(true);
  });

  it('moves the bot clock to the next deadline, where its reminders arrive through the scheduler, and back to now', async () => {
    const clock = (await (await fetch(`${base}/sandbox/api/clock`)).json()) as { now: string; moved: boolean; next: Record<string, string | null> };
    expect(clock.moved).toBe(false);
    const deadline = clock.next.deadline!;
    expect(new Date(deadline).getTime()).toBeGreaterThan(Date.now());
    const moved = await post('/sandbox/api/clock', { to: 'deadline' });
    expect(moved.status).toBe(200);
    expect(moved.body.moved).toBe(true);
    expect(Math.abs(new Date(moved.body.now as string).getTime() - new Date(deadline).getTime())).toBeLessThan(60_000);
    expect(sandbox.clock.now().getTime()).toBeGreaterThanOrEqual(new Date(deadline).getTime());
    // Three working days before, one day before and on the day (fewer when a weekend makes two
    // of them one): each as it would have come that day, none as "missed".
    const reminders = sandbox.emulator.driver.botMessages(tnmtChatId).map(textOf).filter((text) => /Nhiệm vụ 1 đến hạn/.test(text));
    const due = parseDdMmYyyy(/đến hạn ngày (\d\d\/\d\d\/\d{4})/.exec(reminders.at(-1) ?? '')?.[1] ?? '')!;
    const calendar = createWorkingCalendar(await loadCalendarOverrides());
    const expected = deadlineReminderDates(due, calendar, { overdue: { firstAfter: 1, every: 1, times: 0 } });
    expect(reminders).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(reminders.at(-1)).toMatch(/⏰ Nhiệm vụ 1 đến hạn ngày/);
    expect(sandbox.emulator.driver.botMessages(tnmtChatId).some((message) => /tạm dừng/.test(textOf(message)))).toBe(false);

    expect((await post('/sandbox/api/clock', { to: 'yesterday' })).status).toBe(400);
    const back = await post('/sandbox/api/clock', { to: 'now' });
    expect(back.body.moved).toBe(false);
    expect(Math.abs(sandbox.clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  }, 60_000);
});

describe('the bot clock outside the sandbox', () => {
  it('cannot be moved: production mounts no clock route and runs on the wall clock', async () => {
    const harness = await startHarness({ emulator: { rateLimits: false } });
    try {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(`${harness.app.http.url}/sandbox/api/clock`, { method, ...(method === 'POST' ? { body: JSON.stringify({ to: 'deadline' }) } : {}) });
        expect(response.status).toBe(404);
      }
      // The bot's own idea of today is the wall clock's: an invite made now expires 48 hours from now.
      const secretary = harness.driver.createUser({ firstName: 'Thu', username: 'thu' });
      const office = harness.driver.createGroup({ title: 'Văn phòng', admins: [secretary] });
      harness.driver.sendCommand(secretary, office, '/setup');
      await harness.driver.waitForBotMessage(office, { match: /Đã đăng ký/ });
      harness.driver.sendCommand(secretary, office, '/invite');
      const invite = textOf(await harness.driver.waitForBotMessage(office, { match: /Mã mời/ }));
      const expires = new Date(Date.now() + 48 * 3_600_000).toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
      expect(invite).toContain(expires);
    } finally {
      await harness.stop();
    }
  }, 30_000);
});
