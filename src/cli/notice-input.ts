/**
 * How the CLI's notice subcommands (`dondoc parse`, `dondoc route`) read a notice: the bot's own
 * intake (.txt, .docx, .pdf) in the notice worker, under the same limits (`NOTICE_LIMITS`), with
 * a missing or oversized file refused before it is loaded into memory. A refusal is a
 * `NoticeFileError` whose message is one Vietnamese line.
 */
import { readFile, stat } from 'node:fs/promises';
import { NoticeFileError, MAX_NOTICE_FILE_BYTES, type ParsedNotice } from '../parser/index.js';
import { tooLargeError } from '../parser/files/notice-file-error.js';
import { noticeWorker } from '../parser/worker/notice-worker.js';

/** A notice file read and parsed as the bot's intake does it. */
export async function parseNoticeFile(file: string): Promise<ParsedNotice> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new NoticeFileError('unsupported-type', 'Không tìm thấy tệp.');
  if (info.size > MAX_NOTICE_FILE_BYTES) throw tooLargeError(info.size);
  return noticeWorker.parse(await noticeWorker.readText(new Uint8Array(await readFile(file)), file));
}
