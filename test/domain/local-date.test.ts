import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  formatDdMmYyyy,
  isIsoDate,
  lastDayOfMonth,
  localDate,
  parseDdMmYyyy,
  parseIsoDate,
} from '../../src/domain/local-date.js';

describe('local dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(parseIsoDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(parseIsoDate('2024-02-28'), 2)).toBe('2024-03-01');
    expect(addDays(parseIsoDate('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addDays(parseIsoDate('2025-03-01'), -1)).toBe('2025-02-28');
  });

  it('counts the days between two dates, negative when the second is earlier', () => {
    expect(daysBetween(parseIsoDate('2024-01-01'), parseIsoDate('2025-01-01'))).toBe(366);
    expect(daysBetween(parseIsoDate('2025-01-10'), parseIsoDate('2025-01-03'))).toBe(-7);
    expect(daysBetween(parseIsoDate('1960-05-01'), parseIsoDate('1960-05-01'))).toBe(0);
  });

  it('knows the last day of every kind of month', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2025, 2)).toBe('2025-02-28');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    expect(lastDayOfMonth(2025, 4)).toBe('2025-04-30');
    expect(lastDayOfMonth(2025, 12)).toBe('2025-12-31');
  });

  it('names the weekday with Sunday as 0, before and after 1970', () => {
    expect(dayOfWeek(parseIsoDate('2025-01-29'))).toBe(3); // Tết Ất Tỵ, a Wednesday
    expect(dayOfWeek(parseIsoDate('1945-09-02'))).toBe(0); // a Sunday
  });

  it('writes dates the way Vietnamese documents do', () => {
    expect(formatDdMmYyyy(localDate(2024, 9, 5))).toBe('05/09/2024');
  });

  it('reads d/m/yyyy with or without leading zeros', () => {
    expect(parseDdMmYyyy('5/9/2024')).toBe('2024-09-05');
    expect(parseDdMmYyyy('05/09/2024')).toBe('2024-09-05');
    expect(parseDdMmYyyy(' 29/02/2024 ')).toBe('2024-02-29');
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(parseDdMmYyyy('31/02/2024')).toBeUndefined();
    expect(parseDdMmYyyy('29/02/2025')).toBeUndefined();
    expect(parseDdMmYyyy('0/1/2024')).toBeUndefined();
    expect(parseDdMmYyyy('1/13/2024')).toBeUndefined();
    expect(parseDdMmYyyy('2024-02-01')).toBeUndefined();
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(() => localDate(2024, 2, 30)).toThrow(RangeError);
    expect(() => parseIsoDate('30/01/2024')).toThrow(RangeError);
  });
});
