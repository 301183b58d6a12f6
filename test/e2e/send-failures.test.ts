import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice, textOf } from './routing-world.js';

const notice = `/notice THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 20/11/2020
1. Giao Phòng Tư pháp rà soát các văn bản quy phạm pháp luật của huyện.
2. Giao Phòng Tư pháp tổng hợp kết quả rà soát, báo cáo UBND huyện.`;

describe('a chat whose sends keep failing at the connection', () => {
  let h: Harness;
  beforeAll(async () => {
    // Telegram's own limits and the bot's pacing, as in production.
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it('is retried a bounded number of times, and holds up neither the office that publishes to it nor another chat', async () => {
    const d = h.driver;
    const { secretary, office, join } = await setUpOffice(h, 'Văn phòng UBND huyện');
    const unitGroup = await join('Phòng Tư pháp');
    const other = d.createUser({ firstName: 'Khách' });

    // Every call into the unit's group has its connection reset, for as long as the test lasts.
    let attempts = 0;
    d.faults.failNext(1_000_000, 'reset', {
      match: (params) => {
        const hit = String(params.chat_id) === String(unitGroup.id);
        if (hit) attempts += 1;
        return hit;
      },
    });

    d.sendCommand(secretary, office, notice);
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).some((b) => b.text.includes('Phát hành')), timeoutMs: 15_000 });
    const publish = d.buttons(preview).find((button) => button.text.includes('Phát hành')) as { callback_data: string };
    const started = Date.now();
    d.pressButton(secretary, preview, publish.callback_data);

    // Meanwhile a private chat is served at once.
    d.sendCommand(other, d.privateChat(other), '/help');
    await d.waitForBotMessage(d.privateChat(other), { timeoutMs: 10_000 });

    // The publish ends with the failure reported: before, auto-retry retried a reset without
    // end (3 s, 6 s, 12 s… up to an hour apart), and the office's queue waited behind it.
    const summary = await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 60_000 });
    expect(textOf(summary)).toMatch(/Phòng Tư pháp/);
    expect(Date.now() - started).toBeLessThan(60_000);
    // Two directives, each sent at most (1 + 1 retry) × (1 + 2 publish rounds) times.
    expect(attempts).toBeGreaterThan(0);
    expect(attempts).toBeLessThanOrEqual(2 * 2 * 3);
    const settled = attempts;

    // The office's next command is answered, and nothing keeps knocking on the failing chat.
    d.sendCommand(secretary, office, '/help');
    await d.waitForBotMessage(office, { match: /\/notice/, timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(attempts).toBe(settled);
  }, 120_000);
});
