import { describe, expect, it } from 'vitest';
import { HtmlParseError, parseHtml } from '../../src/emulator/html-parse-mode.js';
import { entitiesToHtml } from '../../src/emulator/entities-to-html.js';

/** Telegram's HTML parse mode, following tdlib's parser. */
describe('HTML parse mode', () => {
  it('turns supported tags into entities with UTF-16 offsets', () => {
    expect(parseHtml('😀 <b>đậm <i>nghiêng</i></b> <tg-spoiler>ẩn</tg-spoiler> <span class="tg-spoiler">x</span>')).toEqual({
      text: '😀 đậm nghiêng ẩn x',
      entities: [
        { type: 'bold', offset: 3, length: 11 },
        { type: 'italic', offset: 7, length: 7 },
        { type: 'spoiler', offset: 15, length: 2 },
        { type: 'spoiler', offset: 18, length: 1 },
      ],
    });
  });

  it('reads pre with a language, blockquote expandable, links and entities', () => {
    const parsed = parseHtml('<pre><code class="language-ts">a &lt; b</code></pre><blockquote expandable>q</blockquote><a href="example.com">l</a>&#8364;&amp');
    expect(parsed.text).toBe('a < bql€&');
    expect(parsed.entities).toEqual([
      { type: 'pre', offset: 0, length: 5, language: 'ts' },
      { type: 'expandable_blockquote', offset: 5, length: 1 },
      { type: 'text_link', offset: 6, length: 1, url: 'http://example.com/' },
    ]);
  });

  it('keeps a bare ampersand and unknown named entities as text, as Telegram does', () => {
    expect(parseHtml('TN&MT &nbsp;').text).toBe('TN&MT &nbsp;');
  });

  it.each([
    ['<x>y</x>', 'Unsupported start tag "x" at byte offset 0'],
    ['a < b', 'Unsupported start tag "" at byte offset 2'],
    ['<b>đậm', 'Can\'t find end tag corresponding to start tag "b"'],
    ['<b>a</i>', 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
    ['a</b>', 'Unexpected end tag at byte offset 1'],
    ['<b', 'Unclosed start tag at byte offset 0'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
  ])('rejects %j with Telegram’s description', (input, description) => {
    expect(() => parseHtml(input)).toThrow(new HtmlParseError(description));
  });

  it('renders entities back to safe HTML for the sandbox page', () => {
    const { text, entities } = parseHtml('<b>1 &lt; 2</b> <a href="https://x.vn">x</a>\n<i>&lt;script&gt;</i>');
    expect(entitiesToHtml(text, entities)).toBe(
      '<b>1 &lt; 2</b> <a href="https://x.vn/" target="_blank" rel="noopener">x</a><br><i>&lt;script&gt;</i>',
    );
  });
});
