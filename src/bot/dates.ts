/**
 * Dates as users see them: dd/mm/yyyy in the office's time zone. Stored deadlines are
 * instants; notices' calendar dates (issued, meeting) are stored at UTC midnight.
 */

const isoFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone, independent of the host's zone. */
export function isoDateIn(instant: Date, timeZone: string): string {
  let formatter = isoFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/** `2020-11-30` → `30/11/2020`. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** An instant as dd/mm/yyyy in the zone. */
export function formatDate(instant: Date, timeZone: string): string {
  return formatIsoDate(isoDateIn(instant, timeZone));
}

/** An instant as `HH:mm dd/mm/yyyy` in the zone. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${time} ${formatDate(instant, timeZone)}`;
}

/**
 * The instant of a local wall-clock time in a zone. Works for any zone by measuring the zone's
 * offset at that moment, rather than trusting the host's zone.
 */
export function instantAt(isoDate: string, time: string, timeZone: string): Date {
  const guess = new Date(`${isoDate}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(guess);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (asIfUtc - guess.getTime()));
}

/** Reads `30/11/2020` or `5/9/2024` into `2020-11-30`; null for anything else or an impossible date. */
export function parseDdMmYyyy(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
