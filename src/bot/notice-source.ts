import type { IncomingFile, Messenger } from '../messaging/port.js';
import { MAX_NOTICE_FILE_BYTES, NoticeFileError, readNoticeFile } from '../parser/index.js';
import { UserError } from './errors.js';

/**
 * Downloads a notice file and extracts its text, refusing what cannot be read (too large,
 * scanned, encrypted, corrupt, a zip bomb, an unknown type) with the reader's Vietnamese reason.
 */
export async function readNoticeText(messenger: Messenger, file: IncomingFile): Promise<string> {
  if (file.size !== null && file.size > MAX_NOTICE_FILE_BYTES) throw new UserError('file-too-large', { name: file.fileName });
  const bytes = await messenger.downloadFile(file);
  try {
    return await readNoticeFile(bytes, file.fileName);
  } catch (error) {
    if (error instanceof NoticeFileError) throw new UserError('file-refused', { name: file.fileName, reason: error.message });
    throw error;
  }
}
