import { describe, expect, it } from 'vitest';
import { cached } from '../../src/domain/cached.js';

describe('cached', () => {
  it('works a key out once, null results included', () => {
    const values = new Map<string, number | null>();
    let calls = 0;
    const lookup = (key: string) =>
      cached(values, key, () => {
        calls += 1;
        return key === 'none' ? null : key.length;
      });
    expect([lookup('abc'), lookup('abc'), lookup('none'), lookup('none')]).toEqual([3, 3, null, null]);
    expect(calls).toBe(2);
  });
});
