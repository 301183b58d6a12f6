/**
 * Signed, expiring links: HMAC-SHA256 over the office id and the expiry, in base64url. Whoever
 * holds a link may read that office's dashboard until it expires; nothing else is granted, and
 * a changed office id or expiry no longer matches the signature.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The query parameters a signed link carries beside the office id in its path. */
export interface LinkSignature {
  /** Unix seconds. */
  expires: number;
  signature: string;
}

/** Why a link was refused, or that it is good. */
export type LinkCheck = 'valid' | 'expired' | 'tampered';

/** Signs access to `officeId` until `expiresAt`. */
export function signOfficeLink(secret: string, officeId: string, expiresAt: Date): LinkSignature {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return { expires, signature: mac(secret, officeId, expires) };
}

/**
 * Checks a link's signature, then its expiry. The comparison takes the same time whatever the
 * signature, so it cannot be guessed byte by byte.
 */
export function checkOfficeLink(secret: string, officeId: string, expires: string | null, signature: string | null, now: Date): LinkCheck {
  if (!expires || !/^\d{1,12}$/.test(expires) || !signature) return 'tampered';
  const expected = Buffer.from(mac(secret, officeId, Number(expires)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
  return Number(expires) * 1000 <= now.getTime() ? 'expired' : 'valid';
}

function mac(secret: string, officeId: string, expires: number): string {
  return createHmac('sha256', secret).update(`dashboard\n${officeId}\n${expires}`).digest('base64url');
}
