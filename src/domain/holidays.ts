import { addDays, localDate, type LocalDate } from './local-date.js';
import { lunarNewYear, lunarToSolar } from './lunar.js';

/** The public holidays of Bộ luật Lao động 2019, Điều 112 khoản 1. */
export const HOLIDAYS = ['newYear', 'tet', 'hungKings', 'victoryDay', 'labourDay', 'nationalDay'] as const;

/** One of {@link HOLIDAYS}. */
export type Holiday = (typeof HOLIDAYS)[number];

/** Each holiday's name as the law and the government's announcements write it. */
export const HOLIDAY_NAMES: Readonly<Record<Holiday, string>> = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victoryDay: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
};

/** One statutory day off and the holiday it belongs to. */
export interface HolidayDay {
  readonly date: LocalDate;
  readonly holiday: Holiday;
}

/**
 * The statutory days off of a solar year, in date order, before any nghỉ bù and before the
 * government's yearly announcement (which the overrides file records):
 * - Tết Dương lịch 1/1;
 * - Tết Âm lịch, 5 days. The law leaves their placement to the Prime Minister each year; the
 *   default here is the usual core: the last day of the lunar year (29 or 30 Tết), mùng 1–3, and
 *   mùng 4;
 * - Giỗ Tổ Hùng Vương, 10/3 âm lịch;
 * - 30/4 and 1/5;
 * - Quốc khánh 2/9 plus "one adjacent day before or after", also chosen yearly; the default is
 *   the day before (1/9), the choice in 2022, 2023 and 2025.
 */
export function statutoryHolidays(year: number): HolidayDay[] {
  const tet = lunarNewYear(year);
  const days: HolidayDay[] = [
    { date: localDate(year, 1, 1), holiday: 'newYear' },
    ...[-1, 0, 1, 2, 3].map((offset) => ({ date: addDays(tet, offset), holiday: 'tet' as const })),
    { date: lunarToSolar({ year, month: 3, day: 10, leap: false }), holiday: 'hungKings' },
    { date: localDate(year, 4, 30), holiday: 'victoryDay' },
    { date: localDate(year, 5, 1), holiday: 'labourDay' },
    { date: localDate(year, 9, 1), holiday: 'nationalDay' },
    { date: localDate(year, 9, 2), holiday: 'nationalDay' },
  ];
  // Giỗ Tổ moves between late March and May (29/04 in 2023), so it can come after 30/4.
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
