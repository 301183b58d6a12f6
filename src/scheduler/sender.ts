import { renderProgress, progressOf } from '../bot/features/report.js';
import { sendLong } from '../bot/context.js';
import { daysBetween, formatDdMmYyyy } from '../domain/local-date.js';
import { shortNoticeTitle } from '../domain/notice-label.js';
import { isQuietTime, nextAllowedTime } from '../domain/quiet-hours.js';
import { localDateOf } from '../domain/zoned-time.js';
import { resolveLocale, type Translate } from '../i18n.js';
import { platformTranslator } from '../bot/platform-text.js';
import type { Logger } from '../logger.js';
import { DeliveryError, type Address, type Messenger, type Platform } from '../messaging/port.js';
import { renderProgressChartPng } from '../reports/progress-chart.js';
import { loadOfficeReport } from '../reports/report-data.js';
import { silentWorkOfUnit } from '../store/assignments.js';
import type { Db } from '../store/database.js';
import type { ClaimedReminder, Outbox } from '../store/outbox.js';
import { digestMessages } from './digest.js';
import type { Pacer } from './pacing.js';
import type { PlannedReminder, ReminderItem, ReminderPayload } from './planner.js';
import { groupBy } from '../domain/group-by.js';

/** How a {@link Sender} works; every field but `owner` has a default in the scheduler. */
export interface SenderOptions {
  /** This instance's name in `leasedBy`. */
  owner: string;
  leaseMs: number;
  /** Chats claimed per round. */
  batchChats: number;
  /** Chats sent to at the same time (the pacer still spaces the messages). */
  concurrency: number;
  /** A row due longer ago than this is sent under the "missed while down" header. */
  missedAfterMs: number;
  /** Attempts before a row that keeps failing for passing reasons is given up. */
  maxAttempts: number;
}

/** What the sender needs from the running app. */
export interface SenderDeps {
  db: Db;
  outbox: Outbox;
  messengers: ReadonlyMap<Platform, Messenger>;
  logger: Logger;
  now(): Date;
  pacer: Pacer;
}

/** Counts of one {@link Sender.drain}. */
export interface SendReport {
  /** Messages sent (one per chat and round, whatever the number of rows in it). */
  messages: number;
  /** Outbox rows marked sent. */
  sent: number;
  failed: number;
  retried: number;
}

/** Sends what is due in the outbox; see {@link createSender}. */
export interface Sender {
  /** Claims and sends until nothing due is left (or only rows another instance holds). */
  drain(): Promise<SendReport>;
}

/**
 * The outbox's sender. It claims whole chats, renders each chat's rows as one digest, sends it
 * paced, and marks the rows sent with the message id. A failing chat does not stop the others:
 * a passing failure (429 or 5xx after the adapter's own retries, network) is retried later
 * with exponential backoff; a chat that blocked the bot is marked blocked, its rows failed, and
 * the office is told once a day.
 */
