/**
 * Text cut for a message line (a notice's title, a directive quoted in an alert): at most
 * `length` characters, cut at a word when one ends in the second half, with an ellipsis.
 */
export function cutAtWord(text: string, length: number): string {
  if (text.length <= length) return text;
  const head = text.slice(0, length);
  const space = head.lastIndexOf(' ');
  return `${(space > length / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
