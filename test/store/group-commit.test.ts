import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/store/group-commit.js';

describe('groupCommit', () => {
  it('writes alone when idle, and gathers what arrives during a write into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const write = groupCommit<number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = write(1);
    const rest = [write(2), write(3), write(4)];
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a batch, and retries a failed batch one write at a time so only the bad one fails', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const write = groupCommit<string>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      if (items.includes('bad')) throw new Error('constraint failed');
    }, 2);
    const first = write('a');
    const rest = ['b', 'bad', 'c'].map((item) => write(item));
    release();
    const results = await Promise.allSettled([first, ...rest]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([['a'], ['b', 'bad'], ['b'], ['bad'], ['c']]);
  });
});
