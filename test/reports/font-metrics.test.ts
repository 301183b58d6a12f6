import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { textWidth, truncateToWidth, wrapToWidth } from '../../src/reports/font-metrics.js';
import { chartFontFamily, chartFontFiles, svgToPng } from '../../src/reports/png.js';

const phrase = 'Kết luận của đồng chí Trưởng Ban Chỉ đạo tại xã Bình Sơn';

describe('text widths in the chart font', () => {
  it('are the sums of the font’s own advance widths, regular and bold', () => {
    chartFontFiles.forEach((file, i) => {
      const font = fontkit.create(readFileSync(file));
      const advances = font.layout(phrase).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
      expect(textWidth(phrase, 22, i === 1)).toBeCloseTo((advances / font.unitsPerEm) * 22, 6);
    });
  });

  it('measure decomposed Vietnamese (e + combining marks) as the precomposed letters drawn', () => {
    expect(textWidth(phrase.normalize('NFD'), 15)).toBeCloseTo(textWidth(phrase, 15), 6);
    expect(textWidth('Đ', 15)).toBeGreaterThan(textWidth('i', 15));
  });

  it('match what resvg draws: the ink of a bold line ends within its measured width', async () => {
    const size = 22;
    const png = PNG.sync.read(Buffer.from(await svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="900" height="40"><text x="0" y="30" font-size="${size}" font-weight="bold" font-family="${chartFontFamily}">${phrase}</text></svg>`)));
    let right = 0;
    for (let y = 0; y < png.height; y += 1) for (let x = 0; x < png.width; x += 1) if (png.data[(y * png.width + x) * 4]! < 235) right = Math.max(right, x);
    const measured = textWidth(phrase, size, true);
    expect(right).toBeLessThanOrEqual(measured + 1);
    // The last letter's side bearing is all that separates the ink from the advance.
    expect(right).toBeGreaterThan(measured - 6);
  });

  it('wrap a title between words into lines no wider than asked, and break a word longer than a line', () => {
    const lines = wrapToWidth(`${phrase} ${phrase}`, 300, 18, true);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 18, true)).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe(`${phrase} ${phrase}`);
    const link = 'https://example.vn/'.padEnd(120, 'x');
    const broken = wrapToWidth(link, 200, 15);
    expect(broken.join('')).toBe(link);
    for (const line of broken) expect(textWidth(line, 15)).toBeLessThanOrEqual(200);
  });

  it('cut text with “…” only when it does not fit', () => {
    expect(truncateToWidth('UBND xã Bình Sơn', 280, 15)).toBe('UBND xã Bình Sơn');
    const cut = truncateToWidth(`${phrase} ${phrase}`, 280, 15);
    expect(cut).toMatch(/^Kết luận của .*…$/);
    expect(textWidth(cut, 15)).toBeLessThanOrEqual(280);
  });
});
