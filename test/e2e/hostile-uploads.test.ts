import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileNotices, type HostileClass, type HostileNotice } from '../support/hostile-notices.js';
import { startHarness, type Harness } from './harness.js';

const textOf = (message: Message) => message.text ?? message.caption ?? '';

/** The issue-sized hostile uploads (the first of each class) and the refusal each must get. */
const uploads: [HostileClass, RegExp][] = [
  ['long-line', /vượt giới hạn 1\.000\.000 ký tự một thông báo/],
  ['numbered-items', /vượt giới hạn 1\.000\.000 ký tự một thông báo/],
  ['units-and-support', /vượt giới hạn 1\.000\.000 ký tự một thông báo/],
  ['zip-bomb', /Không đọc được tệp “bomb\.docx”: Tệp \.docx có cấu trúc bất thường/],
  ['many-pages', /Tệp “pages\.docx” có 1\.000 trang, vượt giới hạn 300 trang/],
  ['deep-nesting', /Không đọc được tệp “nested\.docx”/],
];

describe('hostile uploads', () => {
  let h: Harness;
  let corpus: HostileNotice[];
  beforeAll(async () => {
    // Made before the bot starts: building 100,000 items or a 64 MB zip bomb holds this thread.
    corpus = [...hostileNotices({ seed: 20, count: 16, scale: 'test' })];
    h = await startHarness({ emulator: { rateLimits: false }, throttle: false });
  });
  afterAll(async () => h?.stop());

  it('are refused naming the limit, while /healthz and another office are answered', { timeout: 120_000 }, async () => {
    const d = h.driver;
    // Two offices that take turns: one uploads, the other asks for its notices meanwhile. (Turns
    // also keep each secretary under the bot's limit of error replies a person gets in a row.)
    const offices = [['Thư', 'Văn phòng UBND huyện'], ['Văn', 'Văn phòng Huyện ủy']].map(([firstName, title]) => {
      const secretary = d.createUser({ firstName: firstName!, lastName: 'Ký' });
      return { secretary, group: d.createGroup({ title: title!, type: 'supergroup', admins: [secretary] }) };
    });
    for (const { secretary, group } of offices) {
      d.sendCommand(secretary, group, '/setup');
      await d.waitForBotMessage(group, { match: /Đã đăng ký/ });
    }

    const health: number[] = [];
    for (const [index, [kind, refusal]] of uploads.entries()) {
      const [uploader, other] = index % 2 === 0 ? offices : [offices[1]!, offices[0]!];
      const notice = corpus.find((n) => n.kind === kind)!;
      const since = d.mark();
      d.sendDocument(uploader!.secretary, uploader!.group, { data: notice.bytes, fileName: notice.fileName, caption: '/notice' });
      d.sendCommand(other!.secretary, other!.group, '/notices');
      // /healthz is asked again and again while the upload is downloaded, read and refused.
      let done = false;
      const polling = (async () => {
        while (!done) {
          health.push((await fetch(`${h.app.http.url}/healthz`)).status);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const [answer, otherAnswer] = await Promise.all([
        d.waitForBotMessage(uploader!.group, { since, timeoutMs: 60_000 }),
        d.waitForBotMessage(other!.group, { since, timeoutMs: 60_000 }),
      ]).finally(() => (done = true));
      await polling;
      expect(textOf(answer), notice.label).toMatch(refusal);
      expect(textOf(otherAnswer)).toMatch(/Chưa có thông báo nào/);
    }
    expect(health.length).toBeGreaterThan(uploads.length);
    expect(new Set(health)).toEqual(new Set([200]));

    // The bot is still itself: a real notice goes through.
    const [{ secretary, group }] = offices as [(typeof offices)[number]];
    const since = d.mark();
    d.sendCommand(secretary, group, '/notice 1. Giao Phòng Nội vụ rà soát biên chế, báo cáo trước ngày 15/12/2030.');
    expect(textOf(await d.waitForBotMessage(group, { since, match: /nhiệm vụ/, timeoutMs: 30_000 }))).toMatch(/Phòng Nội vụ/);
  });
});
