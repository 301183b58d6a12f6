import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  createWorkingCalendar,
  holidayName,
  isWorkingDay,
  moveToWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../src/domain/calendar.js';
import { loadCalendarOverrides, parseCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import { addDays, localDate, parseIsoDate, type LocalDate } from '../../src/domain/local-date.js';
import { solarToLunar } from '../../src/domain/lunar.js';

const d = parseIsoDate;
const rulesOnly = createWorkingCalendar();
const national = createWorkingCalendar(await loadCalendarOverrides());

/** The days off from `from` to `to` inclusive. */
function daysOff(from: string, to: string, calendar: WorkingCalendar): LocalDate[] {
  const off: LocalDate[] = [];
  for (let day = d(from); day <= d(to); day = addDays(day, 1)) if (!isWorkingDay(day, calendar)) off.push(day);
  return off;
}

describe('Vietnamese public holidays', () => {
  it('gives Tết 5 days from the last day of the lunar year, with nghỉ bù for those on a weekend', () => {
    // Tết 2026 is a Tuesday: 29 tháng Chạp (Mon 16/02) to mùng 4 (Fri 20/02), nine days with the weekends.
    expect(daysOff('2026-02-13', '2026-02-23', rulesOnly)).toEqual([
      '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
    ]);
    expect(holidayName(d('2026-02-16'), rulesOnly)).toBe('Tết Nguyên đán');
    // Tết 2027 is a Saturday: 05/02–09/02 with two weekend days, so nghỉ bù on Wed 10 and Thu 11.
    expect(daysOff('2027-02-04', '2027-02-12', rulesOnly)).toEqual([
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
    ]);
    expect(holidayName(d('2027-02-11'), rulesOnly)).toBe('Nghỉ bù Tết Nguyên đán');
  });

  it('names the fixed and lunar holidays in Vietnamese', () => {
    expect(holidayName(d('2025-01-01'), rulesOnly)).toBe('Tết Dương lịch');
    expect(holidayName(d('2025-04-07'), rulesOnly)).toBe('Giỗ Tổ Hùng Vương');
    expect(holidayName(d('2025-04-30'), rulesOnly)).toBe('Ngày Chiến thắng');
    expect(holidayName(d('2025-05-01'), rulesOnly)).toBe('Ngày Quốc tế Lao động');
    expect(holidayName(d('2025-09-02'), rulesOnly)).toBe('Quốc khánh');
    expect(holidayName(d('2025-09-01'), rulesOnly)).toBe('Quốc khánh');
    expect(holidayName(d('2025-09-03'), rulesOnly)).toBeUndefined();
    expect(holidayName(d('2025-09-06'), rulesOnly)).toBeUndefined(); // an ordinary Saturday
  });

  it('gives nghỉ bù on the next working days when 30/4 and 1/5 fall on a weekend (2022)', () => {
    expect(daysOff('2022-04-29', '2022-05-06', rulesOnly)).toEqual(['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']);
    expect(holidayName(d('2022-05-02'), rulesOnly)).toBe('Nghỉ bù Ngày Chiến thắng');
    expect(holidayName(d('2022-05-03'), rulesOnly)).toBe('Nghỉ bù Ngày Quốc tế Lao động');
  });

  it('chains nghỉ bù past other holidays: Giỗ Tổ on Saturday 29/4/2023, then 30/4 on Sunday', () => {
    expect(daysOff('2023-04-28', '2023-05-05', rulesOnly)).toEqual([
      '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03',
    ]);
    expect(holidayName(d('2023-05-02'), rulesOnly)).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('moves Giỗ Tổ 2026 (Sunday 26/4) to Monday 27/4', () => {
    expect(isWorkingDay(d('2026-04-27'), rulesOnly)).toBe(false);
    expect(holidayName(d('2026-04-27'), rulesOnly)).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('gives nghỉ bù for New Year on a weekend', () => {
    expect(holidayName(d('2022-01-03'), rulesOnly)).toBe('Nghỉ bù Tết Dương lịch'); // 1/1/2022 was a Saturday
    expect(holidayName(d('2023-01-02'), rulesOnly)).toBe('Nghỉ bù Tết Dương lịch'); // 1/1/2023 was a Sunday
  });
});

describe('announced breaks and swapped days', () => {
  it('starts each announced Tết break on the lunar day it names', () => {
    expect(solarToLunar(d('2023-01-20'))).toMatchObject({ month: 12, day: 29 });
    expect(solarToLunar(d('2024-02-08'))).toMatchObject({ month: 12, day: 29 });
    expect(solarToLunar(d('2025-01-25'))).toMatchObject({ month: 12, day: 26 });
  });

  it('replaces the rules for Tết 2025 with the announced 25/01–02/02, with no nghỉ bù after it', () => {
    expect(daysOff('2025-01-24', '2025-02-03', national)).toEqual([
      '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02',
    ]);
    expect(holidayName(d('2025-01-27'), national)).toBe('Tết Nguyên đán');
    // By the rules alone, mùng 4 (Saturday 01/02) would owe Monday 03/02.
    expect(isWorkingDay(d('2025-02-03'), rulesOnly)).toBe(false);
  });

  it('replaces the rules for Tết 2024 with the announced 08/02–14/02 (29 tháng Chạp to mùng 5)', () => {
    expect(daysOff('2024-02-07', '2024-02-15', national)).toEqual([
      '2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14',
    ]);
    // The rules alone would end the break with nghỉ bù on Thursday 15/02 instead of starting it on 08/02.
    expect(daysOff('2024-02-07', '2024-02-15', rulesOnly)).toEqual([
      '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15',
    ]);
  });

  it('makes Saturday 26/04/2025 a working day and gives Friday 02/05/2025 off', () => {
    expect(isWorkingDay(d('2025-04-26'), national)).toBe(true);
    expect(national.describe(d('2025-04-26')).kind).toBe('madeUpWorking');
    expect(holidayName(d('2025-05-02'), national)).toBe('Nghỉ hoán đổi dịp 30/4 và 1/5');
    expect(daysOff('2025-04-29', '2025-05-05', national)).toEqual(['2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']);
  });

  it('lets an office add its own days and override the national ones, the later set winning', () => {
    const office = parseCalendarOverrides({
      years: {
        '2026': {
          daysOff: [{ date: '2026-03-16', name: 'Ngày thành lập tỉnh' }],
          workingDays: [{ date: '2026-03-21', note: 'Làm bù' }],
        },
        '2025': { workingDays: [{ date: '2025-05-02' }] },
      },
    });
    const calendar = createWorkingCalendar(parseCalendarOverrides({ years: {} }), office);
    expect(holidayName(d('2026-03-16'), calendar)).toBe('Ngày thành lập tỉnh');
    expect(isWorkingDay(d('2026-03-21'), calendar)).toBe(true); // a Saturday
    const both = createWorkingCalendar(
      parseCalendarOverrides({ years: { '2025': { daysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi' }] } } }),
      office,
    );
    expect(isWorkingDay(d('2025-05-02'), both)).toBe(true);
  });

  it('refuses an overrides file with a date under the wrong year, a reversed break or a day both off and worked', () => {
    expect(() => parseCalendarOverrides({ years: { '2025': { daysOff: [{ date: '2026-01-02', name: 'x' }] } } })).toThrow(/not in 2025/);
    expect(() =>
      parseCalendarOverrides({ years: { '2025': { breaks: [{ holiday: 'tet', from: '2025-02-02', to: '2025-01-25' }] } } }),
    ).toThrow(/from must not be after to/);
    expect(() =>
      parseCalendarOverrides({
        years: { '2025': { daysOff: [{ date: '2025-05-02', name: 'x' }], workingDays: [{ date: '2025-05-02' }] } },
      }),
    ).toThrow(/both a day off and a working day/);
    expect(() => parseCalendarOverrides({ years: { '2025': { breaks: [{ holiday: 'christmas', from: '2025-12-25', to: '2025-12-25' }] } } })).toThrow();
    expect(() => parseCalendarOverrides({ years: { '2025': { daysOff: [{ date: '2025-02-30', name: 'x' }] } } })).toThrow(/YYYY-MM-DD/);
  });
});

describe('working-day arithmetic', () => {
  it('moves a deadline inside Tết 2025 to the working day before or after the break', () => {
    expect(moveToWorkingDay(d('2025-01-30'), 'previous', national)).toBe('2025-01-24');
    expect(moveToWorkingDay(d('2025-01-30'), 'next', national)).toBe('2025-02-03');
  });

  it('moves a deadline inside Tết 2026 to the working day before or after the break', () => {
    expect(moveToWorkingDay(d('2026-02-18'), 'previous', national)).toBe('2026-02-13');
    expect(moveToWorkingDay(d('2026-02-18'), 'next', national)).toBe('2026-02-23');
  });

  it('leaves a working day where it is', () => {
    expect(moveToWorkingDay(d('2025-02-03'), 'previous', national)).toBe('2025-02-03');
    expect(moveToWorkingDay(d('2025-04-26'), 'next', national)).toBe('2025-04-26'); // làm bù Saturday
  });

  it('steps to the next and previous working day across weekends and holidays', () => {
    expect(nextWorkingDay(d('2025-04-25'), national)).toBe('2025-04-26');
    expect(nextWorkingDay(d('2025-04-29'), national)).toBe('2025-05-05');
    expect(previousWorkingDay(d('2025-05-05'), national)).toBe('2025-04-29');
    expect(nextWorkingDay(d('2025-01-24'), national)).toBe('2025-02-03');
  });

  it('adds working days forwards and backwards, counting from the day after', () => {
    expect(addWorkingDays(d('2025-01-23'), 2, national)).toBe('2025-02-03');
    expect(addWorkingDays(d('2025-02-03'), -1, national)).toBe('2025-01-24');
    expect(addWorkingDays(d('2025-02-03'), -3, national)).toBe('2025-01-22');
    expect(addWorkingDays(d('2025-01-25'), 0, national)).toBe('2025-02-03');
    expect(addWorkingDays(d('2025-01-24'), 0, national)).toBe('2025-01-24');
    expect(() => addWorkingDays(d('2025-01-24'), 1.5, national)).toThrow(RangeError);
  });

  it('counts working days between two dates, with the sign of the direction', () => {
    expect(workingDaysBetween(d('2025-01-24'), d('2025-02-03'), national)).toBe(1);
    expect(workingDaysBetween(d('2025-02-03'), d('2025-01-24'), national)).toBe(-1);
    expect(workingDaysBetween(d('2025-01-25'), d('2025-02-02'), national)).toBe(0);
    expect(workingDaysBetween(d('2025-02-02'), d('2025-01-24'), national)).toBe(-1);
    expect(workingDaysBetween(d('2025-03-03'), d('2025-03-10'), national)).toBe(5);
  });

  const dates = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => addDays(localDate(2010, 1, 1), offset));
  const counts = fc.integer({ min: -60, max: 60 });

  it('always lands on a working day when adding working days', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        expect(isWorkingDay(addWorkingDays(date, n, national), national)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('counts back exactly the working days it added', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        fc.pre(n !== 0);
        expect(workingDaysBetween(date, addWorkingDays(date, n, national), national)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
