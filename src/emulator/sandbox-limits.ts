import { textLimits, trim } from './message-text.js';

/**
 * What a person may send from the sandbox page, by Telegram's limits (Bot API documentation):
 * a message's text is 1–4096 characters and a caption at most 1024, both counted after entities
 * parsing (white space trimmed, in UTF-16 code units, as the emulator counts the bot's own
 * messages); a file is at most 20 MB, the largest a bot can download with `getFile`, so larger
 * ones would reach the bot as a file it cannot read. Telegram clients let people send bigger
 * files, but a bot never gets to read them.
 */
export const personLimits = { text: textLimits.text, caption: textLimits.caption, fileBytes: 20 * 1024 * 1024 } as const;

/** Something a person tried to send that Telegram would refuse; `code` lets the page say it in its language. */
export class LimitError extends Error {
  override name = 'LimitError';
  constructor(
    readonly code: 'text-empty' | 'text-too-long' | 'caption-too-long' | 'file-too-big' | 'file-empty',
    message: string,
    readonly limit?: number,
    /** How long the text, or how big the file, was. */
    readonly actual?: number,
  ) {
    super(message);
  }
}

/** The text of a message as Telegram keeps it (trimmed), or a {@link LimitError}. */
export function checkedText(text: string): string {
  const kept = trim({ text, entities: [] }).text;
  if (kept.length === 0) throw new LimitError('text-empty', 'Tin nhắn trống: Telegram không gửi tin nhắn không có chữ.');
  if (kept.length > personLimits.text) {
    throw new LimitError('text-too-long', `Tin nhắn dài ${kept.length} ký tự; Telegram chỉ cho phép tối đa ${personLimits.text} ký tự. Hãy chia thành nhiều tin hoặc gửi dưới dạng tệp.`, personLimits.text, kept.length);
  }
  return kept;
}

/** A file's caption as Telegram keeps it (trimmed, empty for none), or a {@link LimitError}. */
export function checkedCaption(caption: string): string {
  const kept = trim({ text: caption, entities: [] }).text;
  if (kept.length > personLimits.caption) {
    throw new LimitError('caption-too-long', `Chú thích của tệp dài ${kept.length} ký tự; Telegram chỉ cho phép tối đa ${personLimits.caption} ký tự.`, personLimits.caption, kept.length);
  }
  return kept;
}

/** Refuses a file larger than a bot can download, or an empty one (Telegram uploads no empty file). */
export function checkFileSize(bytes: number): void {
  if (bytes === 0) throw new LimitError('file-empty', 'Tệp trống: Telegram không gửi tệp 0 byte.');
  if (bytes > personLimits.fileBytes) {
    throw new LimitError('file-too-big', `Tệp lớn hơn ${personLimits.fileBytes / 1024 / 1024} MB: bot chỉ tải được tệp đến ${personLimits.fileBytes / 1024 / 1024} MB (giới hạn của Telegram Bot API).`, personLimits.fileBytes, bytes);
  }
}
