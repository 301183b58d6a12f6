import { UserError } from './errors.js';

/**
 * The longest texts people may give dondoc, in characters (code points). Each is stored, sent
 * back in lists and acknowledgements, and matched against notices: a 10,006-character unit name
 * was once accepted. Office names follow Telegram's own limit on a group title, which is what an
 * office is named by when /setup gives no name.
 */
export const lengthCaps = {
  'unit-name': 120,
  alias: 60,
  note: 1000,
  'office-name': 128,
} as const;

export type CappedText = keyof typeof lengthCaps;

/** Throws a {@link UserError} naming the cap when `text` (trimmed) is longer than the cap of its kind. */
export function requireWithinCap(kind: CappedText, text: string): void {
  const length = [...text.trim()].length;
  if (length > lengthCaps[kind]) throw new UserError(`too-long-${kind}`, { length, max: lengthCaps[kind] });
}
