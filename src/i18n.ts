import { readFileSync } from 'node:fs';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { escapeHtml } from './bot/html.js';
import { projectFile } from './project-files.js';

/** The languages the bot speaks; Vietnamese is the default and the fallback. */
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Translates a message id with arguments into HTML for the messaging port. */
export type Translate = (id: string, args?: Record<string, string | number>) => string;

const bundles = new Map<Locale, FluentBundle>();

function bundleFor(locale: Locale): FluentBundle {
  let bundle = bundles.get(locale);
  if (!bundle) {
    // useIsolating off: Telegram shows the Unicode isolation marks Fluent would add as stray characters.
    bundle = new FluentBundle(locale, { useIsolating: false });
    const source = readFileSync(projectFile(`locales/${locale}.ftl`), 'utf8');
    const errors = bundle.addResource(new FluentResource(source));
    if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map(String).join('; ')}`);
    bundles.set(locale, bundle);
  }
  return bundle;
}

/** Picks a supported locale from a Telegram `language_code` (`en-GB` → `en`), else the default. */
export function resolveLocale(languageCode: string | null | undefined, fallback: Locale): Locale {
  const base = languageCode?.toLowerCase().split('-')[0];
  return (locales as readonly string[]).includes(base ?? '') ? (base as Locale) : fallback;
}

/**
 * A translator for one locale. String arguments are HTML-escaped here, once, so that a unit
 * name or a note with `<` in it can never break Telegram's HTML parsing or inject markup;
 * the `.ftl` files themselves may use the HTML subset Telegram accepts.
 */
export function translator(locale: Locale): Translate {
  return (id, args = {}) => {
    const bundle = bundleFor(locale).hasMessage(id) ? bundleFor(locale) : bundleFor('vi');
    const message = bundle.getMessage(id);
    if (!message?.value) throw new Error(`missing message "${id}"`);
    const escaped: Record<string, FluentVariable> = {};
    for (const [key, value] of Object.entries(args)) escaped[key] = typeof value === 'string' ? escapeHtml(value) : value;
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, escaped, errors);
    if (errors.length > 0) throw new Error(`message "${id}": ${errors.map(String).join('; ')}`);
    return text;
  };
}

/** Every message id of a locale, for the test that both locales have the same messages. */
export function messageIds(locale: Locale): string[] {
  const source = readFileSync(projectFile(`locales/${locale}.ftl`), 'utf8');
  return new FluentResource(source).body.map((entry) => ('id' in entry ? entry.id : '')).filter(Boolean);
}
