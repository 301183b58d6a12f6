/**
 * PDF notices with a text layer, through unpdf (PDF.js built for servers, nothing downloaded at
 * install or run time). A scanned PDF has pictures and no text: it is refused with advice,
 * since this bot does no OCR.
 */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { NoticeFileError } from './notice-file-error.js';
import { NOTICE_LIMITS, NoticeLimitError } from '../limits.js';

/** PDF.js can spin on pathological files; past this a file is treated as corrupt. */
const PDF_TIMEOUT_MS = 20_000;
/** Fewer letters than this in the whole file means there is no text layer to speak of. */
const MIN_TEXT_CHARACTERS = 40;

type TextItem = Awaited<ReturnType<typeof extractTextItems>>['items'][number][number];

/** Extracts a PDF's text, a line per text line and a form feed between pages. */
export async function readPdfFile(bytes: Uint8Array): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoticeFileError('corrupt', 'Không đọc được tệp PDF (quá thời gian xử lý): tệp có thể bị hỏng.')), PDF_TIMEOUT_MS);
  });
  try {
    const pages = await Promise.race([extractPages(bytes), timeout]);
    const text = pages.join('\f');
    if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_TEXT_CHARACTERS) {
      throw new NoticeFileError('no-text', 'Tệp PDF không có lớp chữ (có thể là bản scan): hãy gửi tệp .docx hoặc PDF xuất trực tiếp từ Word.');
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

async function extractPages(bytes: Uint8Array): Promise<string[]> {
  try {
    // PDF.js takes ownership of the buffer it is given, so it gets a copy; its warnings about a damaged file are not log lines of ours.
    const document = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: true, verbosity: 0 });
    // Counted before any text is extracted: extraction is what costs time on a long file.
    if (document.numPages > NOTICE_LIMITS.pages) throw new NoticeLimitError('pages', NOTICE_LIMITS.pages, document.numPages);
    const { items } = await extractTextItems(document);
    await document.cleanup();
    return items.map(pageText);
  } catch (error) {
    if (error instanceof NoticeFileError) throw error;
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new NoticeFileError('encrypted', 'Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi gửi lại.');
    }
    throw new NoticeFileError('corrupt', 'Tệp PDF bị hỏng hoặc không đúng định dạng: hãy xuất lại tệp PDF rồi gửi lại.');
  }
}

/** Rebuilds lines from positioned text: an item ends a line when PDF.js says so or the next one sits lower. */
function pageText(items: TextItem[]): string {
  let text = '';
  items.forEach((item, i) => {
    text += item.str;
    const next = items[i + 1];
    if (item.hasEOL || (next && Math.abs(next.y - item.y) > Math.max(item.fontSize, 1) * 0.5)) text += '\n';
  });
  return text;
}
