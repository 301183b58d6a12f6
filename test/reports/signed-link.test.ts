import { describe, expect, it } from 'vitest';
import { checkLink, signLink } from '../../src/http/signed-link.js';

const signOfficeLink = (secret: string, officeId: string, expiresAt: Date) => signLink(secret, ['dashboard', officeId], expiresAt);
const checkOfficeLink = (secret: string, officeId: string, expires: string | null, signature: string | null, now: Date) =>
  checkLink(secret, ['dashboard', officeId], expires, signature, now);

const now = new Date('2021-04-05T02:00:00Z');
const later = new Date('2021-04-06T02:00:00Z');

describe('signed dashboard links', () => {
  it('a link is good for its office until it expires', () => {
    const { expires, signature } = signOfficeLink('s3cret', 'office-1', later);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(checkOfficeLink('s3cret', 'office-1', String(expires), signature, now)).toBe('valid');
    expect(checkOfficeLink('s3cret', 'office-1', String(expires), signature, later)).toBe('expired');
  });

  it('another office, a pushed-back expiry, another secret or a changed signature are refused', () => {
    const { expires, signature } = signOfficeLink('s3cret', 'office-1', later);
    expect(checkOfficeLink('s3cret', 'office-2', String(expires), signature, now)).toBe('tampered');
    expect(checkOfficeLink('s3cret', 'office-1', String(expires + 3600), signature, now)).toBe('tampered');
    expect(checkOfficeLink('other', 'office-1', String(expires), signature, now)).toBe('tampered');
    expect(checkOfficeLink('s3cret', 'office-1', String(expires), `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`, now)).toBe('tampered');
    expect(checkOfficeLink('s3cret', 'office-1', String(expires), signature.slice(1), now)).toBe('tampered');
    expect(checkOfficeLink('s3cret', 'office-1', null, signature, now)).toBe('tampered');
    expect(checkOfficeLink('s3cret', 'office-1', '1e12', signature, now)).toBe('tampered');
  });
});
