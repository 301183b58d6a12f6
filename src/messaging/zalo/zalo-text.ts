import { escapeHtml, splitMessage } from '../../bot/html.js';

/** Zalo's limit on the text of one message. */
export const maxZaloTextLength = 2000;

/**
 * Turns the Telegram HTML the features write into Zalo text. Zalo shows plain text, so tags
 * go (bold, italics, code keep their words), a link keeps its address after its words, and
 * entities are decoded: a note typed as `<b>` comes back as `<b>`, not as bold.
 */
export function htmlToZaloText(html: string): string {
  return decodeEntities(
    html
      .replace(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, words: string) => (words === href ? href : `${words} (${href})`))
      .replace(/<[^>]*>/g, ''),
  );
}

/**
 * Cuts a Zalo text into messages of at most 2000 characters, on line boundaries; a single
 * longer line is cut at a space. The HTML splitter does the cutting, over the text escaped,
 * so that both platforms split by the same rules.
 */
export function chunkZaloText(text: string, limit = maxZaloTextLength): string[] {
  return splitMessage(escapeHtml(text), limit).map(decodeEntities);
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name]!);
}
