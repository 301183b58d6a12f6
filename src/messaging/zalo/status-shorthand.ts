import { parseStateWords } from '../../domain/task-state.js';

/** A directive's number as officials type it: 4, 3.a, 2.1. */
const ordinal = /^\d+(?:\.[0-9a-zđ]+)*[.):]?$/iu;

/**
 * Reads a short status reply, "xong 4 Đã tổng dọn" or "4 xong Đã tổng dọn", as the arguments
 * of `/status` ("4 xong Đã tổng dọn"), or returns null. Zalo has no buttons and cannot quote
 * the directive's message, so this is how a phone user reports without typing a command.
 */
export function statusShorthand(text: string): string | null {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  if (ordinal.test(first) && parseStateWords(rest.join(' '))) return [first.replace(/[.):]$/, ''), ...rest].join(' ');
  const parsed = parseStateWords(trimmed);
  if (!parsed) return null;
  const [number = '', ...note] = parsed.note.split(/\s+/);
  if (!ordinal.test(number)) return null;
  const stateWords = trimmed.slice(0, trimmed.length - parsed.note.length).replace(/[\s:,.;–-]+$/, '');
  return [number.replace(/[.):]$/, ''), stateWords, ...note].join(' ').trim();
}
