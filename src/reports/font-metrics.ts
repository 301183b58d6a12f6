/**
 * How wide a line of text comes out in the chart's font, read from the TrueType file itself
 * (its `cmap` and `hmtx` tables), so that layout decisions — where a title wraps, how small it
 * must be, where a unit's name is cut — match what resvg draws rather than a per-character guess.
 * Kerning is left out: DejaVu's pairs only ever bring letters closer, so a measured width is at
 * most a hair wider than the drawn one, which errs on the side of fitting.
 */
import { readFileSync } from 'node:fs';
import { graphemes } from '../domain/short-text.js';
import { chartFontFiles } from './png.js';

/** The advance widths of one font file, looked up by code point. */
interface FontMetrics {
  /** Advance of a code point in em units (1 = the font size); the .notdef box's when the font lacks it. */
  advance(codePoint: number): number;
}

const loaded: FontMetrics[] = [];

/**
 * The width in pixels of `text` on one line at `fontSize` px, regular or bold.
 *
 * ```ts
 * textWidth('Tiến độ thực hiện', 22, true); // ≈ 211
 * ```
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const index = bold ? 1 : 0;
  const metrics = (loaded[index] ??= readMetrics(readFileSync(chartFontFiles[index]!)));
  let ems = 0;
  // NFC: a decomposed "ế" (e + two combining marks) is drawn as the one precomposed glyph.
  for (const char of text.normalize('NFC')) ems += metrics.advance(char.codePointAt(0)!);
  return ems * fontSize;
}

function readMetrics(font: Buffer): FontMetrics {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const longMetrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphOf = cmapLookup(font, table('cmap'));
  const cache = new Map<number, number>();
  return {
    advance(codePoint) {
      let ems = cache.get(codePoint);
      if (ems === undefined) {
        // Glyphs past the last long metric share its advance (the hmtx rule for monospaced tails).
        const glyph = Math.min(glyphOf(codePoint), longMetrics - 1);
        ems = font.readUInt16BE(hmtx + glyph * 4) / unitsPerEm;
        cache.set(codePoint, ems);
      }
      return ems;
    },
  };
}

/** Code point → glyph id through the Unicode subtable: format 12 when present, else format 4 (BMP). */
function cmapLookup(font: Buffer, cmap: number): (codePoint: number) => number {
  const subtables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i += 1) {
    const record = cmap + 4 + i * 8;
    subtables.set(`${font.readUInt16BE(record)}/${font.readUInt16BE(record + 2)}`, cmap + font.readUInt32BE(record + 4));
  }
  const full = subtables.get('3/10');
  if (full !== undefined && font.readUInt16BE(full) === 12) return format12(font, full);
  const bmp = subtables.get('3/1') ?? subtables.get('0/3');
  if (bmp === undefined || font.readUInt16BE(bmp) !== 4) throw new Error('font has no Unicode cmap');
  return format4(font, bmp);
}

function format12(font: Buffer, at: number): (codePoint: number) => number {
  const groups = font.readUInt32BE(at + 12);
  return (codePoint) => {
    for (let i = 0; i < groups; i += 1) {
      const group = at + 16 + i * 12;
      const start = font.readUInt32BE(group);
      if (codePoint >= start && codePoint <= font.readUInt32BE(group + 4)) return font.readUInt32BE(group + 8) + codePoint - start;
    }
    return 0;
  };
}

function format4(font: Buffer, at: number): (codePoint: number) => number {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i += 1) {
      if (font.readUInt16BE(ends + i * 2) < codePoint) continue;
      const start = font.readUInt16BE(starts + i * 2);
      if (start > codePoint) return 0;
      const delta = font.readInt16BE(deltas + i * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/**
 * Breaks `text` into lines no wider than `maxWidth` at `fontSize`, between words; a word wider
 * than a whole line (a long number, a pasted link) is broken between its characters.
 */
export function wrapToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, fontSize, bold) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of graphemes(word)) {
      if (line && textWidth(line + char, fontSize, bold) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` as it stands if it fits in `maxWidth`, else cut where "…" still fits after it. */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = graphemes(text);
  while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
