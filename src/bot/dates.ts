import { formatDdMmYyyy } from '../domain/local-date.js';
import { localDateOf, localDateTimeOf } from '../domain/zoned-time.js';

/** Deadlines without an hour fall due at the end of the working day. */
export const defaultDueTime = { hour: 17, minute: 0 } as const;

/** An instant as users read it: dd/mm/yyyy in the office's time zone. */
export function formatDate(instant: Date, timeZone: string): string {
  return formatDdMmYyyy(localDateOf(instant, timeZone));
}

/** An instant as `HH:mm dd/mm/yyyy` in the office's time zone. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const { hour, minute } = localDateTimeOf(instant, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${formatDate(instant, timeZone)}`;
}

/** `14/12/2020 09:30` in the given zone: date first, as a record of when something happened reads. */
export function formatDateThenTime(instant: Date, timeZone: string): string {
  const { hour, minute } = localDateTimeOf(instant, timeZone);
  return `${formatDate(instant, timeZone)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
