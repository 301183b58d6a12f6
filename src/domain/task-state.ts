import { foldVietnamese } from './vietnamese-text.js';

/**
 * The state of one unit's work on one directive, as government follow-up reports name them:
 * chưa thực hiện, đang thực hiện, hoàn thành, vướng mắc.
 */
export const taskStates = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED'] as const;
export type TaskState = (typeof taskStates)[number];

/** The states an official can report (nobody reports "not started"). */
export type ReportableState = Exclude<TaskState, 'NOT_STARTED'>;

/**
 * Words officials use for each state, longest first so that "đang thực hiện" wins over
 * "đang". "chưa xong" must not read as "xong", hence it is listed as in progress.
 */
const stateWords: readonly (readonly [string, ReportableState])[] = (
  [
    ['đã hoàn thành', 'DONE'],
    ['hoàn thành', 'DONE'],
    ['đã xong', 'DONE'],
    ['xong', 'DONE'],
    ['done', 'DONE'],
    ['ht', 'DONE'],
    ['chưa xong', 'IN_PROGRESS'],
    ['đang thực hiện', 'IN_PROGRESS'],
    ['đang triển khai', 'IN_PROGRESS'],
    ['đang làm', 'IN_PROGRESS'],
    ['đang', 'IN_PROGRESS'],
    ['in progress', 'IN_PROGRESS'],
    ['progress', 'IN_PROGRESS'],
    ['vướng mắc', 'BLOCKED'],
    ['vướng', 'BLOCKED'],
    ['khó khăn', 'BLOCKED'],
    ['blocked', 'BLOCKED'],
  ] as const satisfies (readonly [string, ReportableState])[]
).toSorted((a, b) => b[0].length - a[0].length);

const foldedStateWords = stateWords.map(([words, state]) => [foldVietnamese(words), state] as const);

/**
 * Reads a state word at the start of a status text and returns the state and the rest as the
 * note: "xong Đã tổng dọn ngày 20/12" → DONE, "Đã tổng dọn ngày 20/12". Null when the text
 * does not start with a state word.
 *
 * Words are compared with their diacritics, because folding would read "đăng ký" as "đang".
 * Only text typed without any diacritics (a phone without a Vietnamese keyboard) is compared
 * folded, where "dang" can only mean "đang".
 */
export function parseStateWords(text: string): { state: ReportableState; note: string } | null {
  const trimmed = text.trim().normalize('NFC');
  const lower = trimmed.toLowerCase();
  const typedWithoutDiacritics = foldVietnamese(lower) === lower;
  const words = typedWithoutDiacritics ? foldedStateWords : stateWords;
  for (const [word, state] of words) {
    if (!lower.startsWith(word)) continue;
    const next = lower.charAt(word.length);
    // A whole word only: "xongxuôi" is not "xong".
    if (next !== '' && /[\p{L}\p{N}]/u.test(next)) continue;
    return { state, note: trimmed.slice(word.length).replace(/^[\s:,.;–-]+/, '') };
  }
  return null;
}
