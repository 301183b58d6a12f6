import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';
import { createLogger } from '../../src/logger.js';
import { createTelegramBot } from '../../src/messaging/telegram/telegram-bot.js';

describe("the Telegram adapter's pacing, against Telegram's limits", () => {
  let emulator: Emulator;

  // Telegram's own limits (the emulator's default): 30/s overall, 20/min and 1/s per group, counted over sliding windows.
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it('sends a burst to many groups and several messages to one group without a single 429', async () => {
    const { driver } = emulator;
    const { messenger } = createTelegramBot({ token: emulator.token, apiRoot: emulator.apiRoot, logger: createLogger({ level: 'silent' }), throttle: true }, async () => undefined);
    const member = driver.createUser({ firstName: 'Lan' });
    const groups = Array.from({ length: 75 }, (_, i) => driver.createGroup({ title: `Đơn vị ${i + 1}`, members: [member], silent: true }));
    const busy = groups[0]!;
    // A wait for the start of the next second, so a burst lands where a per-second reservoir would refill.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) - 50));
    const started = Date.now();
    await Promise.all([
      ...groups.map((group, i) => messenger.send({ platform: 'TELEGRAM', chatId: String(group.id), threadId: 0 }, { html: `Nhắc việc số ${i + 1}` })),
      ...[1, 2, 3].map((n) => messenger.send({ platform: 'TELEGRAM', chatId: String(busy.id), threadId: 0 }, { html: `Thêm ${n}` })),
    ]);
    const elapsed = Date.now() - started;

    expect(driver.stats().total429).toBe(0);
    expect(groups.map((group) => driver.botMessages(group).length)).toEqual(groups.map((_, i) => (i === 0 ? 4 : 1)));
    // 78 messages at just under 30 a second, and the busy group's four a second apart.
    expect(elapsed).toBeGreaterThanOrEqual(2_500);
  });
});
