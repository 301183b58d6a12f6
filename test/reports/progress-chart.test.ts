import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-date.js';
import { chartFontFamily, chartFontFiles, svgToPng } from '../../src/reports/png.js';
import { categoryColours } from '../../src/reports/palette.js';
import { progressChartSvg, type ProgressChart } from '../../src/reports/progress-chart.js';
import type { UnitTally } from '../../src/reports/unit-tally.js';

const phrase = 'Đảng ủy xã Thuận';

const unit = (unitName: string, ON_TIME: number, LATE: number, IN_TIME: number, OVERDUE: number): UnitTally => ({
  unitId: unitName,
  unitName,
  total: ON_TIME + LATE + IN_TIME + OVERDUE,
  lead: 1,
  support: 0,
  counts: { ON_TIME, LATE, IN_TIME, OVERDUE },
  maxDaysOverdue: OVERDUE > 0 ? 4 : 0,
});

const chart: ProgressChart = {
  title: 'Tiến độ thực hiện Thông báo số 87-TB/HU',
  asOf: localDate(2021, 4, 5),
  units: [unit(phrase, 3, 1, 2, 4), unit('Phòng TN&MT <b>', 5, 0, 0, 0), unit('UBND xã Bình Sơn', 0, 0, 6, 0)],
};

describe('the progress chart', () => {
  it('draws a stacked bar per unit with the four categories and the overdue count, escaping unit names', () => {
    const svg = progressChartSvg(chart);
    expect(svg).toContain('>Đảng ủy xã Thuận</text>');
    expect(svg).toContain('Phòng TN&amp;MT &lt;b&gt;');
    expect(svg).toContain('Quá hạn: 4');
    expect(svg).toContain('Số liệu tính đến ngày 05/04/2021');
    for (const label of ['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện trong hạn', 'Quá hạn chưa hoàn thành']) expect(svg).toContain(label);
    // 3 + 1 + 2 + 4 segments of the first unit, one each for the others.
    expect(svg.match(/<rect x="[\d.]+" y="\d+" width="[\d.]+" height="24"/g)).toHaveLength(6);
  });

  it('renders to a PNG of the expected size with the category colours in it', () => {
    const png = PNG.sync.read(Buffer.from(svgToPng(progressChartSvg(chart))));
    expect([png.width, png.height]).toEqual([1000, 118 + 3 * 34 + 24]);
    const colours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(`#${[png.data[i]!, png.data[i + 1]!, png.data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
    for (const colour of Object.values(categoryColours)) expect(colours).toContain(colour);
  });

  it('draws “Đảng ủy xã Thuận” with the font’s own glyphs, not tofu', () => {
    const font = fontkit.create(readFileSync(chartFontFiles[0]!));
    for (const char of phrase) expect(font.glyphForCodePoint(char.codePointAt(0)!).id, char).not.toBe(0);

    const rendered = ink(svgToPng(textSvg(`<text x="10" y="56" font-size="40" font-family="${chartFontFamily}">${phrase}</text>`)));
    // The reference: the same font's outlines laid out by fontkit and drawn as paths, which
    // resvg draws without any font. Tofu is the same layout with the font's .notdef box in
    // place of every letter outside ASCII.
    const reference = ink(svgToPng(textSvg(outlines(font, () => null))));
    const tofu = ink(svgToPng(textSvg(outlines(font, (char) => (char.charCodeAt(0) > 127 ? font.getGlyph(0) : null)))));

    expect(overlap(rendered, reference)).toBeGreaterThan(0.9);
    expect(overlap(rendered, tofu)).toBeLessThan(overlap(rendered, reference) - 0.2);
  });
});

type Font = ReturnType<typeof fontkit.create>;
type Glyph = ReturnType<Font['getGlyph']>;

/** The phrase as outline paths at 40 px, each glyph optionally swapped for another. */
function outlines(font: Font, swap: (char: string) => Glyph | null): string {
  const run = font.layout(phrase);
  const chars = [...phrase];
  const scale = 40 / font.unitsPerEm;
  let x = 0;
  return run.glyphs
    .map((glyph, i) => {
      const position = run.positions[i]!;
      const drawn = swap(chars[i]!) ?? glyph;
      const path = `<path transform="translate(${10 + (x + position.xOffset) * scale} ${56 - position.yOffset * scale}) scale(${scale} ${-scale})" d="${drawn.path.toSVG()}"/>`;
      x += position.xAdvance;
      return path;
    })
    .join('');
}

function textSvg(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="80">${body}</svg>`;
}

/** The dark pixels of a PNG as a set of indices. */
function ink(bytes: Uint8Array): Set<number> {
  const png = PNG.sync.read(Buffer.from(bytes));
  const dark = new Set<number>();
  for (let i = 0; i < png.width * png.height; i += 1) if (png.data[i * 4]! < 128) dark.add(i);
  return dark;
}

/** Intersection over union of two pixel sets. */
function overlap(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const pixel of a) if (b.has(pixel)) both += 1;
  return both / (a.size + b.size - both);
}
