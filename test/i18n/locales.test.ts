import { readFileSync } from 'node:fs';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { locales, messageIds, resolveLocale, translator, type Locale } from '../../src/i18n.js';

/** The `.ftl` source of a locale, read the same way `src/i18n.ts` reads it. */
function source(locale: Locale): string {
  return readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8');
}

/**
 * The variables each message uses: the parsed resource gives the ids in source order, the
 * source text of each message runs from its id to the next message's id (multi-line values
 * included), and its `{ $name }` references are read from that text.
 */
function variablesByMessage(locale: Locale): Map<string, Set<string>> {
  const text = source(locale);
  const ids = new FluentResource(text).body.map((entry) => entry.id);
  const starts = ids.map((id) => {
    const match = new RegExp(`^${id}[ \\t]*=`, 'm').exec(text);
    if (!match) throw new Error(`locales/${locale}.ftl: message "${id}" not found in the source`);
    return match.index;
  });
  const result = new Map<string, Set<string>>();
  ids.forEach((id, index) => {
    const body = text.slice(starts[index]!, starts[index + 1] ?? text.length);
    result.set(id, new Set([...body.matchAll(/\{\s*\$([a-z]+)\s*\}/g)].map((match) => match[1]!)));
  });
  return result;
}

/** The HTML tags of each message, in order, so that both locales mark up the same way. */
function tagsByMessage(locale: Locale): Map<string, string[]> {
  const text = source(locale);
  const result = new Map<string, string[]>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const start = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
    if (start) current = start[1]!;
    else if (!/^\s/.test(line)) current = null;
    if (current) result.set(current, [...(result.get(current) ?? []), ...[...line.matchAll(/<\/?[a-z]+>/g)].map((m) => m[0])]);
  }
  return result;
}

describe('locales', () => {
  it('both locales define the same messages', () => {
    const vi = messageIds('vi').toSorted();
    const en = messageIds('en').toSorted();
    expect(vi.length).toBeGreaterThan(0);
    expect(vi).toContain('status-recorded');
    expect(new Set(vi).size).toBe(vi.length);
    expect(en).toEqual(vi);
    // The parser skips an entry with a syntax error silently: every `id =` line must parse.
    for (const locale of locales) {
      const declared = [...source(locale).matchAll(/^([a-zA-Z][\w-]*)[ \t]*=/gm)].map((match) => match[1]!);
      expect(messageIds(locale), `locales/${locale}.ftl`).toEqual(declared);
    }
  });

  it('every message uses the same variables in both locales', () => {
    const vi = variablesByMessage('vi');
    const en = variablesByMessage('en');
    expect(vi.get('status-recorded')).toEqual(new Set(['ordinal', 'notice', 'state', 'person', 'time']));
    for (const [id, variables] of vi) {
      expect({ id, variables: [...(en.get(id) ?? [])].sort() }).toEqual({ id, variables: [...variables].sort() });
    }
  });

  it('every message uses the same HTML tags in both locales', () => {
    const vi = tagsByMessage('vi');
    const en = tagsByMessage('en');
    for (const id of messageIds('vi')) {
      expect({ id, tags: en.get(id) ?? [] }).toEqual({ id, tags: vi.get(id) ?? [] });
    }
  });

  it('every message formats in both locales without errors', () => {
    for (const locale of locales) {
      const t = translator(locale);
      for (const [id, variables] of variablesByMessage(locale)) {
        const args = Object.fromEntries([...variables].map((name) => [name, `sample ${name}`]));
        const output = t(id, args);
        expect(output, `${locale} ${id}`).not.toBe('');
        expect(output, `${locale} ${id}`).not.toContain('{');
        expect(output, `${locale} ${id}`).not.toContain('[object');
        for (const name of variables) expect(output, `${locale} ${id}`).toContain(`sample ${name}`);
      }
    }
  });

  it('arguments are HTML-escaped so user text cannot inject markup', () => {
    for (const locale of locales) {
      const output = translator(locale)('status-note', { note: '<b>x</b> & y' });
      expect(output).toContain('&lt;b&gt;x&lt;/b&gt; &amp; y');
      expect(output).not.toContain('<b>x</b>');
    }
  });

  it('English counts one day overdue in the singular and more in the plural', () => {
    const t = translator('en');
    expect(t('reminder-item-overdue', { ordinal: '2', due: '30/11/2020', days: 1 })).toContain('1 day overdue');
    expect(t('reminder-item-overdue', { ordinal: '2', due: '30/11/2020', days: 14 })).toContain('14 days overdue');
    expect(t('reminder-deadline-before', { ordinal: '2', due: '30/11/2020', days: 1 })).toContain('1 working day from now');
  });

  it('a Telegram language code picks the locale, Vietnamese by default', () => {
    expect(resolveLocale('en-GB', 'vi')).toBe('en');
    expect(resolveLocale('en', 'vi')).toBe('en');
    expect(resolveLocale('vi', 'vi')).toBe('vi');
    expect(resolveLocale('fr', 'vi')).toBe('vi');
    expect(resolveLocale(null, 'vi')).toBe('vi');
    expect(resolveLocale(undefined, 'vi')).toBe('vi');
  });
});
