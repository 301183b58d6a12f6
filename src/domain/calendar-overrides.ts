import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { daysBetween, isIsoDate, type LocalDate } from './local-date.js';
import { HOLIDAYS } from './holidays.js';
import { projectFile } from '../project-files.js';

/**
 * What the government (or an office) announced for particular years, on top of the rules in
 * code. Each year has three lists:
 * - `breaks`: the announced span of a holiday ("nghỉ Tết từ thứ Năm 08/02 đến hết thứ Tư 14/02").
 *   It replaces that holiday's statutory days and their nghỉ bù for the year: every day in it is off.
 * - `daysOff`: single extra days off, such as the weekday swapped away in a hoán đổi ngày làm việc,
 *   or an office's local day.
 * - `workingDays`: days that are working days whatever the rules say: the Saturday of a làm bù.
 */
export type CalendarOverrides = z.infer<typeof calendarOverridesSchema>;

/** One year's announcements; see {@link CalendarOverrides}. */
export type YearOverrides = z.infer<typeof yearSchema>;

const isoDate = z.string().refine(isIsoDate, 'a date written YYYY-MM-DD').transform((text) => text as LocalDate);

// The longest Tết break so far has been 9 days; a longer span is far more likely a typo.
const LONGEST_BREAK_DAYS = 16;

const breakSchema = z
  .object({
    holiday: z.enum(HOLIDAYS),
    from: isoDate,
    to: isoDate,
    note: z.string().optional(),
  })
  .strict()
  .refine(({ from, to }) => from <= to && daysBetween(from, to) < LONGEST_BREAK_DAYS, {
    message: `from must not be after to, and a break lasts at most ${LONGEST_BREAK_DAYS} days`,
  });

const yearSchema = z
  .object({
    breaks: z.array(breakSchema).default([]),
    daysOff: z.array(z.object({ date: isoDate, name: z.string().trim().min(1) }).strict()).default([]),
    workingDays: z.array(z.object({ date: isoDate, note: z.string().optional() }).strict()).default([]),
  })
  .strict()
  .superRefine((year, context) => {
    const holidays = year.breaks.map((announced) => announced.holiday);
    if (new Set(holidays).size !== holidays.length) {
      context.addIssue({ code: 'custom', message: 'a holiday has at most one break per year', path: ['breaks'] });
    }
    const off = new Set(year.daysOff.map((day) => day.date));
    for (const [index, day] of year.workingDays.entries()) {
      if (off.has(day.date)) {
        context.addIssue({ code: 'custom', message: `${day.date} is both a day off and a working day`, path: ['workingDays', index] });
      }
    }
  });

/** The zod schema of `config/calendar-overrides.json` (and of an office's own overrides). */
export const calendarOverridesSchema = z
  .object({
    $comment: z.string().optional(),
    years: z.record(z.string().regex(/^\d{4}$/, 'a four-digit year'), yearSchema),
  })
  .strict()
  .superRefine(({ years }, context) => {
    // Every date must sit under its own year, which is how the calendar looks them up.
    for (const [year, announced] of Object.entries(years)) {
      const dates = [
        ...announced.breaks.flatMap((span) => [span.from, span.to]),
        ...announced.daysOff.map((day) => day.date),
        ...announced.workingDays.map((day) => day.date),
      ];
      for (const date of dates.filter((date) => !date.startsWith(`${year}-`))) {
        context.addIssue({ code: 'custom', message: `${date} is not in ${year}`, path: ['years', year] });
      }
    }
  });

/** No announcements: the calendar follows the rules in code alone. */
export const NO_OVERRIDES: CalendarOverrides = { years: {} };

/** Validates overrides already parsed from JSON; throws zod's error, which names each bad field. */
export function parseCalendarOverrides(json: unknown): CalendarOverrides {
  return calendarOverridesSchema.parse(json);
}

/** Where the national announcements are kept. */
export const DEFAULT_OVERRIDES_FILE = projectFile('config/calendar-overrides.json');

/**
 * Reads and validates an overrides file: the national one by default, or an office's own.
 *
 * ```ts
 * const calendar = createWorkingCalendar(await loadCalendarOverrides(), officeOverrides);
 * ```
 */
export async function loadCalendarOverrides(file: URL | string = DEFAULT_OVERRIDES_FILE): Promise<CalendarOverrides> {
  return parseCalendarOverrides(JSON.parse(await readFile(file, 'utf8')));
}
