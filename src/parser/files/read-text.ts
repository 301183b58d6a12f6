/**
 * Plain-text notices: UTF-8 or UTF-16 (with or without a byte-order mark), and the legacy
 * Vietnamese encodings still found in old files: Windows-1258 and TCVN3 (ABC). VNI and others
 * are refused with a message that says how to convert.
 */
import iconv from 'iconv-lite';
import { NoticeFileError } from './notice-file-error.js';

/** Words nearly every notice contains; a legacy decoding that yields them is the right one. */
const commonWords = /(?<![\p{L}])(?:của|và|các|ngày|tháng|năm|huyện|xã|thực hiện|nhiệm vụ|đồng chí|chỉ đạo|công tác|trên|được|với)(?![\p{L}])/gu;

/** Decodes a .txt notice to a JavaScript string. */
export function readTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  if (bytes.includes(0)) throw new NoticeFileError('unsupported-type', 'Tệp không phải văn bản thuần (.txt): hãy gửi tệp .txt, .docx hoặc .pdf.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeLegacy(bytes);
  }
}

/** UTF-16 text without a mark has a zero byte in every other position for Latin letters and digits. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeLegacy(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const candidates = ['windows1258', 'tcvn'].map((encoding) => {
    const text = iconv.decode(buffer, encoding).normalize('NFC');
    return { text, hits: text.match(commonWords)?.length ?? 0 };
  });
  const best = candidates.sort((a, b) => b.hits - a.hits)[0]!;
  const words = buffer.length / 6;
  // A real notice in the right encoding is full of these words; a wrong guess finds almost none.
  if (best.hits >= Math.max(3, words * 0.02)) return best.text;
  throw new NoticeFileError(
    'legacy-encoding',
    'Tệp .txt dùng bảng mã cũ không nhận ra được (không phải Unicode): hãy mở bằng Word hoặc Unikey, lưu lại với bảng mã Unicode (UTF-8) rồi gửi lại.',
  );
}
