import { describe, expect, it } from 'vitest';
import { batchWhileBusy } from '../../src/store/batch-while-busy.js';

describe('batchWhileBusy', () => {
  it('writes alone when idle, and gathers what arrives during a write into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const write = batchWhileBusy<number, number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => item * 10);
    });
    const first = write(1);
    const rest = [write(2), write(3), write(4)];
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a batch, and retries a failed batch one write at a time so only the bad one fails', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const write = batchWhileBusy<string, string>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      if (items.includes('bad')) throw new Error('constraint failed');
      return items.map((item) => item.toUpperCase());
    }, 2);
    const first = write('a');
    const rest = ['b', 'bad', 'c'].map((item) => write(item));
    release();
    const results = await Promise.allSettled([first, ...rest]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual(['A', 'B', 'failed', 'C']);
    expect(batches).toEqual([['a'], ['b', 'bad'], ['b'], ['bad'], ['c']]);
  });
});
