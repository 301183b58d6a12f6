import type { MessageEntity } from 'grammy/types';

/** Text with its formatting, the way Telegram stores a message: plain text plus UTF-16 entities. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** A rejected `parse_mode: "HTML"` text; the message is Telegram's, after "can't parse entities: ". */
export class HtmlParseError extends Error {
  override name = 'HtmlParseError';
}

const supportedTags = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

interface OpenTag {
  name: string;
  argument: string;
  offset: number;
}

/**
 * Parses Telegram's HTML parse mode into text and entities, following tdlib's own parser
 * (`parse_html` in MessageEntity.cpp) step by step, so that a text the real server rejects is
 * rejected here with the same description and byte offset, and one it accepts (a bare `&`,
 * say, which it keeps literally) is accepted here.
 */
export function parseHtml(input: string): FormattedText {
  const entities: DraftEntity[] = [];
  const open: OpenTag[] = [];
  let text = '';
  const n = input.length;
  const byteOffset = (index: number) => Buffer.byteLength(input.slice(0, index));
  let i = 0;
  while (i < n) {
    const c = input[i]!;
    if (c === '&') {
      const decoded = decodeEntity(input, i);
      if (decoded) {
        text += decoded.char;
        i = decoded.end;
        continue;
      }
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const begin = i++;
    if (input[i] !== '/') {
      const nameStart = i;
      while (i < n && !isSpace(input[i]!) && input[i] !== '>') i++;
      if (i >= n) throw new HtmlParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const name = input.slice(nameStart, i).toLowerCase();
      if (!supportedTags.has(name)) {
        throw new HtmlParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
      }
      let argument = '';
      while (input[i] !== '>') {
        while (i < n && isSpace(input[i]!)) i++;
        if (i >= n) throw new HtmlParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        if (input[i] === '>') break;
        const attributeStart = i;
        while (i < n && !isSpace(input[i]!) && input[i] !== '=' && input[i] !== '>') i++;
        const attribute = input.slice(attributeStart, i);
        if (attribute === '') {
          throw new HtmlParseError(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
        }
        while (i < n && isSpace(input[i]!)) i++;
        if (input[i] !== '=') {
          if (name === 'blockquote' && attribute.toLowerCase() === 'expandable') {
            argument = '1';
            continue;
          }
          throw new HtmlParseError(
            `Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(begin)}`,
          );
        }
        i++;
        while (i < n && isSpace(input[i]!)) i++;
        if (i >= n) throw new HtmlParseError(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);
        let value: string;
        if (input[i] !== '"' && input[i] !== "'") {
          const tokenStart = i;
          while (i < n && /[A-Za-z0-9.-]/.test(input[i]!)) i++;
          value = input.slice(tokenStart, i).toLowerCase();
          if (i < n && !isSpace(input[i]!) && input[i] !== '>') {
            throw new HtmlParseError(`Unexpected end of name token at byte offset ${byteOffset(tokenStart)}`);
          }
        } else {
          const quote = input[i++]!;
          const end = input.indexOf(quote, i);
          if (end === -1) throw new HtmlParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
          value = decodeEntities(input.slice(i, end));
          i = end + 1;
        }
        const attributeName = attribute.toLowerCase();
        if (name === 'a' && attributeName === 'href') argument = value;
        else if (name === 'code' && attributeName === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attributeName === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attributeName === 'emoji-id') argument = value;
        else if (name === 'blockquote' && attributeName === 'expandable') argument = '1';
      }
      if (name === 'span' && argument !== 'spoiler') {
        throw new HtmlParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      }
      open.push({ name, argument, offset: text.length });
      i++;
      continue;
    }
    if (open.length === 0) throw new HtmlParseError(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    while (i < n && !isSpace(input[i]!) && input[i] !== '>') i++;
    const endName = input.slice(begin + 2, i);
    while (i < n && isSpace(input[i]!)) i++;
    if (input[i] !== '>') throw new HtmlParseError(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    i++;
    const tag = open.pop()!;
    if (endName !== '' && endName.toLowerCase() !== tag.name) {
      throw new HtmlParseError(
        `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${tag.name}>", found "</${endName}>"`,
      );
    }
    const length = text.length - tag.offset;
    if (length > 0) closeEntity(tag, length, text, entities);
  }
  if (open.length > 0) {
    throw new HtmlParseError(`Can't find end tag corresponding to start tag "${open[open.length - 1]!.name}"`);
  }
  const finished = entities.map(({ codeLanguage: _unclaimed, ...entity }) => entity as MessageEntity);
  finished.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities: finished };
}

/** An entity while parsing: a `<code>` keeps its language until an enclosing `<pre>` claims it. */
type DraftEntity = MessageEntity & { codeLanguage?: string };

function closeEntity(tag: OpenTag, length: number, text: string, entities: DraftEntity[]): void {
  const offset = tag.offset;
  const last = entities[entities.length - 1];
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  switch (tag.name) {
    case 'b':
    case 'strong':
      entities.push({ type: 'bold', offset, length });
      return;
    case 'i':
    case 'em':
      entities.push({ type: 'italic', offset, length });
      return;
    case 's':
    case 'strike':
    case 'del':
      entities.push({ type: 'strikethrough', offset, length });
      return;
    case 'u':
    case 'ins':
      entities.push({ type: 'underline', offset, length });
      return;
    case 'tg-spoiler':
    case 'span':
      entities.push({ type: 'spoiler', offset, length });
      return;
    case 'blockquote':
      entities.push({ type: tag.argument === '1' ? 'expandable_blockquote' : 'blockquote', offset, length });
      return;
    case 'tg-emoji':
      if (!/^[1-9]\d*$/.test(tag.argument)) throw new HtmlParseError('Invalid custom emoji identifier specified');
      entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: tag.argument });
      return;
    case 'a': {
      const url = normalizeLink(tag.argument === '' ? text.slice(offset) : tag.argument);
      if (url !== undefined) entities.push({ type: 'text_link', offset, length, url });
      return;
    }
    // <pre><code class="language-x">…</code></pre> is one entity: a pre block with a language.
    case 'code':
      if (sameSpan && last.type === 'pre' && tag.argument !== '') {
        entities[entities.length - 1] = { type: 'pre', offset, length, language: tag.argument };
      } else {
        entities.push({ type: 'code', offset, length, ...(tag.argument !== '' ? { codeLanguage: tag.argument } : {}) });
      }
      return;
    case 'pre':
      if (sameSpan && last.type === 'code' && last.codeLanguage !== undefined) {
        entities[entities.length - 1] = { type: 'pre', offset, length, language: last.codeLanguage };
      } else {
        entities.push({ type: 'pre', offset, length });
      }
      return;
  }
}

/** Telegram normalises link targets: a bare host gets `http://`, and only web and tg: links are kept. */
function normalizeLink(target: string): string | undefined {
  const trimmed = target.trim();
  if (trimmed === '') return undefined;
  if (/^tg:\/\//i.test(trimmed)) return trimmed;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ftp:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '\f';
}

/** Decodes the entity at `at` the way tdlib does: only lt, gt, amp, quot and numeric ones, `;` optional. */
function decodeEntity(input: string, at: number): { char: string; end: number } | undefined {
  const match = /^&(?:#x([0-9a-fA-F]+)|#(\d+)|([A-Za-z]+));?/.exec(input.slice(at, at + 12));
  if (!match) return undefined;
  let char: string | undefined;
  if (match[1] !== undefined || match[2] !== undefined) {
    const code = match[1] !== undefined ? parseInt(match[1], 16) : parseInt(match[2]!, 10);
    if (code === 0 || code >= 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    char = String.fromCodePoint(code);
  } else {
    char = { lt: '<', gt: '>', amp: '&', quot: '"' }[match[3]!];
  }
  return char === undefined ? undefined : { char, end: at + match[0].length };
}

function decodeEntities(value: string): string {
  let result = '';
  for (let i = 0; i < value.length; ) {
    const decoded = value[i] === '&' ? decodeEntity(value, i) : undefined;
    if (decoded) {
      result += decoded.char;
      i = decoded.end;
    } else {
      result += value[i++];
    }
  }
  return result;
}
