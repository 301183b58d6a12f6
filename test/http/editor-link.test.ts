import { describe, expect, it } from 'vitest';
import { checkLink, signLink } from '../../src/http/signed-link.js';

const secret = 'an-editor-secret-of-some-length';
const now = new Date('2020-12-04T02:00:00Z');
const expiresAt = new Date('2020-12-04T10:00:00Z');
const subject = (noticeId: string, personId: string) => ['draft-editor', noticeId, personId];

describe('signed draft-editor links', () => {
  it('are good for one draft and one secretary until they expire', () => {
    const { expires, signature } = signLink(secret, subject('notice-1', 'person-1'), expiresAt);
    expect(checkLink(secret, subject('notice-1', 'person-1'), String(expires), signature, now)).toBe('valid');
    expect(checkLink(secret, subject('notice-1', 'person-1'), String(expires), signature, expiresAt)).toBe('expired');
  });

  it('given to another person, they are refused', () => {
    const { expires, signature } = signLink(secret, subject('notice-1', 'person-1'), expiresAt);
    expect(checkLink(secret, subject('notice-1', 'person-2'), String(expires), signature, now)).toBe('tampered');
  });

  it('altered in any part — draft, expiry, signature — or made for the dashboard, they are refused', () => {
    const { expires, signature } = signLink(secret, subject('notice-1', 'person-1'), expiresAt);
    expect(checkLink(secret, subject('notice-2', 'person-1'), String(expires), signature, now)).toBe('tampered');
    expect(checkLink(secret, subject('notice-1', 'person-1'), String(expires + 3600), signature, now)).toBe('tampered');
    expect(checkLink(secret, subject('notice-1', 'person-1'), String(expires), `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`, now)).toBe('tampered');
    expect(checkLink(secret, subject('notice-1', 'person-1'), String(expires), null, now)).toBe('tampered');
    // The same ids under another purpose never sign alike.
    const dashboard = signLink(secret, ['dashboard', 'notice-1'], expiresAt);
    expect(checkLink(secret, subject('notice-1', 'person-1'), String(dashboard.expires), dashboard.signature, now)).toBe('tampered');
  });

  it('parts cannot run together across a line break: such a path is refused, and never signed', () => {
    const { expires, signature } = signLink(secret, subject('notice-1', 'person-1'), expiresAt);
    expect(checkLink(secret, ['draft-editor', 'notice-1\nperson-1'], String(expires), signature, now)).toBe('tampered');
    expect(() => signLink(secret, ['draft-editor', 'notice-1\nperson-1'], expiresAt)).toThrow(RangeError);
  });
});
