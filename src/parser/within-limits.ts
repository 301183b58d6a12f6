/**
 * The intake's two steps, each held to `NOTICE_LIMITS`: a file's bytes to text, and text to a
 * parsed notice. The notice worker runs these; they also run inline where no worker is wanted.
 */
import { NOTICE_LIMITS, NoticeLimitError } from './limits.js';
import { parseNotice, type ParseOptions, type ParsedNotice } from './index.js';
import { readNoticeFile } from './files/read-notice-file.js';

/** A file's text, refused past the page or character limit (a PDF's pages are counted before its text is extracted). */
export async function readNoticeFileWithinLimits(bytes: Uint8Array, fileName: string): Promise<string> {
  const text = await readNoticeFile(bytes, fileName);
  let pages = 1;
  for (let at = text.indexOf('\f'); at >= 0; at = text.indexOf('\f', at + 1)) pages += 1;
  if (pages > NOTICE_LIMITS.pages) throw new NoticeLimitError('pages', NOTICE_LIMITS.pages, pages);
  checkCharacters(text);
  return text;
}

/** Parses a notice's text, refused past the character limit before parsing and past the directive limit after. */
export function parseNoticeWithinLimits(text: string, options: ParseOptions = {}): ParsedNotice {
  checkCharacters(text);
  const parsed = parseNotice(text, options);
  if (parsed.directives.length > NOTICE_LIMITS.directives) throw new NoticeLimitError('directives', NOTICE_LIMITS.directives, parsed.directives.length);
  return parsed;
}

function checkCharacters(text: string): void {
  if (text.length > NOTICE_LIMITS.characters) throw new NoticeLimitError('characters', NOTICE_LIMITS.characters, text.length);
}
