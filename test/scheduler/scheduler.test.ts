import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar, type WorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { instantAt } from '../../src/domain/zoned-time.js';
import { createLogger } from '../../src/logger.js';
import { DeliveryError, type Address, type Messenger, type OutgoingMessage } from '../../src/messaging/port.js';
import { createScheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.js';
import { claimUpdate } from '../../src/store/processed-updates.js';
import { createOutbox } from '../../src/store/outbox.js';
import { planWindow } from '../../src/scheduler/plan-window.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { providersUnderTest } from '../support/databases.js';
import { useSeededWorld } from '../support/seeded-world.js';

const zone = 'Asia/Ho_Chi_Minh';
const hanoi = (iso: string, hour: number, minute = 0) => instantAt(parseIsoDate(iso), hour, minute, zone);
const logger = createLogger({ level: 'silent' });

/** A messenger that records what it is asked to send and fails where a test says. */
function recordingMessenger(fail: (to: Address, attempt: number) => DeliveryError | undefined = () => undefined) {
  const sent: { chatId: string; html: string }[] = [];
  const attempts = new Map<string, number>();
  let nextId = 1;
  const messenger: Messenger = {
    platform: 'TELEGRAM',
    async send(to: Address, message: OutgoingMessage) {
      const attempt = (attempts.get(to.chatId) ?? 0) + 1;
      attempts.set(to.chatId, attempt);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const error = fail(to, attempt);
      if (error) throw error;
      sent.push({ chatId: to.chatId, html: message.html });
      return { messageId: nextId++ };
    },
    edit: async () => undefined,
    sendDocument: async () => ({ messageId: nextId++ }),
    sendPhoto: async () => ({ messageId: nextId++ }),
    answerButton: async () => undefined,
    downloadFile: async () => new Uint8Array(),
    isChatAdmin: async () => false,
    isChatMember: async () => false,
  };
  return { messenger, sent };
}

const perChat = (sent: { chatId: string }[]) => {
  const counts = new Map<string, number>();
  for (const { chatId } of sent) counts.set(chatId, (counts.get(chatId) ?? 0) + 1);
  return counts;
};

const fast: SchedulerOptions = { messagesPerSecond: 100_000, batchChats: 40 };

describe.each(await providersUnderTest())('the reminder scheduler on %s', (provider) => {
  let calendar: WorkingCalendar;
  const seeded = useSeededWorld(provider, { offices: 1, unitsPerOffice: 300, assignmentsPerUnit: 2, dueAt: hanoi('2025-06-30', 17), publishedAt: hanoi('2025-03-01', 9) });
  const clock = { now: hanoi('2025-03-14', 8, 0) };

  beforeAll(async () => {
    calendar = createWorkingCalendar(await loadCalendarOverrides());
  });

  const schedulerOn = (db: Database, messenger: Messenger, options: SchedulerOptions = {}) =>
    createScheduler({ db: db.db, provider, messengers: new Map([['TELEGRAM', messenger]]), logger, now: () => clock.now, calendar, timeZone: zone }, { ...fast, ...options });

  it('three instances running the same tick send every reminder exactly once', async () => {
    const { messenger, sent } = recordingMessenger();
    const others = [await openDatabase(seeded.url), await openDatabase(seeded.url)];
    try {
      const instances = [seeded.database, ...others].map((db, i) => schedulerOn(db, messenger, { instanceId: `instance-${i}` }));
      const reports = await Promise.all(instances.map((instance) => instance.tick()));
      // Once more each: nothing new to plan or send.
      await Promise.all(instances.map((instance) => instance.tick()));
      const counts = perChat(sent);
      // 300 unit groups and the office group, whose summary of the 15th (a Saturday) comes on Friday the 14th.
      expect(counts.size).toBe(301);
      const office = String(seeded.world.officeChatIds[0]);
      // Each unit group gets one message; the office's summary is long, so it comes in parts, once.
      expect([...counts.entries()].filter(([chat, count]) => chat !== office && count !== 1)).toEqual([]);
      expect(sent.filter((m) => m.chatId === office && /Tổng hợp định kỳ/.test(m.html))).toHaveLength(1);
      expect(reports.reduce((sum, report) => sum + report.inserted, 0)).toBe(301);
      expect(seeded.world.unitChatIds.map(String).every((id) => counts.has(id))).toBe(true);
      const toUnit = sent.find((m) => m.chatId === String(seeded.world.unitChatIds[0]))!.html;
      expect(toUnit).toMatch(/Ngày 14\/03\/2025 là ngày báo cáo định kỳ\. <b>UBND xã số 0-0<\/b> chưa báo cáo/);
      const toOffice = sent.filter((m) => m.chatId === office).map((m) => m.html).join('\n');
      expect(toOffice).toMatch(/Tổng hợp định kỳ ngày 14\/03\/2025/);
      expect(toOffice).toMatch(/Chưa báo cáo kể từ kỳ báo cáo gần nhất: UBND xã số 0-0, /);
    } finally {
      await Promise.all(others.map((db) => db.close()));
    }
  });

  it('after three days down, each chat gets one "missed" digest, a blocked group is reported, and a 5xx is retried', async () => {
    const blocked = String(seeded.world.unitChatIds[1]);
    const flaky = String(seeded.world.unitChatIds[2]);
    const { messenger, sent } = recordingMessenger((to, attempt) => {
      if (to.chatId === blocked) return new DeliveryError('blocked', to, 'Forbidden: bot was kicked from the supergroup chat');
      if (to.chatId === flaky && attempt === 1) return new DeliveryError('unavailable', to, 'Internal Server Error');
      return undefined;
    });
    // Down from the 14th until Monday 31/03 07:30: the 28th (Friday, within the 72-hour horizon) is missed.
    clock.now = hanoi('2025-03-31', 7, 30);
    const scheduler = schedulerOn(seeded.database, messenger);
    const first = await scheduler.tick();
    expect(first.failed).toBe(1);
    expect(first.retried).toBe(1);
    const counts = perChat(sent);
    expect(counts.get(String(seeded.world.unitChatIds[0]))).toBe(1);
    expect(counts.has(blocked)).toBe(false);
    expect(sent.find((m) => m.chatId === String(seeded.world.unitChatIds[0]))!.html).toMatch(/^⏰ <b>Nhắc việc chưa gửi được[\s\S]*28\/03\/2025/);

    // A minute later: the office hears about the blocked group, the flaky chat gets its retry.
    clock.now = hanoi('2025-03-31', 7, 31);
    await scheduler.tick();
    const after = perChat(sent);
    expect(after.get(flaky)).toBe(1);
    const office = sent.filter((m) => m.chatId === String(seeded.world.officeChatIds[0])).map((m) => m.html);
    expect(office.some((html) => /Không gửi được nhắc việc tới nhóm “UBND xã số 0-1”/.test(html))).toBe(true);
    const chat = await seeded.database.db.chat.findFirstOrThrow({ where: { externalId: blocked } });
    expect(chat.blockedAt).not.toBeNull();
    // No unit group got more than its one digest.
    expect(seeded.world.unitChatIds.filter((id) => (after.get(String(id)) ?? 0) > 1)).toEqual([]);
  });

  it('forgets the update ids of more than a week ago as it ticks, once an hour', async () => {
    const { db } = seeded.database;
    const { messenger } = recordingMessenger(() => undefined);
    clock.now = hanoi('2025-04-10', 10, 0);
    const day = 86_400_000;
    await claimUpdate(db, provider, 'TELEGRAM', 'old', new Date(clock.now.getTime() - 8 * day));
    await claimUpdate(db, provider, 'TELEGRAM', 'recent', new Date(clock.now.getTime() - 6 * day));
    const scheduler = schedulerOn(seeded.database, messenger);
    await scheduler.tick();
    expect((await db.processedUpdate.findMany({ where: { updateId: { in: ['old', 'recent'] } } })).map((row) => row.updateId)).toEqual(['recent']);
    // Within the hour nothing is looked at again; an hour later the next week-old ids go.
    clock.now = new Date(clock.now.getTime() + 30 * 60_000);
    await claimUpdate(db, provider, 'TELEGRAM', 'old-2', new Date(clock.now.getTime() - 9 * day));
    await scheduler.tick();
    expect(await db.processedUpdate.count({ where: { updateId: 'old-2' } })).toBe(1);
    clock.now = new Date(clock.now.getTime() + 30 * 60_000);
    await scheduler.tick();
    expect(await db.processedUpdate.count({ where: { updateId: 'old-2' } })).toBe(0);
  });

  it('reads a reporting day\'s list when it sends it: work reported meanwhile is left out, and a unit with nothing left is not reminded', async () => {
    const { db } = seeded.database;
    const { messenger, sent } = recordingMessenger();
    // Monday 14/04/2025, 08:00: planned first, as a tick does before its fan-out reaches every group.
    clock.now = hanoi('2025-04-14', 8, 0);
    const outbox = createOutbox(db, provider);
    await planWindow({ db, provider, outbox, calendar }, { from: hanoi('2025-04-14', 7, 59), to: clock.now });
    const chatOf = async (index: number) => db.chat.findFirstOrThrow({ where: { externalId: String(seeded.world.unitChatIds[index]) }, include: { unitChannels: true } });
    const [quiet, partly] = await Promise.all([chatOf(3), chatOf(4)]);
    const [quietUnit, partlyUnit] = [quiet.unitChannels[0]!.unitId, partly.unitChannels[0]!.unitId];
    // Before the reminders go out, one unit reports on everything, another on one of its two assignments.
    const reportedAt = hanoi('2025-04-14', 8, 0);
    await db.assignment.updateMany({ where: { unitId: quietUnit }, data: { lastReportAt: reportedAt } });
    const [first] = await db.assignment.findMany({ where: { unitId: partlyUnit }, include: { directive: true }, orderBy: { directive: { position: 'asc' } } });
    await db.assignment.update({ where: { id: first!.id }, data: { lastReportAt: reportedAt } });

    await schedulerOn(seeded.database, messenger).tick();
    expect(sent.some((m) => m.chatId === quiet.externalId)).toBe(false);
    expect(await db.reminder.findFirst({ where: { chatId: quiet.id, kind: 'report', dueAt: clock.now } })).toMatchObject({ state: 'SKIPPED' });
    const toPartly = sent.filter((m) => m.chatId === partly.externalId).map((m) => m.html);
    expect(toPartly).toHaveLength(1);
    expect(toPartly[0]).toMatch(/Ngày 14\/04\/2025 là ngày báo cáo định kỳ/);
    expect(toPartly[0]).not.toContain(`Nhiệm vụ <b>${first!.directive.ordinal}</b>`);
    expect(toPartly[0]).toMatch(/Nhiệm vụ <b>\d+<\/b>/);
  });
});
