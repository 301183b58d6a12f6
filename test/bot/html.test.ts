import { describe, expect, it } from 'vitest';
import { escapeHtml, splitMessage } from '../../src/bot/html.js';

describe('messages longer than Telegram allows', () => {
  it('are split on line boundaries, each part within 4096 visible characters', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `<b>${i + 1}.</b> ${escapeHtml('Nhiệm vụ <số> & nội dung dài ').repeat(2)}`);
    const parts = splitMessage(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const visible = part.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp);/g, '_');
      expect(visible.length).toBeLessThanOrEqual(4096);
      // Every line is whole: no tag is cut in two.
      expect(part.split('<b>').length).toBe(part.split('</b>').length);
    }
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('cut a single overlong line without breaking an entity', () => {
    const line = escapeHtml('a&b '.repeat(3000));
    const parts = splitMessage(line);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });
});
