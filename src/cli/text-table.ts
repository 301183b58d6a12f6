/**
 * Plain-text tables for the CLI's readable output (`dondoc parse`, `dondoc route`): columns
 * padded by characters (graphemes), not bytes, so Vietnamese lines up in a terminal even when
 * its tone marks are written as combining characters.
 */
import { graphemes } from '../domain/short-text.js';

/** Cuts a cell to `width` characters, ending with `…` when it was longer. */
export function truncate(text: string, width: number): string {
  const chars = graphemes(text);
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** A `| a | b |` table with a rule under the header, each column as wide as its widest cell. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(graphemes(title).length, ...rows.map((row) => graphemes(row[i]!).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i]! - graphemes(cell).length)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
