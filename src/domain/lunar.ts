import { dateOfEpochDay, dateParts, epochDayOf, localDate, type LocalDate } from './local-date.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed rather than tabulated.
 *
 * This is Hồ Ngọc Đức's public algorithm: new moons from Jean Meeus' series, the sun's longitude
 * for the solar terms, and the rules of the Chinese-style calendar (month 11 holds the winter
 * solstice; in a 13-month year the first month without a major solar term is the leap month).
 * What makes it Vietnamese is the meridian: days are counted at UTC+7, not Beijing's UTC+8, so a
 * new moon shortly before midnight in Hà Nội starts the month a day earlier, and sometimes moves
 * a month boundary across a solar term. That is why Tết 1985 fell on 21/01 in Vietnam but 20/02
 * in China, and Tết 2007 on 17/02 rather than 18/02.
 *
 * Checked against published Tết dates in the tests; the functions accept solar dates from 1900 to
 * 2100, because outside them the approximations for ΔT and the sun's longitude drift.
 */
export interface LunarDate {
  /** The lunar year, counted like the solar one it mostly overlaps (Tết 2025 starts lunar 2025). */
  readonly year: number;
  /** 1–12; a leap month repeats the number of the month before it. */
  readonly month: number;
  /** 1–30. */
  readonly day: number;
  /** Whether this is the leap (nhuận) copy of `month`. */
  readonly leap: boolean;
}

/** The offset the Vietnamese calendar is computed at, in hours east of Greenwich. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

/** The first and last solar years the conversions accept (dates in them, in either direction). */
export const LUNAR_YEAR_RANGE = { first: 1900, last: 2100 } as const;

/**
 * The lunar date of a solar date, e.g. 29/01/2025 → mùng 1 tháng Giêng 2025.
 * `utcOffsetHours` defaults to Vietnam's; 8 gives the Chinese calendar, for comparison.
 */
export function solarToLunar(date: LocalDate, utcOffsetHours: number = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const { year } = dateParts(date);
  assertSupported(year);
  const dayNumber = julianDayOf(date);
  const k = Math.floor((dayNumber - 2415021.076998695) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, utcOffsetHours);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, utcOffsetHours);
  // a11 and b11 are the starts of the month-11s (winter solstice) that bracket the date.
  let a11 = lunarMonth11(year, utcOffsetHours);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, utcOffsetHours);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, utcOffsetHours);
  }
  const day = dayNumber - monthStart + 1;
  const monthsSince11 = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = monthsSince11 + 11;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, utcOffsetHours);
    if (monthsSince11 >= leapOffset) {
      month = monthsSince11 + 10;
      leap = monthsSince11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 reached within four months of a11 still belong to the previous lunar year.
  if (month >= 11 && monthsSince11 < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/**
 * The solar date of a lunar date, e.g. 10/3 âm lịch 2025 (Giỗ Tổ Hùng Vương) → 07/04/2025.
 * Throws a `RangeError` when that lunar date does not exist: a leap month the year does not have,
 * or day 30 of a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate, utcOffsetHours: number = VIETNAM_UTC_OFFSET_HOURS): LocalDate {
  const { year, month, day, leap } = lunar;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`not a lunar date: ${formatLunar(lunar)}`);
  }
  // Lunar year 1899 ends in early 1900, so let it through; the solar check below has the last word.
  if (year !== LUNAR_YEAR_RANGE.first - 1) assertSupported(year);
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1, utcOffsetHours), lunarMonth11(year, utcOffsetHours)]
      : [lunarMonth11(year, utcOffsetHours), lunarMonth11(year + 1, utcOffsetHours)];
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, utcOffsetHours);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + offset, utcOffsetHours);
  // Day 30 of a 29-day month would silently become the next month's first day: refuse it.
  if (day > newMoonDay(k + offset + 1, utcOffsetHours) - monthStart) {
    throw new RangeError(`lunar month ${month}/${year} has no day ${day}`);
  }
  const solar = solarOfJulianDay(monthStart + day - 1);
  assertSupported(dateParts(solar).year);
  return solar;
}

/** Mùng 1 Tết (first day of tháng Giêng) of a lunar year, as a solar date. */
export function lunarNewYear(year: number, utcOffsetHours: number = VIETNAM_UTC_OFFSET_HOURS): LocalDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false }, utcOffsetHours);
}

const SYNODIC_MONTH = 29.530588853;
// The Julian day number of 1970-01-01, which links epoch days to the astronomers' count.
const JULIAN_DAY_OF_EPOCH = 2440588;
const RADIANS_PER_DEGREE = Math.PI / 180;

function julianDayOf(date: LocalDate): number {
  return epochDayOf(date) + JULIAN_DAY_OF_EPOCH;
}

function solarOfJulianDay(julianDay: number): LocalDate {
  return dateOfEpochDay(julianDay - JULIAN_DAY_OF_EPOCH);
}

/** The Julian day (with fraction, UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 49 abridged). */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = RADIANS_PER_DEGREE;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  // ΔT, the gap between the uniform time of the formulas and clock time, in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, 0 ≤ L < 2π, at a Julian day (Meeus, low accuracy). */
function sunLongitude(julianDay: number): number {
  const T = (julianDay - 2451545.0) / 36525; // Julian centuries since J2000.
  const T2 = T * T;
  const dr = RADIANS_PER_DEGREE;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** The local day number on which the k-th new moon falls at the given offset. */
function newMoonDay(k: number, utcOffsetHours: number): number {
  return Math.floor(newMoon(k) + 0.5 + utcOffsetHours / 24);
}

/** Which of the 12 major solar terms (0–11, 30° each) the sun is in at the start of a local day. */
function solarTermOf(dayNumber: number, utcOffsetHours: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - utcOffsetHours / 24) / Math.PI) * 6);
}

/** The day number on which lunar month 11 (the month holding the winter solstice) of `year` starts. */
function lunarMonth11(year: number, utcOffsetHours: number): number {
  const off = julianDayOf(localDate(year, 12, 31)) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const newMoonBeforeYearEnd = newMoonDay(k, utcOffsetHours);
  // A new moon at or after the solstice (term 9, 270°) starts month 12, so take the one before.
  return solarTermOf(newMoonBeforeYearEnd, utcOffsetHours) >= 9 ? newMoonDay(k - 1, utcOffsetHours) : newMoonBeforeYearEnd;
}

/** In a 13-month year starting at `a11`, how many months after month 11 the leap month comes. */
function leapMonthOffset(a11: number, utcOffsetHours: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  // The leap month is the first whose start is in the same solar term as the next month's start,
  // i.e. a month that contains no major term.
  let i = 1;
  let term = solarTermOf(newMoonDay(k + i, utcOffsetHours), utcOffsetHours);
  let previous: number;
  do {
    previous = term;
    i += 1;
    term = solarTermOf(newMoonDay(k + i, utcOffsetHours), utcOffsetHours);
  } while (term !== previous && i < 14);
  return i - 1;
}

function assertSupported(year: number): void {
  if (year < LUNAR_YEAR_RANGE.first || year > LUNAR_YEAR_RANGE.last) {
    throw new RangeError(
      `the lunar calendar is computed for ${LUNAR_YEAR_RANGE.first}–${LUNAR_YEAR_RANGE.last} only, not ${year}`,
    );
  }
}

function formatLunar({ year, month, day, leap }: LunarDate): string {
  return `${day}/${month}${leap ? ' nhuận' : ''}/${year}`;
}
