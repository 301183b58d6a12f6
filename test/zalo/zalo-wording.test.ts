import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommandPlace } from '../../commands/definitions.js';
import { helpLines } from '../../src/bot/features/help.js';
import { platformTranslator, zaloSuffix } from '../../src/bot/platform-text.js';
import { locales, messageIds, type Locale } from '../../src/i18n.js';
import { htmlToZaloText } from '../../src/messaging/zalo/zalo-text.js';

/** What Zalo cannot do, in each language's words: buttons, quoted replies, files. */
const forbidden: Record<Locale, RegExp> = {
  vi: /bấm|nhấn|(?<!\p{L})nút(?!\p{L})|reply|trả lời tin nhắn|tệp|\.docx|\.pdf|đính kèm|tải lên/iu,
  en: /\bpress|\btap\b|\bbuttons?\b|reply to|replying|\bfiles?\b|attach|upload|\.docx|\.pdf/i,
};

/**
 * Messages never sent to a Zalo chat, each for a reason the code enforces: Zalo lists no group
 * admins (every member may /setup), passes bots no files, has no forum topics, and /role and
 * /export are refused there; a button's toast is not sent on Zalo.
 */
const telegramOnly = new Set([
  'setup-admins-only',
  'file-too-large',
  'file-refused',
  'join-done-topic',
  'remind-no-channel',
  'status-recorded-short',
  'args-role',
  'role-person-unknown',
  'role-granted',
  'args-export',
  'export-caption',
  'export-kind-xlsx',
  'export-kind-docx',
  'export-kind-png',
  'export-scope-all',
]);

/** The variables a message uses, read from its source text, so that each can be given a sample value. */
function variables(locale: Locale, id: string): string[] {
  const source = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8');
  const start = new RegExp(`^${id}[ \\t]*=`, 'm').exec(source)!.index;
  const next = /^[a-zA-Z][\w-]*[ \t]*=/m.exec(source.slice(start + id.length + 1));
  const body = source.slice(start, next ? start + id.length + 1 + next.index : source.length);
  return [...body.matchAll(/\{\s*\$([a-z]+)\s*\}/g)].map((match) => match[1]!);
}

describe('what the bot says on Zalo', () => {
  it('never asks for a button, a quoted reply or a file, and shows no empty brackets, in any message it can send there', () => {
    let checked = 0;
    const offending: string[] = [];
    for (const locale of locales) {
      const t = platformTranslator(locale, 'ZALO');
      for (const id of messageIds(locale)) {
        if (id.endsWith(zaloSuffix) || telegramOnly.has(id)) continue;
        const wordingId = messageIds(locale).includes(`${id}${zaloSuffix}`) ? `${id}${zaloSuffix}` : id;
        const args = Object.fromEntries(variables(locale, wordingId).map((name) => [name, name === 'platform' ? 'Zalo' : `mẫu-${name}`]));
        const text = htmlToZaloText(t(id, args));
        if (forbidden[locale].test(text) || /\(\s*\)/.test(text)) offending.push(`${locale} ${id}: ${text}`);
        checked += 1;
      }
    }
    expect(offending).toEqual([]);
    // Every message of both locales but the few Telegram-only ones.
    expect(checked).toBeGreaterThan(2 * 150);
  });

  it('still tells Telegram users about buttons and replies, where those exist', () => {
    const t = platformTranslator('vi', 'TELEGRAM');
    expect(t('directive-how-to-report', { ordinal: '4' })).toMatch(/Bấm nút/);
    expect(platformTranslator('vi', 'ZALO')('directive-how-to-report', { ordinal: '4' })).toMatch(/xong 4 ghi chú/);
  });

  it('lists in /help only the commands that work on Zalo, with usage written for Zalo', () => {
    const placeSets: Exclude<CommandPlace, 'any'>[][] = [['private'], ['private', 'unit'], ['office'], ['unit'], ['unregistered-group']];
    for (const locale of locales) {
      for (const places of placeSets) {
        const lines = helpLines(places, locale, 'ZALO');
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) expect({ places, line }).not.toMatchObject({ line: expect.stringMatching(forbidden[locale]) });
        expect(lines.some((line) => /^\/(role|export)\b/.test(line))).toBe(false);
      }
    }
    expect(helpLines(['office'], 'vi', 'TELEGRAM').some((line) => line.startsWith('/export'))).toBe(true);
    expect(helpLines(['private', 'unit'], 'vi', 'ZALO').some((line) => line.startsWith('/status'))).toBe(true);
  });
});
