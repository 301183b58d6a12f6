import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { textOf } from './routing-world.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const fileOf = (databaseUrl: string) => databaseUrl.replace(/^file:/, '');

describe('a database outage, seen by users and by /healthz', () => {
  it('answers 503 on /healthz and "try again later" to users when the database lost its tables, and says a restart is needed', async () => {
    h = await startHarness({ emulator: { rateLimits: false }, throttle: false });
    const d = h.driver;
    const health = () => fetch(`${h!.app.http.url}/healthz`);
    expect((await health()).status).toBe(200);
    const head = await fetch(`${h.app.http.url}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');

    const secretary = d.createUser({ firstName: 'Thư' });
    const office = d.createGroup({ title: 'Văn phòng', type: 'supergroup', admins: [secretary] });
    d.sendCommand(secretary, office, '/setup', { addressed: true });
    await d.waitForBotMessage(office, { match: /Đã đăng ký/ });

    // The database is recreated empty under the running bot: every table gone.
    const other = new Database(fileOf(h.databaseUrl));
    const tables = other.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    other.pragma('foreign_keys = OFF');
    for (const { name } of tables) other.exec(`DROP TABLE "${name}"`);
    other.close();

    const down = await health();
    expect(down.status).toBe(503);
    expect(((await down.json()) as { problem: string }).problem).toMatch(/no dondoc tables.*restart dondoc/);

    d.sendCommand(secretary, office, '/help');
    const answer = await d.waitForBotMessage(office, { match: /cơ sở dữ liệu/i });
    expect(textOf(answer)).toMatch(/khởi động lại bot/);
    expect(textOf(answer)).not.toMatch(/mã lỗi/);
  });

  it('answers 503 on /healthz when the SQLite file is deleted under the running bot', async () => {
    h = await startHarness({ emulator: { rateLimits: false }, throttle: false });
    expect((await fetch(`${h.app.http.url}/healthz`)).status).toBe(200);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${fileOf(h.databaseUrl)}${suffix}`, { force: true });
    const down = await fetch(`${h.app.http.url}/healthz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { problem: string }).problem).toMatch(/deleted or replaced.*restart dondoc/);
  });
});
