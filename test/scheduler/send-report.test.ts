import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { instantAt } from '../../src/domain/zoned-time.js';
import { createLogger } from '../../src/logger.js';
import type { Messenger } from '../../src/messaging/port.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { providersUnderTest } from '../support/databases.js';
import { useSeededWorld } from '../support/seeded-world.js';

const hanoi = (iso: string, hour: number) => instantAt(parseIsoDate(iso), hour, 0, 'Asia/Ho_Chi_Minh');

describe.each(await providersUnderTest())('the tick report on %s', (provider) => {
  const seeded = useSeededWorld(provider, { offices: 2, unitsPerOffice: 60, assignmentsPerUnit: 1, dueAt: hanoi('2025-06-30', 17), publishedAt: hanoi('2025-03-01', 9) });

  it('counts every row the concurrent senders marked sent', async () => {
    let nextId = 1;
    // Sends that finish in another order than they started, so the senders' marks overlap.
    const messenger = {
      platform: 'TELEGRAM',
      send: async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        return { messageId: nextId++ };
      },
      sendPhoto: async () => ({ messageId: nextId++ }),
    } as unknown as Messenger;
    const scheduler = createScheduler(
      {
        db: seeded.database.db,
        provider,
        messengers: new Map([['TELEGRAM', messenger]]),
        logger: createLogger({ level: 'silent' }),
        now: () => hanoi('2025-03-14', 8),
        calendar: createWorkingCalendar(await loadCalendarOverrides()),
        timeZone: 'Asia/Ho_Chi_Minh',
      },
      { messagesPerSecond: 100_000, batchChats: 20, concurrency: 16 },
    );
    const report = await scheduler.tick();
    const marked = await seeded.database.db.reminder.count({ where: { state: 'SENT' } });
    // 120 unit groups and the two offices' summaries (Saturday the 15th's, on Friday the 14th).
    expect(marked).toBe(122);
    expect(report).toMatchObject({ inserted: 122, messages: 122, sent: 122, failed: 0 });
  });
});
