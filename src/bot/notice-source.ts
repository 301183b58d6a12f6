import type { IncomingFile, Messenger } from '../messaging/port.js';
import { MAX_NOTICE_FILE_BYTES, NoticeFileError, type ParseOptions, type ParsedNotice } from '../parser/index.js';
import { NoticeLimitError } from '../parser/limits.js';
import { noticeWorker } from '../parser/worker/notice-worker.js';
import { UserError } from './errors.js';

/**
 * Downloads a notice file and extracts its text in the notice worker, refusing what cannot be
 * read (too large, scanned, encrypted, corrupt, a zip bomb, an unknown type) with the reader's
 * Vietnamese reason, and what is past `NOTICE_LIMITS` with the limit it passed.
 */
export async function readNoticeText(messenger: Messenger, file: IncomingFile): Promise<string> {
  if (file.size !== null && file.size > MAX_NOTICE_FILE_BYTES) throw new UserError('file-too-large', { name: file.fileName });
  const bytes = await messenger.downloadFile(file);
  try {
    return await noticeWorker.readText(bytes, file.fileName);
  } catch (error) {
    throw refusalOf(error, file.fileName);
  }
}

/** Parses a notice's text in the notice worker, off the bot's event loop; past a limit, the refusal names it. */
export async function parseNoticeText(text: string, options: ParseOptions): Promise<ParsedNotice> {
  try {
    return await noticeWorker.parse(text, options);
  } catch (error) {
    throw refusalOf(error, '');
  }
}

function refusalOf(error: unknown, name: string): unknown {
  if (error instanceof NoticeLimitError) return new UserError(`notice-limit-${error.limit}`, { name, max: error.max, actual: error.actual ?? 0 });
  if (error instanceof NoticeFileError) return new UserError('file-refused', { name, reason: error.message });
  return error;
}
