import type { MessageEntity } from 'grammy/types';
import { escapeHtmlText } from '../http/escape-html.js';

/**
 * Renders a message's text and entities as safe HTML, the way a Telegram client shows them. The
 * sandbox page uses it so that a person sees the bot's formatting as Telegram users will; the
 * text is escaped, and only `http(s)`/`tg:` links become anchors.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const opens = new Map<number, MessageEntity[]>();
  for (const entity of entities) {
    const list = opens.get(entity.offset);
    if (list) list.push(entity);
    else opens.set(entity.offset, [entity]);
  }
  let html = '';
  const stack: MessageEntity[] = [];
  for (let i = 0; i <= text.length; i++) {
    // Close what ends here (innermost first), then open what starts here (outermost first).
    for (const entity of [...stack].reverse()) {
      if (entity.offset + entity.length === i) {
        stack.splice(stack.lastIndexOf(entity), 1);
        html += closeTag(entity);
      }
    }
    const starting = (opens.get(i) ?? []).sort((a, b) => b.length - a.length);
    for (const entity of starting) {
      if (entity.length <= 0) continue;
      stack.push(entity);
      html += openTag(entity);
    }
    if (i < text.length) html += escapeHtmlText(text[i]!);
  }
  return html.replace(/\n/g, '<br>');
}

const simpleTags: Partial<Record<MessageEntity['type'], string>> = {
  bold: 'b',
  italic: 'i',
  underline: 'u',
  strikethrough: 's',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  expandable_blockquote: 'blockquote',
};

function openTag(entity: MessageEntity): string {
  if (entity.type === 'text_link') return safeLink(entity.url) ? `<a href="${escapeHtmlText(entity.url)}" target="_blank" rel="noopener">` : '<span>';
  if (entity.type === 'spoiler') return '<span class="spoiler">';
  const tag = simpleTags[entity.type];
  return tag ? `<${tag}>` : '<span>';
}

function closeTag(entity: MessageEntity): string {
  if (entity.type === 'text_link') return safeLink(entity.url) ? '</a>' : '</span>';
  const tag = entity.type === 'spoiler' ? undefined : simpleTags[entity.type];
  return tag ? `</${tag}>` : '</span>';
}

function safeLink(url: string): boolean {
  return /^(https?|tg):/i.test(url);
}

