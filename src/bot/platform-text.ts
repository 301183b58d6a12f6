import { messageIds, translator, type Locale, type Translate } from '../i18n.js';
import type { Platform } from '../messaging/port.js';

/** The suffix of a message's Zalo wording in the `.ftl` files: `directive-how-to-report-zalo`. */
export const zaloSuffix = '-zalo';

const zaloVariants = new Map<Locale, Set<string>>();

/**
 * A translator for messages that go to `platform`. On Zalo a message with a `-zalo` twin in the
 * locale reads as that twin: Zalo has no buttons, no reply quoting and no files, so "press the
 * button" or "reply to this message" become numbered choices and `xong 4 …`. Choose by where
 * the message goes, not where the request came from: a Telegram office publishes to Zalo chats.
 */
export function platformTranslator(locale: Locale, platform: Platform): Translate {
  const t = translator(locale);
  if (platform !== 'ZALO') return t;
  const variants = zaloVariantsOf(locale);
  return (id, args) => t(variants.has(`${id}${zaloSuffix}`) ? `${id}${zaloSuffix}` : id, args);
}

/** The ids of a locale's Zalo twins, read once per process. */
function zaloVariantsOf(locale: Locale): Set<string> {
  let variants = zaloVariants.get(locale);
  if (!variants) {
    variants = new Set(messageIds(locale).filter((id) => id.endsWith(zaloSuffix)));
    zaloVariants.set(locale, variants);
  }
  return variants;
}

/**
 * The passing note a button press gets beside the feature's own reply: a toast on Telegram,
 * nothing on Zalo, where an answer is a message of its own and would say the same thing twice.
 */
export function toastFor(platform: Platform, text: string): string | undefined {
  return platform === 'ZALO' ? undefined : text;
}
