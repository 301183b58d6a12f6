/**
 * The progress chart: one stacked horizontal bar per unit over the four result categories, with
 * the unit's overdue count beside it. Built as SVG (pure, testable as text) and rendered to PNG
 * by {@link svgToPng}. The scheduler attaches the same PNG to consolidated summaries through
 * {@link renderProgressChartPng}.
 */
import { formatDdMmYyyy, type LocalDate } from '../domain/local-date.js';
import { escapeHtml } from '../bot/html.js';
import { categoryLabels, noticeName } from './labels.js';
import { categoryColours } from './palette.js';
import { truncateToWidth, wrapToWidth } from './font-metrics.js';
import { chartFontFamily, svgToPng } from './png.js';
import type { OfficeReport } from './report-data.js';
import { resultCategories, tallyByUnit, type UnitTally } from './unit-tally.js';

/** What the chart shows. */
export interface ProgressChart {
  title: string;
  asOf: LocalDate;
  units: UnitTally[];
}

const width = 1000;
/** Nothing is drawn closer than this to the left and right edges. */
const margin = 20;
const labelRight = 300;
const barLeft = 310;
const barWidth = 540;
const rowHeight = 34;
const top = 118;
const unitNameSize = 15;
/** Title sizes tried from the largest down, and how many lines a title may take at any of them. */
const titleSizes = [22, 20, 18, 16, 14, 12];
const maxTitleLines = 3;

/** The chart of a whole report (all its notices' rows, by unit). */
export function chartOf(report: OfficeReport): ProgressChart {
  const [only] = report.notices;
  const title = report.notices.length === 1 && only ? `Tiến độ thực hiện ${noticeName(only)}` : `Tiến độ thực hiện các thông báo kết luận — ${report.officeName}`;
  return { title, asOf: report.today, units: tallyByUnit(report.notices.flatMap((notice) => notice.rows)) };
}

/**
 * The chart as an SVG document. Its height grows with the number of units and with the lines
 * its title wraps to, so a title of any length stays whole inside the image.
 */
export function progressChartSvg(chart: ProgressChart): string {
  const title = titleLayout(chart.title);
  const lineHeight = Math.round(title.size * 1.3);
  const firstBaseline = 12 + title.size;
  // Everything under the title moves down by as much as the title grew past one 22 px line.
  const shift = firstBaseline + (title.lines.length - 1) * lineHeight - 34;
  const barsTop = top + shift;
  const height = barsTop + Math.max(chart.units.length, 1) * rowHeight + 24;
  const longest = Math.max(1, ...chart.units.map((unit) => unit.total));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${chartFontFamily}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...title.lines.map((line, i) => `<text x="${width / 2}" y="${firstBaseline + i * lineHeight}" font-size="${title.size}" font-weight="bold" text-anchor="middle" fill="#1a1a1a">${escapeHtml(line)}</text>`),
    `<text x="${width / 2}" y="${60 + shift}" font-size="15" text-anchor="middle" fill="#444">Số liệu tính đến ngày ${formatDdMmYyyy(chart.asOf)}</text>`,
    ...legend(shift),
  ];
  if (chart.units.length === 0) parts.push(`<text x="${width / 2}" y="${barsTop + 22}" font-size="15" text-anchor="middle" fill="#444">Chưa có nhiệm vụ nào</text>`);
  chart.units.forEach((unit, i) => parts.push(...unitBar(unit, barsTop + i * rowHeight, longest)));
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * The title's size and lines: the largest size at which it wraps into at most three lines
 * between the margins, measured in the bold font; a title too long even for that is cut at the
 * end of its third line at the smallest size.
 */
function titleLayout(title: string): { size: number; lines: string[] } {
  const maxWidth = width - 2 * margin;
  for (const size of titleSizes) {
    const lines = wrapToWidth(title, maxWidth, size, true);
    if (lines.length <= maxTitleLines) return { size, lines };
  }
  const size = titleSizes[titleSizes.length - 1]!;
  const lines = wrapToWidth(title, maxWidth, size, true);
  const last = truncateToWidth(lines.slice(maxTitleLines - 1).join(' '), maxWidth, size, true);
  return { size, lines: [...lines.slice(0, maxTitleLines - 1), last] };
}

/** Renders the chart of a report to PNG bytes, ready to send as a document or a photo. */
export function renderProgressChartPng(report: OfficeReport): Promise<Uint8Array> {
  return svgToPng(progressChartSvg(chartOf(report)));
}

function legend(shift: number): string[] {
  const slot = width / resultCategories.length;
  return resultCategories.flatMap((category, i) => {
    const x = margin + i * slot;
    return [
      `<rect x="${x}" y="${78 + shift}" width="16" height="16" fill="${categoryColours[category]}"/>`,
      `<text x="${x + 22}" y="${92 + shift}" font-size="14" fill="#1a1a1a">${categoryLabels[category]}</text>`,
    ];
  });
}

function unitBar(unit: UnitTally, y: number, longest: number): string[] {
  const name = truncateToWidth(unit.unitName, labelRight - margin, unitNameSize);
  const parts = [`<text x="${labelRight}" y="${y + 22}" font-size="${unitNameSize}" text-anchor="end" fill="#1a1a1a">${escapeHtml(name)}</text>`];
  let x = barLeft;
  for (const category of resultCategories) {
    const count = unit.counts[category];
    if (count === 0) continue;
    const w = (count / longest) * barWidth;
    parts.push(`<rect x="${x.toFixed(1)}" y="${y + 6}" width="${w.toFixed(1)}" height="${rowHeight - 10}" fill="${categoryColours[category]}"/>`);
    // A count is written inside its segment only where it fits.
    if (w >= 10 + 9 * String(count).length) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 23}" font-size="13" font-weight="bold" text-anchor="middle" fill="#ffffff">${count}</text>`);
    x += w;
  }
  const overdue = unit.counts.OVERDUE;
  parts.push(`<text x="${barLeft + barWidth + 12}" y="${y + 22}" font-size="14" ${overdue > 0 ? 'font-weight="bold" fill="#c62828"' : 'fill="#666"'}>Quá hạn: ${overdue}</text>`);
  return parts;
}
