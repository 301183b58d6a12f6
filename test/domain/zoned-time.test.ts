import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { instantAt, localDateOf, localDateTimeOf } from '../../src/domain/zoned-time.js';

describe('zoned time', () => {
  it('puts an instant on the Vietnamese calendar, not the host one', () => {
    // 17:30 UTC is already 00:30 the next day in Hà Nội.
    expect(localDateOf(new Date('2025-01-28T17:30:00Z'))).toBe('2025-01-29');
    expect(localDateOf(new Date('2025-01-28T16:59:59Z'))).toBe('2025-01-28');
    expect(localDateTimeOf(new Date('2025-01-28T17:30:45Z'))).toEqual({
      date: '2025-01-29',
      hour: 0,
      minute: 30,
      second: 45,
    });
  });

  it('finds the instant of a Vietnamese wall-clock time', () => {
    expect(instantAt(parseIsoDate('2025-01-29'), 8, 0).toISOString()).toBe('2025-01-29T01:00:00.000Z');
    expect(instantAt(parseIsoDate('2025-01-01'), 0, 0).toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });

  it('takes any IANA zone, including ones with daylight saving', () => {
    const newYork = 'America/New_York';
    expect(instantAt(parseIsoDate('2025-07-01'), 9, 0, newYork).toISOString()).toBe('2025-07-01T13:00:00.000Z');
    expect(instantAt(parseIsoDate('2025-01-01'), 9, 0, newYork).toISOString()).toBe('2025-01-01T14:00:00.000Z');
    // 02:30 does not exist on 9 March 2025 there: it becomes 03:30 EDT.
    expect(instantAt(parseIsoDate('2025-03-09'), 2, 30, newYork).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    // 01:30 happens twice on 2 November 2025: the earlier (EDT) one is taken.
    expect(instantAt(parseIsoDate('2025-11-02'), 1, 30, newYork).toISOString()).toBe('2025-11-02T05:30:00.000Z');
    expect(localDateOf(new Date('2025-01-01T03:00:00Z'), newYork)).toBe('2024-12-31');
  });

  it('rejects an unknown zone and an impossible time', () => {
    expect(() => localDateOf(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => instantAt(parseIsoDate('2025-01-01'), 24, 0)).toThrow(RangeError);
  });

  it('gives the same answers whatever TZ the host runs in', () => {
    const script = [
      "import { instantAt, localDateOf } from './src/domain/zoned-time.ts';",
      "import { lunarNewYear } from './src/domain/lunar.ts';",
      "import { createWorkingCalendar, holidayName } from './src/domain/calendar.ts';",
      "console.log(JSON.stringify([localDateOf(new Date('2025-01-28T17:30:00Z')),",
      "  instantAt('2025-01-29', 8, 0).toISOString(), lunarNewYear(2025),",
      "  holidayName('2022-05-03', createWorkingCalendar())]));",
    ].join('\n');
    for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'UTC']) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual([
        '2025-01-29',
        '2025-01-29T01:00:00.000Z',
        '2025-01-29',
        'Nghỉ bù Ngày Quốc tế Lao động',
      ]);
    }
  });
});
