/**
 * Shortening text without breaking a character. Lengths are counted as Telegram (and
 * JavaScript) count them, in UTF-16 code units, but a cut only ever falls between graphemes:
 * cutting inside a surrogate pair sends a lone surrogate, which is not valid UTF-8 and makes
 * Telegram reject the whole message; cutting inside a cluster drops a Vietnamese tone mark
 * written as a combining character, or splits a flag or a family emoji in two.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text's user-perceived characters (grapheme clusters), in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** The text's first grapheme, read without segmenting the rest. */
export function firstGrapheme(text: string): string {
  return segmenter.segment(text).containing(0)?.segment ?? '';
}

/** The longest start of `text` that is at most `length` code units and ends between two graphemes. */
export function cutToLength(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = 0;
  // The segmenter is lazy: a 5 MB text costs only the graphemes before the cut.
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > length) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** `text` as it is when it fits in `length` code units, else its start and "…" within `length`. */
export function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${cutToLength(text, length - 1).trimEnd()}…`;
}

/**
 * Text cut for a message line (a notice's title, a directive quoted in an alert): at most
 * `length` code units and an ellipsis, cut at a word when one ends in the second half.
 */
export function cutAtWord(text: string, length: number): string {
  if (text.length <= length) return text;
  const head = cutToLength(text, length);
  const space = head.lastIndexOf(' ');
  return `${(space > length / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
