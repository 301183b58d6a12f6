/**
 * Checks the `initData` a Telegram Mini App receives, as Telegram documents it
 * (https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):
 * the data-check-string is every received field but `hash`, as `key=value` lines sorted by key;
 * the secret key is HMAC-SHA256 of the bot token under the key "WebAppData"; `hash` must be the
 * hex HMAC-SHA256 of the data-check-string under that secret key. Telegram signs `auth_date`
 * too, so an old initData is refused even when its hash is right.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The user a valid initData names, as far as dondoc needs it. */
export interface MiniAppUser {
  id: number;
  firstName: string;
  languageCode: string | null;
}

export type InitDataCheck = { status: 'valid'; user: MiniAppUser; authDate: Date } | { status: 'expired' | 'tampered' };

/**
 * Checks `initData` (the query string the client passes as `tgWebAppData`) against the bot's
 * token. `maxAgeSeconds` bounds how long after Telegram signed it (auth_date) it is accepted; a
 * Mini App exchanges it at once, so an hour is ample.
 */
export function checkInitData(initData: string, botToken: string, now: Date, maxAgeSeconds = 3600): InitDataCheck {
  const fields = new URLSearchParams(initData);
  const hash = fields.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash) || fields.getAll('hash').length !== 1) return { status: 'tampered' };
  fields.delete('hash');
  const dataCheckString = [...fields.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  const secretKey = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const expected = createHmac('sha256', secretKey).update(dataCheckString).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) return { status: 'tampered' };

  const authDate = Number(fields.get('auth_date'));
  const user = parseUser(fields.get('user'));
  if (!Number.isSafeInteger(authDate) || authDate <= 0 || !user) return { status: 'tampered' };
  const age = now.getTime() / 1000 - authDate;
  // A clock a little ahead of ours is tolerated; much further is not Telegram's doing.
  if (age > maxAgeSeconds || age < -300) return { status: 'expired' };
  return { status: 'valid', user, authDate: new Date(authDate * 1000) };
}

function parseUser(json: string | null): MiniAppUser | null {
  if (!json) return null;
  try {
    const user = JSON.parse(json) as { id?: unknown; first_name?: unknown; language_code?: unknown };
    if (typeof user.id !== 'number' || !Number.isSafeInteger(user.id)) return null;
    return { id: user.id, firstName: typeof user.first_name === 'string' ? user.first_name : '', languageCode: typeof user.language_code === 'string' ? user.language_code : null };
  } catch {
    return null;
  }
}
