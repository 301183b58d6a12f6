import { describe, expect, it } from 'vitest';
import { createSandboxClock, walkClock } from '../../src/emulator/sandbox-clock.js';

describe('the sandbox clock', () => {
  it('reads the wall clock until set, runs on from where it is set, and goes back to the wall clock', () => {
    let wall = Date.parse('2026-12-04T02:00:00Z');
    const clock = createSandboxClock(() => wall);
    expect(clock.now().toISOString()).toBe('2026-12-04T02:00:00.000Z');
    expect(clock.moved).toBe(false);
    clock.set(new Date('2026-12-14T01:00:00Z'));
    wall += 60_000;
    expect(clock.now().toISOString()).toBe('2026-12-14T01:01:00.000Z');
    expect(clock.moved).toBe(true);
    clock.reset();
    expect(clock.now().toISOString()).toBe('2026-12-04T02:01:00.000Z');
    expect(clock.moved).toBe(false);
  });

  it('walks to the target through the reminder times ahead of it, ticking at each, and ignores those behind or beyond', async () => {
    const clock = createSandboxClock(() => Date.parse('2026-12-04T02:00:00Z'));
    const seen: string[] = [];
    const stops = ['2026-12-04T01:00:00Z', '2026-12-05T01:00:00Z', '2026-12-07T01:00:00Z', '2026-12-20T01:00:00Z'].map((iso) => new Date(iso));
    const ticks = await walkClock(clock, new Date('2026-12-08T01:00:00Z'), stops, async () => {
      seen.push(clock.now().toISOString());
    });
    expect(ticks).toBe(3);
    expect(seen).toEqual(['2026-12-05T01:00:00.000Z', '2026-12-07T01:00:00.000Z', '2026-12-08T01:00:00.000Z']);
    expect(clock.now().toISOString()).toBe('2026-12-08T01:00:00.000Z');
  });
});
