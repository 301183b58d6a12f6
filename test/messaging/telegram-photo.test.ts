import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';
import { createLogger } from '../../src/logger.js';
import { createTelegramBot } from '../../src/messaging/telegram/telegram-bot.js';

/** A blank PNG of the given size. */
const png = (width: number, height: number) => new Uint8Array(PNG.sync.write(new PNG({ width, height, fill: true })));

describe('pictures through the Telegram adapter', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false });
  });
  afterAll(async () => emulator?.stop());

  it('shows a chart in the chat as a photo with its caption', async () => {
    const { driver } = emulator;
    const { messenger } = createTelegramBot({ token: emulator.token, apiRoot: emulator.apiRoot, logger: createLogger({ level: 'silent' }), throttle: false }, async () => undefined);
    const group = driver.createGroup({ title: 'Văn phòng', members: [driver.createUser({ firstName: 'Lan' })], silent: true });
    await messenger.sendPhoto({ platform: 'TELEGRAM', chatId: String(group.id), threadId: 0 }, { bytes: png(1000, 300), fileName: 'bieu-do.png', captionHtml: '<b>Tiến độ</b>' });
    const [message] = driver.botMessages(group);
    expect(message?.photo?.at(-1)).toMatchObject({ width: 1000, height: 300 });
    expect(message?.document).toBeUndefined();
    expect(message?.caption).toBe('Tiến độ');
  });

  it('sends a picture too tall to be a photo as a file instead of failing', async () => {
    const { driver } = emulator;
    const { messenger } = createTelegramBot({ token: emulator.token, apiRoot: emulator.apiRoot, logger: createLogger({ level: 'silent' }), throttle: false }, async () => undefined);
    const group = driver.createGroup({ title: 'Văn phòng lớn', members: [driver.createUser({ firstName: 'Hoa' })], silent: true });
    await messenger.sendPhoto({ platform: 'TELEGRAM', chatId: String(group.id), threadId: 0 }, { bytes: png(1000, 9500), fileName: 'bieu-do.png' });
    const [message] = driver.botMessages(group);
    expect(message?.photo).toBeUndefined();
    expect(message?.document?.file_name).toBe('bieu-do.png');
  });
});
