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
    for (const label of ['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Chưa hoàn thành, còn trong hạn', 'Quá hạn chưa hoàn thành']) expect(svg).toContain(label);
    // 3 + 1 + 2 + 4 segments of the first unit, one each for the others.
    expect(svg.match(/<rect x="[\d.]+" y="\d+" width="[\d.]+" height="24"/g)).toHaveLength(6);
  });

  it('renders to a PNG of the expected size with the category colours in it', async () => {
    const png = PNG.sync.read(Buffer.from(await svgToPng(progressChartSvg(chart))));
    expect([png.width, png.height]).toEqual([1000, 118 + 3 * 34 + 24]);
    const colours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(`#${[png.data[i]!, png.data[i + 1]!, png.data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
    for (const colour of Object.values(categoryColours)) expect(colours).toContain(colour);
  });

  it('wraps a long notice title onto lines that stay inside the image, every word kept', async () => {
    const title = `Tiến độ thực hiện Thông báo số ${'Kết luận của đồng chí Trưởng Ban Chỉ đạo xây dựng nông thôn mới huyện tại buổi làm việc với xã Bình Sơn '.repeat(2).trim()}`;
    const svg = progressChartSvg({ ...chart, title });
    const lines = titleLines(svg);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.map((line) => line.text).join(' ')).toBe(title);
    const png = PNG.sync.read(Buffer.from(await svgToPng(svg)));
    expectInkWithinMargins(png);
    // The title's own ink: as many bands of rows as it has lines, reaching close to both margins.
    const band = inkRows(png, 0, lines.at(-1)!.y + 8);
    expect(band.bands).toBe(lines.length);
    expect(band.left).toBeLessThan(120);
    expect(band.right).toBeGreaterThan(880);
  });

  it('shrinks a title too long for three lines at full size, and cuts only what fits nowhere', async () => {
    const long = `Tiến độ thực hiện Thông báo số ${'Kết luận của đồng chí Trưởng Ban Chỉ đạo tại buổi làm việc với xã Bình Sơn về nông thôn mới '.repeat(4).trim()}`;
    const shrunk = titleLines(progressChartSvg({ ...chart, title: long }));
    expect(shrunk.length).toBeLessThanOrEqual(3);
    expect(shrunk[0]!.size).toBeLessThan(22);
    expect(shrunk.map((line) => line.text).join(' ')).toBe(long);

    const endless = `Tiến độ thực hiện Thông báo số ${'Đảng ủy, HĐND, UBND, UBMTTQ và các đoàn thể xã '.repeat(40)}`;
    const svg = progressChartSvg({ ...chart, title: endless });
    const cut = titleLines(svg);
    expect(cut).toHaveLength(3);
    expect(cut[2]!.text).toMatch(/…$/);
    expectInkWithinMargins(PNG.sync.read(Buffer.from(await svgToPng(svg))));
  });

  it('keeps a short title on one line at full size, with the chart at its usual height', () => {
    const svg = progressChartSvg(chart);
    expect(titleLines(svg)).toEqual([{ text: chart.title, size: 22, y: 34 }]);
    expect(svg).toMatch(/height="244"/);
  });

  it('cuts a unit name too wide for its label column with “…” so it never runs off the left edge', async () => {
    const wide = unit('Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp huyện Triệu Sơn', 1, 0, 0, 0);
    const svg = progressChartSvg({ ...chart, units: [wide] });
    expect(svg).toMatch(/>Ban Quản lý dự án[^<]*…<\/text>/);
    expectInkWithinMargins(PNG.sync.read(Buffer.from(await svgToPng(svg))));
  });

  it('draws “Đảng ủy xã Thuận” with the font’s own glyphs, not tofu', async () => {
    const font = fontkit.create(readFileSync(chartFontFiles[0]!));
    for (const char of phrase) expect(font.glyphForCodePoint(char.codePointAt(0)!).id, char).not.toBe(0);

    const rendered = ink(await svgToPng(textSvg(`<text x="10" y="56" font-size="40" font-family="${chartFontFamily}">${phrase}</text>`)));
    // The reference: the same font's outlines laid out by fontkit and drawn as paths, which
    // resvg draws without any font. Tofu is the same layout with the font's .notdef box in
    // place of every letter outside ASCII.
    const reference = ink(await svgToPng(textSvg(outlines(font, () => null))));
    const tofu = ink(await svgToPng(textSvg(outlines(font, (char) => (char.charCodeAt(0) > 127 ? font.getGlyph(0) : null)))));

    expect(overlap(rendered, reference)).toBeGreaterThan(0.9);
    expect(overlap(rendered, tofu)).toBeLessThan(overlap(rendered, reference) - 0.2);
  });
});

/** The chart's bold title lines, as drawn: text, font size and baseline. */
function titleLines(svg: string): { text: string; size: number; y: number }[] {
  return [...svg.matchAll(/<text x="500" y="(\d+)" font-size="(\d+)" font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ text: m[3]!, size: Number(m[2]), y: Number(m[1]) }));
}

const isInk = (png: PNG, x: number, y: number) => png.data[(y * png.width + x) * 4]! < 235;

/** Nothing but white paper within 18 px of the left and right edges (the chart's 20 px margins, less anti-aliasing). */
function expectInkWithinMargins(png: PNG): void {
  const stray: string[] = [];
  for (let y = 0; y < png.height; y += 1) for (const x of [...Array(18).keys()].flatMap((i) => [i, png.width - 1 - i])) if (isInk(png, x, y)) stray.push(`${x},${y}`);
  expect(stray).toEqual([]);
}

/** Where ink lies in rows [from, to): its leftmost and rightmost column and how many separate bands of rows hold it. */
function inkRows(png: PNG, from: number, to: number): { left: number; right: number; bands: number } {
  let left = png.width;
  let right = -1;
  let bands = 0;
  let inBand = false;
  for (let y = from; y < to; y += 1) {
    let rowHasInk = false;
    for (let x = 0; x < png.width; x += 1) {
      if (!isInk(png, x, y)) continue;
      rowHasInk = true;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
    if (rowHasInk && !inBand) bands += 1;
    inBand = rowHasInk;
  }
  return { left, right, bands };
}

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
