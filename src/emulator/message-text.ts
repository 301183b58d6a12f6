import type { MessageEntity } from 'grammy/types';
import { badRequest } from './api-error.js';
import { HtmlParseError, parseHtml, type FormattedText } from './html-parse-mode.js';
import type { Params } from './params.js';

export type { FormattedText };

/** Telegram's length limits, counted in UTF-16 code units after the parse mode is applied. */
export const textLimits = { text: 4096, caption: 1024, callbackAnswer: 200 } as const;

/**
 * Reads the text of a sendMessage/editMessageText call (`text`, `parse_mode`, `entities`) the
 * way Telegram does: apply the parse mode, trim, detect commands, mentions and links, then check
 * emptiness and length on what is left.
 */
export function readMessageText(params: Params): FormattedText {
  const formatted = readFormatted(params, 'text', 'entities');
  if (formatted.text.length === 0) throw badRequest('message text is empty');
  if (formatted.text.length > textLimits.text) throw badRequest('message is too long');
  return formatted;
}

/** Reads a media caption (`caption`, `parse_mode`, `caption_entities`); undefined when there is none. */
export function readCaption(params: Params): FormattedText | undefined {
  if (!params.has('caption')) return undefined;
  const formatted = readFormatted(params, 'caption', 'caption_entities');
  if (formatted.text.length > textLimits.caption) throw badRequest('message caption is too long');
  return formatted.text.length === 0 ? undefined : formatted;
}

function readFormatted(params: Params, textField: string, entitiesField: string): FormattedText {
  const raw = params.string(textField) ?? '';
  const parseMode = params.string('parse_mode')?.toLowerCase() ?? '';
  let formatted: FormattedText;
  if (parseMode === 'html') {
    try {
      formatted = parseHtml(raw);
    } catch (error) {
      if (error instanceof HtmlParseError) throw badRequest(`can't parse entities: ${error.message}`);
      throw error;
    }
  } else if (parseMode === '' || parseMode === 'markdown' || parseMode === 'markdownv2') {
    // Markdown modes are not parsed: dondoc formats with HTML only, and a half-faithful Markdown
    // parser would pass texts that Telegram rejects.
    const given = params.json<MessageEntity[]>(entitiesField, "can't parse entities JSON object");
    formatted = { text: raw, entities: parseMode === '' && Array.isArray(given) ? given : [] };
  } else {
    throw badRequest('unsupported parse_mode');
  }
  return withDetectedEntities(trim(formatted));
}

/** Strips leading and trailing white space, moving and clipping the entities with the text. */
export function trim({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = start + trimmed.length;
  const moved = entities
    .map((entity) => {
      const from = Math.max(entity.offset, start);
      const to = Math.min(entity.offset + entity.length, end);
      return { ...entity, offset: from - start, length: to - from };
    })
    .filter((entity) => entity.length > 0);
  return { text: trimmed, entities: moved };
}

const detectors: { type: 'email' | 'url' | 'mention' | 'bot_command' | 'hashtag'; pattern: RegExp }[] = [
  { type: 'email', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/giu },
  { type: 'url', pattern: /(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]]/giu },
  { type: 'bot_command', pattern: /(?<![\p{L}\p{N}_/])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{N}_])/gu },
  { type: 'mention', pattern: /(?<![\p{L}\p{N}_@])@[A-Za-z0-9_]{3,32}(?![\p{L}\p{N}_])/gu },
  { type: 'hashtag', pattern: /(?<![\p{L}\p{N}_#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu },
];

/**
 * Adds the entities Telegram finds by itself (commands, mentions, hashtags, links, e-mail
 * addresses), which is what makes grammY's `bot.command()` match a user's `/start`. Nothing is
 * detected inside an existing entity.
 */
export function withDetectedEntities({ text, entities }: FormattedText): FormattedText {
  const found: MessageEntity[] = [...entities];
  const overlaps = (offset: number, length: number) =>
    found.some((entity) => offset < entity.offset + entity.length && entity.offset < offset + length);
  for (const { type, pattern } of detectors) {
    for (const match of text.matchAll(pattern)) {
      const offset = match.index;
      if (!overlaps(offset, match[0].length)) found.push({ type, offset, length: match[0].length });
    }
  }
  found.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities: found };
}
