/**
 * Items numbered in words: `Thứ nhất, … Thứ hai, … Thứ ba, …` or `Một là, … Hai là, …`, at the
 * start of paragraphs or one after another inside running prose. A weekday (`Thứ hai, ngày
 * 05/3/2024`, `thứ Sáu hằng tuần`) is not an item: the word is lower case after a capital `Thứ`
 * and no date follows it.
 */

const numbers: Record<string, number> = {
  nhất: 1, một: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
};

const wordSource = String.raw`(?:Thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là)\s*[,:.]\s*(?!ngày|\d)`;

const atLineStart = new RegExp(`^${wordSource}(\\S.*)$`, 'u');
const inText = new RegExp(`(?<![\\p{L}])${wordSource}`, 'gu');

function numberOf(match: RegExpExecArray | RegExpMatchArray): number {
  return numbers[(match[1] ?? match[2]!).toLowerCase()]!;
}

/** `Thứ hai, …` opening a paragraph: its number and the text after it, or null. */
export function ordinalWordAt(line: string): { number: number; rest: string } | null {
  const match = atLineStart.exec(line);
  return match ? { number: numberOf(match), rest: match[3]! } : null;
}

/** Every `Thứ nhất, …` inside a text: its number, where it starts and where its item's words start. */
export function ordinalWordsIn(text: string): { number: number; index: number; after: number }[] {
  return [...text.matchAll(inText)].map((match) => ({
    number: numberOf(match),
    index: match.index,
    after: match.index + match[0].length,
  }));
}
