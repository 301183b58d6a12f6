/**
 * Items numbered in words: `Thứ nhất, … Thứ hai, … Thứ ba, …`, at the start of paragraphs or
 * one after another inside running prose. A weekday (`Thứ hai, ngày 05/3/2024`, `thứ Sáu hằng
 * tuần`) is not an item: the word is lower case after a capital `Thứ` and no date follows it.
 */

const numbers: Record<string, number> = {
  nhất: 1, hai: 2, ba: 3, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
};

const wordSource = String.raw`Thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*[,:.]\s*(?!ngày|\d)`;

/** `Thứ hai, …` opening a paragraph: its number and the text after it, or null. */
export function ordinalWordAt(line: string): { number: number; rest: string } | null {
  const match = new RegExp(`^${wordSource}(\\S.*)$`, 'u').exec(line);
  return match ? { number: numbers[match[1]!]!, rest: match[2]! } : null;
}

/** Every `Thứ nhất, …` inside a text: its number, where it starts and where its item's words start. */
export function ordinalWordsIn(text: string): { number: number; index: number; after: number }[] {
  return [...text.matchAll(new RegExp(`(?<![\\p{L}])${wordSource}`, 'gu'))].map((match) => ({
    number: numbers[match[1]!]!,
    index: match.index,
    after: match.index + match[0].length,
  }));
}
