import { describe, expect, it } from 'vitest';
import { chunkZaloText, htmlToZaloText, maxZaloTextLength } from '../../src/messaging/zalo/zalo-text.js';
import { statusShorthand } from '../../src/messaging/zalo/status-shorthand.js';

describe('Zalo text', () => {
  it('turns Telegram HTML into plain text that keeps escaped markup and link addresses', () => {
    expect(htmlToZaloText('<b>Nhiệm vụ 4</b>: ghi chú &lt;b&gt;thiếu&lt;/b&gt; &amp; <a href="https://x.vn/a">văn bản</a>')).toBe(
      'Nhiệm vụ 4: ghi chú <b>thiếu</b> & văn bản (https://x.vn/a)',
    );
  });

  it('cuts text over 2000 characters on line boundaries, losing nothing', () => {
    const lines = Array.from({ length: 120 }, (_, index) => `Dòng ${index + 1}: ${'x'.repeat(40)} <&>`);
    const text = lines.join('\n');
    const chunks = chunkZaloText(text);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(maxZaloTextLength);
    // Every chunk ends and starts on a whole line.
    for (const chunk of chunks) expect(chunk.split('\n').every((line) => lines.includes(line))).toBe(true);
    expect(chunks.join('\n')).toBe(text);
  });

  it('cuts a single line longer than 2000 characters at a space', () => {
    const words = Array.from({ length: 700 }, (_, index) => `từ${index}`).join(' ');
    const chunks = chunkZaloText(words);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(maxZaloTextLength);
    expect(chunks.join(' ')).toBe(words);
  });
});

describe('short status replies', () => {
  it('reads "xong 4 …" and "4 xong …" as the arguments of /status', () => {
    expect(statusShorthand('xong 4 Đã tổng dọn ngày 20/12')).toBe('4 xong Đã tổng dọn ngày 20/12');
    expect(statusShorthand('đang thực hiện 3.a')).toBe('3.a đang thực hiện');
    expect(statusShorthand('4 vướng thiếu kinh phí')).toBe('4 vướng thiếu kinh phí');
    expect(statusShorthand('vuong 2: thieu nguoi')).toBe('2 vuong thieu nguoi');
  });

  it('leaves ordinary sentences alone', () => {
    expect(statusShorthand('đang họp, chiều báo cáo')).toBeNull();
    expect(statusShorthand('xong rồi')).toBeNull();
    expect(statusShorthand('4')).toBeNull();
  });
});
