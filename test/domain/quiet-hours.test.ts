import { describe, expect, it } from 'vitest';
import { isQuietTime, nextAllowedTime } from '../../src/domain/quiet-hours.js';

const night = { start: '21:00', end: '07:00' };
// Vietnam is UTC+7: 14:00Z is 21:00 there, 00:00Z is 07:00.
const at = (iso: string): Date => new Date(iso);

describe('quiet hours', () => {
  it('is quiet from 21:00 to 07:00 across midnight, start included and end excluded', () => {
    expect(isQuietTime(at('2025-03-10T13:59:00Z'), night)).toBe(false); // 20:59
    expect(isQuietTime(at('2025-03-10T14:00:00Z'), night)).toBe(true); // 21:00
    expect(isQuietTime(at('2025-03-10T17:30:00Z'), night)).toBe(true); // 00:30
    expect(isQuietTime(at('2025-03-10T23:59:00Z'), night)).toBe(true); // 06:59
    expect(isQuietTime(at('2025-03-11T00:00:00Z'), night)).toBe(false); // 07:00
  });

  it('puts a message planned in the evening off to 07:00 the next morning', () => {
    expect(nextAllowedTime(at('2025-03-10T15:15:00Z'), night).toISOString()).toBe('2025-03-11T00:00:00.000Z');
  });

  it('puts a message planned after midnight off to 07:00 the same morning', () => {
    expect(nextAllowedTime(at('2025-03-10T19:00:00Z'), night).toISOString()).toBe('2025-03-11T00:00:00.000Z');
  });

  it('sends at once outside the quiet hours', () => {
    const noon = at('2025-03-10T05:00:00Z');
    expect(nextAllowedTime(noon, night)).toBe(noon);
  });

  it('handles a window within one day, and equal times as no quiet hours', () => {
    const lunch = { start: '11:30', end: '13:30' };
    expect(isQuietTime(at('2025-03-10T05:00:00Z'), lunch)).toBe(true); // 12:00
    expect(nextAllowedTime(at('2025-03-10T05:00:00Z'), lunch).toISOString()).toBe('2025-03-10T06:30:00.000Z');
    expect(isQuietTime(at('2025-03-10T15:00:00Z'), { start: '07:00', end: '07:00' })).toBe(false);
  });

  it('reads the window in the zone it is given', () => {
    const utcNight = { start: '21:00', end: '07:00' };
    expect(isQuietTime(at('2025-03-10T14:00:00Z'), utcNight, 'UTC')).toBe(false);
    expect(nextAllowedTime(at('2025-03-10T22:00:00Z'), utcNight, 'UTC').toISOString()).toBe('2025-03-11T07:00:00.000Z');
  });

  it('refuses a badly written time', () => {
    expect(() => isQuietTime(new Date(0), { start: '9pm', end: '07:00' })).toThrow(RangeError);
    expect(() => isQuietTime(new Date(0), { start: '24:00', end: '07:00' })).toThrow(RangeError);
  });
});
