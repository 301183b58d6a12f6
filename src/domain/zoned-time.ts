import { dateParts, localDate, type LocalDate } from './local-date.js';

/** The zone every office in Vietnam lives in (UTC+7 all year, no daylight saving). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A wall-clock reading in some zone: the date plus hour (0–23), minute and second. */
export interface LocalDateTime {
  readonly date: LocalDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * What a clock on the wall in `zone` shows at `instant`.
 * Uses `Intl` with an explicit zone, never the host's `TZ`, so a server in UTC or New York
 * plans the same Vietnamese days as one in Hà Nội. An unknown zone throws a `RangeError`.
 */
export function localDateTimeOf(instant: Date, zone: string = VIETNAM_TIME_ZONE): LocalDateTime {
  const parts = new Map(formatterFor(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  const read = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.get(type));
  return {
    date: localDate(read('year'), read('month'), read('day')),
    hour: read('hour'),
    minute: read('minute'),
    second: read('second'),
  };
}

/** The calendar date in `zone` at `instant`: which day "today" is for the office. */
export function localDateOf(instant: Date, zone: string = VIETNAM_TIME_ZONE): LocalDate {
  return localDateTimeOf(instant, zone).date;
}

/**
 * The instant when the wall clock in `zone` shows `hour:minute` on `date` (e.g. 08:00 on a
 * reporting day).
 *
 * Vietnam has no daylight saving, but an office may pass any IANA zone, so the two awkward cases
 * are settled the way `Temporal`'s "compatible" option does: a time skipped by a spring-forward
 * gap is pushed later by the gap's length, and a time repeated by a fall-back takes the earlier one.
 */
export function instantAt(date: LocalDate, hour: number, minute: number, zone: string = VIETNAM_TIME_ZONE): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`not a time of day: ${hour}:${minute}`);
  }
  const { year, month, day } = dateParts(date);
  // The wall time read as if it were UTC; the real instant is this minus the zone's offset.
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // No zone changes its offset twice within two days, so the offsets a day either side are
  // the only candidates.
  const before = offsetMs(new Date(asUtc - 86_400_000), zone);
  const after = offsetMs(new Date(asUtc + 86_400_000), zone);
  const fits = [asUtc - before, asUtc - after].filter((candidate) => candidate + offsetMs(new Date(candidate), zone) === asUtc);
  if (fits.length > 0) return new Date(Math.min(...fits));
  // In a gap: keep the offset from before the jump, which lands the same distance past it.
  return new Date(asUtc - before);
}

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, zone: string): number {
  const wall = localDateTimeOf(instant, zone);
  const { year, month, day } = dateParts(wall.date);
  const wallAsUtc = Date.UTC(year, month - 1, day, wall.hour, wall.minute, wall.second);
  // The formatter drops milliseconds, so compare against the instant truncated to the second.
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

// Building an Intl.DateTimeFormat is far slower than using one, and the planner asks often.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}
