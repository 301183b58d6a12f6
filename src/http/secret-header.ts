import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a webhook request's secret header carries the secret, compared in constant time:
 * hashing first gives both sides the same length, so not even the length leaks. A missing or
 * repeated header is never right.
 */
export function carriesSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(header), digest(secret));
}
