/**
 * The state of one unit's work on one directive, as government follow-up reports name them:
 * chưa thực hiện, đang thực hiện, hoàn thành, vướng mắc.
 */
export const taskStates = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED'] as const;
export type TaskState = (typeof taskStates)[number];

/** The states an official can report (nobody reports "not started"). */
export type ReportableState = Exclude<TaskState, 'NOT_STARTED'>;

/** Folds Vietnamese for word matching: lower case, no diacritics, đ → d. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * Words officials use for each state, folded, longest first so that "đang thực hiện" wins over
 * "đang". "chưa xong" must not read as "xong", hence it is listed as in progress.
 */
const stateWords: readonly (readonly [string, ReportableState])[] = (
  [
  ['da hoan thanh', 'DONE'],
  ['hoan thanh', 'DONE'],
  ['da xong', 'DONE'],
  ['xong', 'DONE'],
  ['done', 'DONE'],
  ['ht', 'DONE'],
  ['chua xong', 'IN_PROGRESS'],
  ['dang thuc hien', 'IN_PROGRESS'],
  ['dang trien khai', 'IN_PROGRESS'],
  ['dang lam', 'IN_PROGRESS'],
  ['dang', 'IN_PROGRESS'],
  ['in progress', 'IN_PROGRESS'],
  ['progress', 'IN_PROGRESS'],
  ['vuong mac', 'BLOCKED'],
  ['vuong', 'BLOCKED'],
  ['kho khan', 'BLOCKED'],
    ['blocked', 'BLOCKED'],
  ] as const satisfies (readonly [string, ReportableState])[]
).toSorted((a, b) => b[0].length - a[0].length);

/**
 * Reads a state word at the start of a status text and returns the state and the rest as the
 * note: "xong Đã tổng dọn ngày 20/12" → DONE, "Đã tổng dọn ngày 20/12". Null when the text
 * does not start with a state word.
 */
export function parseStateWords(text: string): { state: ReportableState; note: string } | null {
  const trimmed = text.trim();
  const folded = foldForMatching(trimmed);
  for (const [words, state] of stateWords) {
    if (!folded.startsWith(words)) continue;
    const next = folded.charAt(words.length);
    // A whole word only: "dangky" is not "đang".
    if (next !== '' && /[a-z0-9]/.test(next)) continue;
    // Folding keeps one character per character here (NFD marks removed), so the same offset
    // in the original text is found by counting base letters.
    const note = trimmed.slice(originalOffset(trimmed, words.length)).replace(/^[\s:,.;–-]+/, '');
    return { state, note };
  }
  return null;
}

function originalOffset(original: string, foldedLength: number): number {
  let count = 0;
  let index = 0;
  for (const char of original) {
    if (count === foldedLength) break;
    count += foldForMatching(char).length;
    index += char.length;
  }
  return index;
}
