import type { IncomingFile, Messenger } from '../messaging/port.js';
import { NoticeFileError, readNoticeFile } from '../parser/index.js';
import { UserError } from './errors.js';

/** Telegram's getFile limit; a larger file cannot be downloaded by a bot at all. */
export const maxNoticeFileBytes = 20 * 1024 * 1024;

/**
 * Downloads a notice file and extracts its text, refusing what cannot be read (too large,
 * scanned, encrypted, corrupt, a zip bomb, an unknown type) with the reader's Vietnamese reason.
 */
export async function readNoticeText(messenger: Messenger, file: IncomingFile): Promise<string> {
  if (file.size !== null && file.size > maxNoticeFileBytes) throw new UserError('file-too-large', { name: file.fileName });
  const bytes = await messenger.downloadFile(file);
  try {
    return (await readNoticeFile(bytes, file.fileName)).text;
  } catch (error) {
    if (error instanceof NoticeFileError) throw new UserError('file-refused', { name: file.fileName, reason: error.message });
    throw error;
  }
}
