import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CLASSES, hostileNotices, type HostileClass, type HostileNotice } from '../support/hostile-notices.js';
import { startHarness, type Harness } from './harness.js';

const textOf = (message: Message) => message.text ?? message.caption ?? '';

/** The issue-sized hostile uploads (the first of each class) and the refusal each must get. */
const uploads: [HostileClass, RegExp][] = [
  ['long-line', /vượt giới hạn 1\.000\.000 ký tự một thông báo/],
  ['numbered-items', /vượt giới hạn 1\.000\.000 ký tự một thông báo/],
  ['units-and-support', /vượt giới hạn 1\.000\.000 ký tự một thông báo/],
  ['reporting-lines', /vượt giới hạn 1\.000\.000 ký tự một thông báo/],
  ['zip-bomb', /Không đọc được tệp “bomb\.docx”: Tệp \.docx có cấu trúc bất thường/],
  ['many-pages', /Tệp “pages\.(?:docx|pdf)” có 1\.000 trang, vượt giới hạn 300 trang/],
  ['deep-nesting', /Không đọc được tệp “nested\.docx”/],
];

describe('hostile uploads', () => {
  let h: Harness;
  let corpus: HostileNotice[];
  beforeAll(async () => {
    // Made before the bot starts: building 100,000 items or a 64 MB zip bomb holds this thread.
    corpus = [...hostileNotices({ seed: 20, count: HOSTILE_CLASSES.length, scale: 'test' })];
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

  it('holds a notice sent in parts to the character limit as the parts come', { timeout: 60_000 }, async () => {
    const d = h.driver;
    const secretary = d.createUser({ firstName: 'Lan', lastName: 'Thư' });
    const group = d.createGroup({ title: 'Văn phòng Sở Nội vụ', type: 'supergroup', admins: [secretary] });
    d.sendCommand(secretary, group, '/setup');
    await d.waitForBotMessage(group, { match: /Đã đăng ký/ });
    d.sendCommand(secretary, group, '/notice');
    const prompt = await d.waitForBotMessage(group, { match: /trả lời \(reply\) tin nhắn này/ });
    // Each part is a file within the limit; the two together are not.
    const part = `1. Giao Phòng Nội vụ ${'rà soát hồ sơ, '.repeat(40_000)}`;
    d.sendDocument(secretary, group, { data: part, fileName: 'phan-1.txt' }, { replyTo: prompt });
    const ack = await d.waitForBotMessage(group, { match: /Đã nhận \(600\.021 ký tự\)/, timeoutMs: 30_000 });
    d.sendDocument(secretary, group, { data: part, fileName: 'phan-2.txt' }, { replyTo: ack });
    expect(textOf(await d.waitForBotMessage(group, { timeoutMs: 30_000 }))).toBe(
      'Thông báo dài 1.200.042 ký tự, vượt giới hạn 1.000.000 ký tự một thông báo. Hãy gửi riêng phần kết luận (các nhiệm vụ).',
    );
  });
});
