/**
 * What passes between the bot's thread and the notice worker. Errors cross as data, since a
 * thread boundary keeps an error's message but not its class.
 */
import type { ParseOptions, ParsedNotice } from '../index.js';
import type { NoticeFileErrorCode } from '../files/notice-file-error.js';
import type { NoticeLimit } from '../limits.js';

export type NoticeTask = { kind: 'read'; bytes: Uint8Array; fileName: string } | { kind: 'parse'; text: string; options: ParseOptions };

/** What each task gives back. */
export interface NoticeTaskResult {
  read: string;
  parse: ParsedNotice;
}

export type TaskFailure =
  | { kind: 'limit'; limit: NoticeLimit; max: number; actual: number | null }
  | { kind: 'refused'; code: NoticeFileErrorCode; message: string }
  /** Anything else thrown: a bug, since the readers refuse bad input with a `NoticeFileError`. */
  | { kind: 'crash'; message: string };

export type TaskReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: TaskFailure };
