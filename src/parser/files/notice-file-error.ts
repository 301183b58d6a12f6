/**
 * Why a notice file cannot be read. The bot shows `message` (Vietnamese, one sentence) to the
 * secretary as it is; `code` lets callers decide without reading the words.
 */
export type NoticeFileErrorCode = 'over-limit' | 'too-large' | 'encrypted' | 'no-text' | 'corrupt' | 'zip-bomb' | 'unsupported-type' | 'legacy-encoding';

/** A notice file the intake refuses. Never carries a stack trace to the user. */
export class NoticeFileError extends Error {
  override name = 'NoticeFileError';

  constructor(
    readonly code: NoticeFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The largest file the intake reads: Telegram's own getFile limit. */
export const MAX_NOTICE_FILE_BYTES = 20 * 1024 * 1024;

/** The refusal for a file over `MAX_NOTICE_FILE_BYTES`, shared by the reader and the CLI (which checks before reading). */
export function tooLargeError(bytes: number): NoticeFileError {
  const megabytes = (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
  return new NoticeFileError('too-large', `Tệp quá lớn (${megabytes} MB): chỉ nhận tệp đến 20 MB.`);
}
