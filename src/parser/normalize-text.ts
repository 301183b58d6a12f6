/**
 * Text hygiene before parsing: whatever a notice went through (Word, a PDF's text layer, a news
 * site, a chat message), the parser then sees one spelling, one kind of space and one line end.
 */
import { unifyTonePlacement } from '../domain/vietnamese-text.js';
import { stripWebChrome } from './web-chrome.js';

/** Page furniture left by printing: `- 2 -`, `Trang 2/5`, or a page number on its own. */
const pageNumberLine = /^(?:-\s*\d{1,3}\s*-|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?|\d{1,3})$/iu;

/**
 * A line with a tab between two words is a table row copied from Word or a spreadsheet: each tab
 * becomes the ` | ` cell separator the table reader knows (empty cells kept). Other tabs indent.
 */
function tabsToCells(line: string): string {
  return /\S\t+\S/u.test(line) ? line.replace(/\t/gu, ' | ') : line.replace(/\t/gu, ' ');
}

/**
 * Returns the notice text as clean lines joined by `\n`: NFC with uniform tone placement,
 * ordinary spaces, no markdown bold, no page artefacts and no web page chrome (web-chrome.ts).
 * A form feed (page break) becomes a blank line, so a paragraph cut by a page reads as two
 * paragraphs that the directive segmenter joins again.
 */
export function normalizeNoticeText(raw: string): string {
  const text = unifyTonePlacement(raw.normalize('NFC'))
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[\u00A0\u2007\u202F\u2000-\u200A]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/\*\*|__/g, '');
  const lines: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = tabsToCells(rawLine).replace(/ {2,}/g, ' ').trim();
    if (pageNumberLine.test(line)) continue;
    lines.push(line);
  }
  return stripWebChrome(lines).join('\n').trim();
}
