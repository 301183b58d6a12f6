/**
 * Launch data as a Telegram client hands it to a Mini App (`tgWebAppData`), signed the way
 * Telegram's servers sign it (https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app),
 * for tests that play the client's part.
 */
import { createHmac } from 'node:crypto';

/** The query string of `fields` with its `hash`, as Telegram signs it for `botToken`. */
export function signedInitData(fields: Record<string, string>, botToken: string): string {
  const dataCheckString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secretKey = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', secretKey).update(dataCheckString).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}

/** What a private chat's Mini App button sends for a user: a query id, the user as JSON, when it was signed. */
export function launchFields(user: { id: number; first_name: string; language_code?: string }, authDate: Date): Record<string, string> {
  return {
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: JSON.stringify({ ...user, allows_write_to_pm: true }),
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    chat_type: 'sender',
    chat_instance: '-3788475317572404878',
  };
}
