import { describe, expect, it } from 'vitest';
import { cutAtWord, cutToLength, graphemes, shorten } from '../../src/domain/short-text.js';
import { splitMessage } from '../../src/bot/html.js';
import { chunkZaloText } from '../../src/messaging/zalo/zalo-text.js';

/** Characters a cut must never break: a surrogate pair, a ZWJ family, a flag, a skin tone, and Vietnamese tone marks written as combining characters (NFD). */
const hard = ['😀', '👨‍👩‍👧‍👦', '🇻🇳', '👍🏽', 'ệ'.normalize('NFD'), 'ữ'.normalize('NFD')];

/** Texts whose hard character straddles every offset near `limit`. */
function straddling(limit: number): string[] {
  return hard.flatMap((char) => Array.from({ length: char.length + 1 }, (_, shift) => `${'a'.repeat(limit - shift)}${char}${char}tail`));
}

/** Whether `piece` is `text` up to a grapheme boundary: its graphemes are the text's first ones, unbroken. */
function isWholePrefix(piece: string, text: string): boolean {
  const own = graphemes(piece);
  return !/\p{Cs}/u.test(piece) && text.startsWith(piece) && own.every((g, i) => g === graphemes(text)[i]);
}

describe('shortening text on grapheme boundaries', () => {
  it('cutToLength keeps the longest whole-grapheme start within the length', () => {
    for (const text of straddling(12)) {
      const cut = cutToLength(text, 12);
      expect(cut.length).toBeLessThanOrEqual(12);
      expect(isWholePrefix(cut, text), JSON.stringify(cut)).toBe(true);
      // Longest: the next grapheme would not have fitted.
      expect(cut.length + graphemes(text.slice(cut.length))[0]!.length).toBeGreaterThan(12);
    }
    expect(cutToLength('ngắn', 10)).toBe('ngắn');
  });

  it('shorten and cutAtWord end in an ellipsis after whole graphemes only', () => {
    for (const text of straddling(20)) {
      for (const short of [shorten(text, 20), cutAtWord(text, 20)]) {
        expect(short.endsWith('…')).toBe(true);
        expect(isWholePrefix(short.slice(0, -1), text), JSON.stringify(short)).toBe(true);
      }
      expect(shorten(text, 20).length).toBeLessThanOrEqual(20);
    }
    const words = `Giao Sở Tài chính 👨‍👩‍👧‍👦 chủ trì`;
    expect(cutAtWord(words, 22)).toBe('Giao Sở Tài chính…');
  });

  it('splitMessage and Zalo chunks cut a long line without a space only between graphemes', () => {
    for (const char of hard) {
      for (let shift = 0; shift <= char.length; shift += 1) {
        const text = `${'x'.repeat(4080 - shift)}${char.repeat(30)}`;
        const parts = splitMessage(text);
        expect(parts.length).toBeGreaterThan(1);
        expect(parts.join('')).toBe(text);
        for (const part of parts) expect(/\p{Cs}/u.test(part)).toBe(false);
        expect(parts.flatMap(graphemes)).toEqual(graphemes(text));

        const zalo = `${'y'.repeat(1984 - shift)}${char.repeat(30)}`;
        const chunks = chunkZaloText(zalo);
        expect(chunks.join('')).toBe(zalo);
        expect(chunks.flatMap(graphemes)).toEqual(graphemes(zalo));
      }
    }
  });
});
