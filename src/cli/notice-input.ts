/**
 * How the CLI's notice subcommands (`dondoc parse`, `dondoc route`) read the notice file: the
 * bot's own intake (.txt, .docx, .pdf), with a missing or oversized file refused before it is
 * loaded into memory. A refusal is a `NoticeFileError` whose message is one Vietnamese line.
 */
import { readFile, stat } from 'node:fs/promises';
import { readNoticeFile, NoticeFileError, MAX_NOTICE_FILE_BYTES } from '../parser/index.js';
import { tooLargeError } from '../parser/files/notice-file-error.js';

/** The text of a notice file, as the bot's intake reads it. */
export async function readNoticeText(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new NoticeFileError('unsupported-type', 'Không tìm thấy tệp.');
  if (info.size > MAX_NOTICE_FILE_BYTES) throw tooLargeError(info.size);
  return readNoticeFile(new Uint8Array(await readFile(file)), file);
}
