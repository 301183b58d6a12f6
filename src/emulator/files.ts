import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { PhotoSize } from 'grammy/types';

/** What kind of message a file was sent as; Telegram refuses to reuse a file_id as another kind. */
export type FileKind = 'document' | 'photo';

/** A stored file: its bytes and the identifiers and path the Bot API hands out for it. */
export interface StoredFile {
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly kind: FileKind;
  readonly data: Buffer;
  readonly fileName?: string;
  readonly mimeType: string;
  /** Path under `/file/bot<token>/` once `getFile` was called, as on Telegram. */
  readonly filePath: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * Files sent by users and by the bot. Ids look like Telegram's (opaque, URL-safe, long
 * `file_id`, short `file_unique_id`), and each photo size gets its own file_id.
 */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  /** Stores bytes as a document or one photo size. */
  add(data: Buffer, kind: FileKind, meta: { fileName?: string; mimeType?: string; width?: number; height?: number } = {}): StoredFile {
    const n = this.counter++;
    const extension = kind === 'photo' ? '.jpg' : path.extname(meta.fileName ?? '').toLowerCase();
    const file: StoredFile = {
      fileId: `${kind === 'photo' ? 'AgACAgIAAxkBAAI' : 'BQACAgIAAxkBAAI'}${randomBytes(42).toString('base64url')}`,
      fileUniqueId: `AgAD${randomBytes(9).toString('base64url')}`,
      kind,
      data,
      mimeType: meta.mimeType ?? mimeTypeOf(meta.fileName ?? ''),
      filePath: `${kind === 'photo' ? 'photos' : 'documents'}/file_${n}${extension}`,
      ...(meta.fileName !== undefined ? { fileName: meta.fileName } : {}),
      ...(meta.width !== undefined ? { width: meta.width, height: meta.height } : {}),
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  /** A file by its file_id. */
  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  /** A file by its download path. */
  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  /**
   * Stores an image as the list of sizes Telegram returns for a photo: thumbnails at 90, 320,
   * 800 and 1280 pixels on the long side where the image is bigger, then the full size. The
   * emulator does not resample, so every size serves the original bytes.
   */
  addPhoto(data: Buffer, width: number, height: number): PhotoSize[] {
    const longSide = Math.max(width, height);
    const sides = [90, 320, 800, 1280].filter((side) => side < longSide);
    sides.push(Math.min(longSide, 2560));
    return sides.map((side) => {
      const scale = side / longSide;
      const size = { width: Math.round(width * scale), height: Math.round(height * scale) };
      const file = this.add(data, 'photo', { mimeType: 'image/jpeg', ...size });
      return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: data.length, ...size };
    });
  }
}

const mimeTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** The MIME type Telegram reports for a document, which it derives from the file name. */
export function mimeTypeOf(fileName: string): string {
  return mimeTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Width and height of a PNG, JPEG, GIF or WebP image from its header; undefined if it is none of them. */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.toString('latin1', 0, 3) === 'GIF') {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 30 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    const chunk = data.toString('latin1', 12, 16);
    if (chunk === 'VP8X') return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
    if (chunk === 'VP8 ') return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = data.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker, which holds the dimensions.
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return undefined;
      const marker = data[at + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
      }
      at += 2 + data.readUInt16BE(at + 2);
    }
  }
  return undefined;
}
