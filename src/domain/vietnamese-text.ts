/**
 * Vietnamese spelling variants that mean the same word. Notices come from many word processors
 * and keyboards: NFC or NFD, and the tone mark of `oa/oe/uy` on either vowel (`hoà`/`hòa`,
 * `uỷ`/`ủy`). The parser's patterns are written once, so the text is made uniform first.
 */

/** Tone marks in the order grave, acute, hook, tilde, dot, for each vowel we move them between. */
const toned: Record<string, string> = {
  a: 'àáảãạ', e: 'èéẻẽẹ', y: 'ỳýỷỹỵ', o: 'òóỏõọ', u: 'ùúủũụ',
  A: 'ÀÁẢÃẠ', E: 'ÈÉẺẼẸ', Y: 'ỲÝỶỸỴ', O: 'ÒÓỎÕỌ', U: 'ÙÚỦŨỤ',
};

/**
 * "New style" spellings (`oà`, `uỷ`, capitalised `Uỷ`) mapped to the traditional ones (`òa`,
 * `ủy`, `Ủy`) that most government documents use. Built from the tables above rather than typed out, so that no pair
 * is forgotten.
 */
const newToTraditional = new Map<string, string>();
for (const [first, second] of [['o', 'a'], ['o', 'e'], ['u', 'y'], ['O', 'A'], ['O', 'E'], ['U', 'Y'], ['O', 'a'], ['O', 'e'], ['U', 'y']] as const) {
  for (let tone = 0; tone < 5; tone += 1) {
    newToTraditional.set(first + toned[second]![tone]!, toned[first]![tone]! + second);
  }
}

// Only an open syllable moves its mark: `hoàng`, `quý` and `khuỷu` are spelled alike in both
// styles, hence the guards against a following letter and a preceding `q`.
const newStylePattern = new RegExp(`(?<![qQ])(${[...newToTraditional.keys()].join('|')})(?![\\p{L}])`, 'gu');

/**
 * Puts every tone mark of `oa`, `oe`, `uy` where the traditional spelling has it
 * (`Huyện uỷ` → `Huyện ủy`, `hoà` → `hòa`). Expects NFC text.
 */
export function unifyTonePlacement(text: string): string {
  return text.replace(newStylePattern, (pair) => newToTraditional.get(pair) ?? pair);
}

/**
 * A key for comparing Vietnamese words, never for display: NFC, lower case, diacritics and the
 * tone mark dropped, `đ` → `d`, so `Uỷ ban`, `ỦY BAN` and `Uy ban` (also in NFD) all fold to
 * `uy ban`. Stored names keep their accents; only their keys are folded.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}
