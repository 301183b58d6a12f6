import { cutToLength, firstGrapheme } from '../domain/short-text.js';

/** Escapes text for Telegram's HTML parse mode: only <, > and & are special there. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Telegram's limit for a message's text, after entities are parsed. */
export const maxMessageLength = 4096;

/**
 * Splits an HTML message into parts that fit Telegram's limit, on line boundaries. Each line
 * must be balanced HTML by itself (the bot's messages are written that way), so no tag is cut.
 * A single line longer than the limit is cut at the last space before it.
 */
export function splitMessage(html: string, limit = maxMessageLength): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of html.split('\n').flatMap((l) => cutLongLine(l, limit))) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (visibleLength(candidate) <= limit) {
      current = candidate;
    } else {
      if (current !== '') parts.push(current);
      current = line;
    }
  }
  if (current !== '' || parts.length === 0) parts.push(current);
  return parts;
}

/** Length as Telegram counts it: UTF-16 code units of the text without tags, entities decoded. */
function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot);/g, '_').length;
}

function cutLongLine(line: string, limit: number): string[] {
  if (visibleLength(line) <= limit) return [line];
  // Long lines come from user text (a directive's body), which is escaped but has no tags.
  const plain = line.replace(/<[^>]*>/g, '');
  const pieces: string[] = [];
  let rest = plain;
  while (visibleLength(rest) > limit) {
    let cut = rest.lastIndexOf(' ', limit - 16);
    if (cut <= 0) cut = limit - 16;
    // Never cut inside an entity such as &amp;, nor inside a character (an emoji's surrogate pair, a letter and its tone mark).
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 6 && rest.indexOf(';', amp) >= cut) cut = amp;
    // A single character longer than the room (a letter under hundreds of marks) goes whole rather than never.
    cut = cutToLength(rest, cut).length || firstGrapheme(rest).length;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}
