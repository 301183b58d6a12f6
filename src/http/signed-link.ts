/**
 * Signed, expiring links: HMAC-SHA256 over what the link names (its subject) and its expiry, in
 * base64url. The subject starts with the link's purpose, so a link made for one page is never
 * good for another: `['dashboard', officeId]` reads an office's dashboard, `['draft-editor',
 * noticeId, personId]` edits a draft as that person. Whoever holds a link may do what it names
 * until it expires; nothing else is granted, and a changed subject or expiry no longer matches.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The query parameters a signed link carries beside the subject it names. */
export interface LinkSignature {
  /** Unix seconds. */
  expires: number;
  signature: string;
}

/** Why a link was refused, or that it is good. */
export type LinkCheck = 'valid' | 'expired' | 'tampered';

/** Signs access to `subject` until `expiresAt`. Its parts are ids: a part may not hold a line break. */
export function signLink(secret: string, subject: readonly string[], expiresAt: Date): LinkSignature {
  if (subject.some((part) => part.includes('\n'))) throw new RangeError('a signed link part may not hold a line break');
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return { expires, signature: mac(secret, subject, expires) };
}

/**
 * Checks a link's signature, then its expiry. The comparison takes the same time whatever the
 * signature, so it cannot be guessed byte by byte.
 */
export function checkLink(secret: string, subject: readonly string[], expires: string | null, signature: string | null, now: Date): LinkCheck {
  if (!expires || !/^\d{1,12}$/.test(expires) || !signature) return 'tampered';
  // A line break inside a part could make two subjects sign alike.
  if (subject.some((part) => part.includes('\n'))) return 'tampered';
  const expected = Buffer.from(mac(secret, subject, Number(expires)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
  return Number(expires) * 1000 <= now.getTime() ? 'expired' : 'valid';
}

function mac(secret: string, subject: readonly string[], expires: number): string {
  return createHmac('sha256', secret).update(`${subject.join('\n')}\n${expires}`).digest('base64url');
}
