import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness.js';

/** The e2e harness starts the real app against the emulator; other e2e tests build on it. */
describe('e2e harness', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
  });

  it('runs the real app, which answers /start in a private chat and /start@bot in a group', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { driver } = harness;
    expect(harness.botUsername).toBe(harness.emulator.bot.username);
    expect(harness.databaseUrl).toMatch(/^file:.*dondoc-e2e-.*dondoc\.db$/);
    const leader = driver.createUser({ firstName: 'Quốc' });
    driver.startBot(leader);
    await driver.waitForBotMessage(driver.privateChat(leader), { match: /dondoc/ });
    const office = driver.createGroup({ title: 'Văn phòng UBND huyện', admins: [leader] });
    driver.sendCommand(leader, office, '/start', { addressed: true });
    await driver.waitForBotMessage(office, { match: /dondoc/ });
    const health = await fetch(`${harness.app.http.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
