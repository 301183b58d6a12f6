/**
 * Calendar-date arithmetic on plain numbers. Notices speak of calendar days in their own time
 * zone, so dates stay `YYYY-MM-DD` strings and never become instants.
 */

/** `YYYY-MM-DD` for a valid date, or null (`31/02/2024`, month 13). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The number of days in a month (28–31). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year of an ISO date, or null. */
export function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

/** Reads `2`, `02` or the two-digit year `22` (as 2022) into a full year. */
export function fullYear(text: string): number {
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
}

/** `I`…`IV` or `1`…`4` → 1…4, or null. */
export function quarterNumber(text: string): number | null {
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
  const value = roman[text.toUpperCase()] ?? Number(text);
  return value >= 1 && value <= 4 ? value : null;
}

/** Roman numerals of section headings (`I`…`XX`) → numbers, or null. */
export function romanNumber(text: string): number | null {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = values[text[i]!];
    const next = values[text[i + 1] ?? ''] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A day and month with an optional year, numeric (`17/11/2020`, `5-9`, `05.9.24`) or spelled
 * out (`17 tháng 11 năm 2020`). Groups: day, month, year.
 */
export const dayMonthYearSource = String.raw`(\d{1,2})\s*(?:[/.-]|tháng)\s*(\d{1,2})(?:\s*(?:[/.-]|,?\s*năm)\s*(\d{4}|\d{2}(?!\d)))?(?![\d/])`;

/** Turns the groups of `dayMonthYearSource` into an ISO date; a missing year comes from `referenceYear`. */
export function readDayMonthYear(day: string | undefined, month: string | undefined, year: string | undefined, referenceYear: number | null): string | null {
  const resolvedYear = year ? fullYear(year) : referenceYear;
  if (resolvedYear === null || !day || !month) return null;
  return isoDate(resolvedYear, Number(month), Number(day));
}
