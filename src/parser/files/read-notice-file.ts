/**
 * File intake: turns the bytes of an uploaded notice (.txt, .docx or .pdf) into text for the
 * parser, or refuses it with a `NoticeFileError` whose message a secretary can act on.
 *
 * ```ts
 * const text = await readNoticeFile(bytes, 'TB-412.docx');
 * const parsed = parseNotice(text);
 * ```
 */
import { NoticeFileError, MAX_NOTICE_FILE_BYTES, tooLargeError } from './notice-file-error.js';
import { readTextFile } from './read-text.js';
import { readDocxFile } from './read-docx.js';
import { readPdfFile } from './read-pdf.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** OLE compound files: old .doc, and .docx files that Word encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads a notice file's text. Throws `NoticeFileError` for a file it refuses; never anything else for bad input. */
export async function readNoticeFile(bytes: Uint8Array, fileName: string): Promise<string> {
  if (bytes.length > MAX_NOTICE_FILE_BYTES) throw tooLargeError(bytes.length);
  const extension = /\.([a-z0-9]+)$/iu.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const kind = startsWith(bytes, ZIP_MAGIC) ? 'zip' : startsWith(bytes, PDF_MAGIC) ? 'pdf' : startsWith(bytes, OLE_MAGIC) ? 'ole' : 'other';
  if (extension === 'docx' && kind === 'ole') throw new NoticeFileError('encrypted', 'Tệp Word có mật khẩu: hãy gỡ mật khẩu rồi gửi lại.');
  if (extension === 'doc' || (kind === 'ole' && extension !== 'docx')) {
    throw new NoticeFileError('unsupported-type', 'Tệp Word cũ (.doc) chưa được hỗ trợ: hãy mở bằng Word và lưu thành .docx rồi gửi lại.');
  }
  if (extension === 'docx' && kind === 'zip') return readDocxFile(bytes);
  if (extension === 'pdf' && kind === 'pdf') return readPdfFile(bytes);
  if (extension === 'txt' && kind === 'other') return readTextFile(bytes);
  if (['docx', 'pdf', 'txt'].includes(extension)) {
    throw new NoticeFileError('unsupported-type', `Nội dung tệp không đúng với đuôi .${extension}: hãy kiểm tra lại tệp rồi gửi lại.`);
  }
  throw new NoticeFileError('unsupported-type', 'Chỉ nhận tệp .txt, .docx hoặc .pdf.');
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
