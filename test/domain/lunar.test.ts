import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate, parseIsoDate } from '../../src/domain/local-date.js';
import { lunarNewYear, lunarToSolar, solarToLunar } from '../../src/domain/lunar.js';

describe('Vietnamese lunar calendar', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('puts Tết %i on %s', (year, tet) => {
    expect(lunarNewYear(year)).toBe(tet);
  });

  it('counts days at UTC+7, so Tết 1985 and 2007 differ from the Chinese calendar', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(1985, 8)).toBe('1985-02-20');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarNewYear(2007, 8)).toBe('2007-02-18');
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('puts Giỗ Tổ Hùng Vương (10/3 âm lịch) %i on %s', (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, leap: false })).toBe(date);
  });

  it('knows the leap second month of 2023 (tháng 2 nhuận Quý Mão)', () => {
    expect(solarToLunar(parseIsoDate('2023-03-22'))).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: false })).toBe('2023-02-20');
  });

  it('reads the last days of a lunar year as month 12 of the year before', () => {
    expect(solarToLunar(parseIsoDate('2025-01-28'))).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar(parseIsoDate('2024-02-09'))).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ year: 2024, month: 4, day: 1, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2023, month: 5, day: 1, leap: true })).toThrow(RangeError);
    // Tháng Chạp Ất Tỵ (ending 16/02/2026) has 29 days.
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toThrow(RangeError);
    expect(() => lunarNewYear(1899)).toThrow(RangeError);
    expect(() => lunarNewYear(2101)).toThrow(RangeError);
  });

  it('places every Tết from 1900 to 2100 between 21 January and 20 February, 353–385 days apart', () => {
    let previous = lunarNewYear(1900);
    for (let year = 1901; year <= 2100; year += 1) {
      const tet = lunarNewYear(year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `${year}: ${tet}`).toBe(true);
      const gap = (Date.parse(tet) - Date.parse(previous)) / 86_400_000;
      expect([353, 354, 355, 383, 384, 385]).toContain(gap);
      previous = tet;
    }
  });

  it('round-trips solar → lunar → solar for any date from 1900 to 2100', () => {
    const days = fc.integer({ min: 0, max: 73_413 }); // 1900-01-01 … 2100-12-31
    fc.assert(
      fc.property(days, (offset) => {
        const solar = addDays(localDate(1900, 1, 1), offset);
        expect(lunarToSolar(solarToLunar(solar))).toBe(solar);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips lunar → solar → lunar for any existing lunar date', () => {
    const lunarDates = fc.record({
      year: fc.integer({ min: 1901, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 29 }),
      leap: fc.boolean(),
    });
    fc.assert(
      fc.property(lunarDates, (lunar) => {
        let solar;
        try {
          solar = lunarToSolar(lunar);
        } catch (error) {
          // Only a leap month the year lacks may be refused: days 1–29 always exist.
          expect(lunar.leap).toBe(true);
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(solarToLunar(solar)).toEqual(lunar);
      }),
      { numRuns: 500 },
    );
  });
});
