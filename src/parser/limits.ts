/**
 * How much of a notice dondoc reads. Every upload and every pasted notice passes these limits
 * (the bot's intake and `dondoc parse`/`route` alike); past them it is refused with a sentence
 * naming the limit, before the parser spends time on it. They are far above any real notice: a
 * *Thông báo kết luận* runs to a few pages and a few dozen directives.
 *
 * The time and memory limits are those of the worker thread notices are read in
 * (`worker/notice-worker.ts`); the others are checked where the text is (`within-limits.ts`, and
 * the PDF reader for pages).
 */
import { NoticeFileError } from './files/notice-file-error.js';

export const NOTICE_LIMITS = {
  /** About 300 pages of dense text; the parser reads this many in well under a second. */
  characters: 1_000_000,
  /** Directives of one notice, sub-items counted. */
  directives: 500,
  /** Pages of a .pdf, or of a .docx counted by its page breaks. */
  pages: 300,
  /** Wall time to read and parse one notice in the worker. */
  seconds: 20,
  /** The worker's heap (V8's old generation). */
  memoryMb: 256,
} as const;

export type NoticeLimit = keyof typeof NOTICE_LIMITS;

const number = new Intl.NumberFormat('vi-VN');

/** What each refusal says, in Vietnamese: the measure when known, then the limit. */
const refusals: Record<NoticeLimit, (max: string, actual: string | null) => string> = {
  characters: (max, actual) => `Văn bản dài ${actual} ký tự, vượt giới hạn ${max} ký tự một thông báo: hãy gửi riêng phần kết luận.`,
  directives: (max, actual) => `Văn bản có ${actual} nhiệm vụ, vượt giới hạn ${max} nhiệm vụ một thông báo: hãy tách thành nhiều thông báo.`,
  pages: (max, actual) => `Tệp có ${actual} trang, vượt giới hạn ${max} trang một thông báo: hãy gửi riêng phần kết luận.`,
  seconds: (max) => `Đọc văn bản quá ${max} giây (giới hạn thời gian xử lý): tệp có thể bị hỏng hoặc có cấu trúc bất thường.`,
  memoryMb: (max) => `Đọc văn bản cần quá ${max} MB bộ nhớ (giới hạn bộ nhớ): tệp có thể bị hỏng hoặc có cấu trúc bất thường.`,
};

/** A notice past one of `NOTICE_LIMITS`. A `NoticeFileError`, so every caller that shows a refusal shows this one too. */
export class NoticeLimitError extends NoticeFileError {
  override name = 'NoticeLimitError';

  constructor(
    readonly limit: NoticeLimit,
    readonly max: number,
    /** The notice's measure (characters, directives, pages); null for time and memory. */
    readonly actual: number | null,
  ) {
    super('over-limit', refusals[limit](number.format(max), actual === null ? null : number.format(actual)));
  }
}