export function createSender(deps: SenderDeps, options: SenderOptions): Sender {
  const { db, outbox, logger } = deps;

  async function sendChat(rows: ClaimedReminder[], report: SendReport & { charts: Promise<void>[] }): Promise<void> {
    const first = rows[0]!;
    const { office, chat } = first;
    const now = deps.now();
    const quiet = { start: office.quietStart, end: office.quietEnd };
    // Rows planned in daytime can be claimed at night after an outage: they wait for the morning.
    if (isQuietTime(now, quiet, office.timeZone)) {
      await outbox.retryLater(rows.map((row) => row.id), options.owner, nextAllowedTime(now, quiet, office.timeZone), 'quiet hours');
      return;
    }
    const messenger = deps.messengers.get(chat.platform);
    if (!messenger) {
      await outbox.markFailed(rows.map((row) => row.id), options.owner, `no messenger for ${chat.platform}`);
      report.failed += rows.length;
      return;
    }
    const locale = resolveLocale(office.locale, 'vi');
    const t = platformTranslator(locale, chat.platform);
    const current = await withCurrentLists(rows, office.timeZone, locale);
    // A unit that reported everything while the fan-out was on its way is not reminded.
    const done = current.filter((row) => row.kind === 'report' && (row.payload as unknown as ReminderPayload).items.length === 0);
    if (done.length > 0) await outbox.markSkipped(done.map((row) => row.id), options.owner, 'nothing left to remind: the unit has reported');
    const due = current.filter((row) => !done.includes(row));
    if (due.length === 0) return;
    const ids = due.map((row) => row.id);
    const missed = due.some((row) => now.getTime() - row.dueAt.getTime() > options.missedAfterMs);
    const summary = due.some((row) => row.kind === 'summary') ? await summaryOf(office, now, t) : undefined;
    const messages = digestMessages(due, t, { missed, office: office.name, summary });
    const paced: Messenger = {
      ...messenger,
      send: async (to, message) => {
        await deps.pacer.acquire();
        return messenger.send(to, message);
      },
      sendPhoto: async (to, photo) => {
        await deps.pacer.acquire();
        return messenger.sendPhoto(to, photo);
      },
    };
    try {
      const to = { platform: chat.platform, chatId: chat.externalId, threadId: first.threadId };
      // Long digests go as several messages, cut between notices; the rows keep the last one's id.
      let sent = await sendLong(paced, to, messages[0]!);
      for (const message of messages.slice(1)) sent = await sendLong(paced, to, message);
      report.messages += 1;
      // Awaited before adding: \`report.sent += await …\` reads the total before the wait, and
      // another chat's sender finishing meanwhile would have its rows counted over.
      const marked = await outbox.markSent(ids, options.owner, sent.messageId, deps.now());
      report.sent += marked;
      // The chart follows in the background: rendering it must not hold up the other chats' reminders.
      if (summary) report.charts.push(attachChart(paced, to, office, now, sent.messageId));
    } catch (error) {
      await handleFailure(due, error, report);
    }
  }

  /**
   * Rows whose list is planned as a query (a reporting day's, see {@link ReminderPayload.openWork})
   * with the list read as it stands now, dates in the office's zone, each item with its notice's
   * short name and, when overdue on the reporting day, by how many calendar days.
   */
  async function withCurrentLists(rows: ClaimedReminder[], timeZone: string, locale: string): Promise<ClaimedReminder[]> {
    return Promise.all(
      rows.map(async (row) => {
        const payload = row.payload as unknown as ReminderPayload;
        if (row.kind !== 'report' || !payload.openWork) return row;
        const { unitId, since, notices, asOf } = payload.openWork;
        const work = await silentWorkOfUnit(db, { unitId, since: since === null ? null : new Date(since), notices, asOf: new Date(asOf) });
        const day = localDateOf(new Date(asOf), timeZone);
        const items = work.map(({ directive, dueAt }): ReminderItem => {
          const due = dueAt ? localDateOf(dueAt, timeZone) : null;
          const item: ReminderItem = { ordinal: directive.ordinal, notice: shortNoticeTitle(directive.notice, locale), due: due ? formatDdMmYyyy(due) : null };
          const late = due ? daysBetween(due, day) : 0;
          if (late > 0) item.overdueDays = late;
          return item;
        });
        return { ...row, payload: { ...payload, items } as unknown as ClaimedReminder['payload'] };
      }),
    );
  }

  /**
   * The consolidated summary carries the progress chart leaders read at a glance. The summary
   * is already marked sent: a chart that fails is logged, never a reason to send the text again.
   */
  async function attachChart(messenger: Messenger, to: Address, office: ClaimedReminder['office'], now: Date, replyTo: number): Promise<void> {
    try {
      const officeReport = await loadOfficeReport(db, office, now, null);
      if (!officeReport || officeReport.notices.every((notice) => notice.rows.length === 0)) return;
      await messenger.sendPhoto(to, { bytes: await renderProgressChartPng(officeReport), fileName: 'tien-do-thuc-hien.png', replyToMessageId: replyTo });
    } catch (error) {
      logger.warn({ err: error, chat: to.chatId }, 'summary chart not delivered');
    }
  }

  /** The `/report` content, one text per notice, so that a long summary is cut between notices. */
  async function summaryOf(office: ClaimedReminder['office'], now: Date, t: Translate): Promise<string[]> {
    const reports = (await progressOf(db, office, now, null, office.locale)) ?? [];
    return reports.length > 0 ? reports.map((report) => renderProgress(report, t)) : [t('report-empty')];
  }

  async function handleFailure(rows: ClaimedReminder[], error: unknown, report: SendReport): Promise<void> {
    const ids = rows.map((row) => row.id);
    const first = rows[0]!;
    const reason = error instanceof DeliveryError ? error.reason : 'unavailable';
    const description = error instanceof Error ? error.message : String(error);
    logger.warn({ chat: first.chat.externalId, reason, rows: ids.length, err: error instanceof DeliveryError ? undefined : error }, 'reminder delivery failed');
    if (reason === 'unavailable') {
      const attempts = Math.max(...rows.map((row) => row.attempts));
      if (attempts < options.maxAttempts) {
        // 30 s, 1 min, 2 min… capped at 30 min: Telegram's outages are short, floods end.
        const delayMs = Math.min(30_000 * 2 ** (attempts - 1), 30 * 60_000);
        await outbox.retryLater(ids, options.owner, new Date(deps.now().getTime() + delayMs), description);
        report.retried += ids.length;
        return;
      }
    }
    await outbox.markFailed(ids, options.owner, `${reason}: ${description}`);
    report.failed += ids.length;
    if (reason === 'blocked' || reason === 'chat-not-found') await reportBlockedChat(first);
  }

  /** Marks the chat blocked (planning skips it from now on) and tells the office, once a day per chat. */
  async function reportBlockedChat(row: ClaimedReminder): Promise<void> {
    const now = deps.now();
    await db.chat.update({ where: { id: row.chatId }, data: { blockedAt: now } });
    const home = row.office.homeChatId;
    if (!home || home === row.chatId) return;
    const channels = await db.unitChannel.findMany({ where: { chatId: row.chatId }, include: { unit: true } });
    const date = localDateOf(now, row.office.timeZone);
    const notice: PlannedReminder = {
      key: `chat-blocked:${row.chatId}:${date}`,
      kind: 'chat-blocked',
      officeId: row.officeId,
      chatId: home,
      threadId: 0,
      assignmentId: null,
      scheduleId: null,
      payload: {
        date: formatDdMmYyyy(date),
        chat: row.chat.title ?? row.chat.externalId,
        items: channels.map((channel) => ({ ordinal: '', notice: '', due: null, unit: channel.unit.name, days: 0 })),
      },
      dueAt: now,
    };
    await outbox.insert([notice]);
  }

  return {
    async drain() {
      const report: SendReport & { charts: Promise<void>[] } = { messages: 0, sent: 0, failed: 0, retried: 0, charts: [] };
      // Chats claimed and not yet taken by a worker. A worker that finds none claims the next
      // batch while the others are still sending, so a fan-out never stalls between batches.
      const queue: ClaimedReminder[][] = [];
      let claiming: Promise<boolean> | undefined;
      const nextChat = async (): Promise<ClaimedReminder[] | undefined> => {
        while (queue.length === 0) {
          claiming ??= outbox.claim(options.owner, deps.now(), { chats: options.batchChats, leaseMs: options.leaseMs }).then(
            (rows) => {
              queue.push(...groupBy(rows, (row) => `${row.chatId}:${row.threadId}`).values());
              claiming = undefined;
              return rows.length > 0;
            },
            (error: unknown) => {
              claiming = undefined;
              throw error;
            },
          );
          if (!(await claiming)) return undefined;
        }
        return queue.shift();
      };
      const worker = async () => {
        for (let rowsOfChat = await nextChat(); rowsOfChat; rowsOfChat = await nextChat()) await sendChat(rowsOfChat, report);
      };
      await Promise.all(Array.from({ length: options.concurrency }, worker));
      await Promise.all(report.charts);
      const { charts: _charts, ...counts } = report;
      return counts;
    },
  };
}
