import { addDays } from './local-date.js';
import { instantAt, localDateTimeOf, VIETNAM_TIME_ZONE } from './zoned-time.js';

/**
 * The hours of the night when the bot stays silent, as `HH:MM` wall-clock times in the office's
 * zone. `start` is included and `end` is not; a window with `start` later than `end` crosses
 * midnight (21:00–07:00). Equal times mean no quiet hours.
 */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

/** Whether `instant` falls inside the quiet hours, read on the wall clock of `zone`. */
export function isQuietTime(instant: Date, quiet: QuietHours, zone: string = VIETNAM_TIME_ZONE): boolean {
  const { hour, minute } = localDateTimeOf(instant, zone);
  const now = hour * 60 + minute;
  const [start, end] = [minutesOf(quiet.start), minutesOf(quiet.end)];
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The earliest moment at or after `instant` when a message may go out: `instant` itself outside
 * the quiet hours, otherwise the instant the quiet hours end (07:00 the next morning for a
 * reminder planned at 22:15).
 */
export function nextAllowedTime(instant: Date, quiet: QuietHours, zone: string = VIETNAM_TIME_ZONE): Date {
  if (!isQuietTime(instant, quiet, zone)) return instant;
  const { date, hour, minute } = localDateTimeOf(instant, zone);
  const end = minutesOf(quiet.end);
  // Quiet before midnight in a window that crosses it ends tomorrow; otherwise it ends today.
  const endDate = hour * 60 + minute >= end ? addDays(date, 1) : date;
  return instantAt(endDate, Math.floor(end / 60), end % 60, zone);
}

function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (match === null) throw new RangeError(`not a time HH:MM: ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
