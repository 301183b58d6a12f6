import { describe, expect, it } from 'vitest';
import { groupBy, lastByKey } from '../../src/domain/group-by.js';

describe('grouping', () => {
  const reports = [
    { unit: 'tnmt', state: 'IN_PROGRESS' },
    { unit: 'ktht', state: 'BLOCKED' },
    { unit: 'tnmt', state: 'DONE' },
  ];

  it('groups items by key, keys and items in the order they first appear', () => {
    expect([...groupBy(reports, (r) => r.unit)]).toEqual([
      ['tnmt', [reports[0], reports[2]]],
      ['ktht', [reports[1]]],
    ]);
  });

  it('keeps one item per key, the last one given, in the order keys first appear', () => {
    expect(lastByKey(reports, (r) => r.unit)).toEqual([reports[2], reports[1]]);
    expect(lastByKey([], (r: { unit: string }) => r.unit)).toEqual([]);
  });
});
