/**
 * Deadlines counted from an event: `trong vòng 15 ngày kể từ ngày ký`, `chậm nhất 10 ngày sau
 * cuộc họp`, `trong thời hạn 07 ngày làm việc`. Signing counts from the notice's date, a meeting
 * from the meeting's; each falls back to the other when the notice leaves it blank.
 */
import { addDays, dayOfWeek, parseIsoDate } from '../domain/local-date.js';

/** The dates a notice's deadlines are read against. */
export interface DeadlineReference {
  issuedOn: string | null;
  meetingOn: string | null;
  /** A date to use when the notice gives neither (the day the secretary sent it). */
  fallback?: string | null;
}

/** A relative deadline found in a text. */
export interface RelativeDeadline {
  due: string | null;
  text: string;
  at: number;
}

const relativePattern =
  /(?:trong\s+(?:vòng|thời hạn|thời gian|khoảng)|chậm nhất(?:\s+là)?|không quá|sau|trước|tối đa)\s+(\d{1,3})\s+ngày(\s+làm\s+việc)?(?:\s*,?\s*(?:kể\s+)?(?:từ|sau)\s*(?:khi|ngày)?\s*(ký|ban hành|nhận được|cuộc họp|buổi làm việc|hội nghị|phiên họp|họp|kể)?)?/giu;

/** The relative deadlines of a text, resolved to dates when the reference allows. */
export function relativeDeadlines(text: string, reference: DeadlineReference): RelativeDeadline[] {
  if (!/\d\s+ngày/u.test(text)) return [];
  const found: RelativeDeadline[] = [];
  for (const m of text.matchAll(relativePattern)) {
    const days = Number(m[1]);
    // `sau cuộc họp`, `sau hội nghị` count from the meeting; signing, receipt or nothing said count from the notice's date.
    const fromMeeting = m[3] !== undefined && /họp|hội nghị|làm việc/u.test(m[3]);
    const base = fromMeeting ? (reference.meetingOn ?? reference.issuedOn ?? reference.fallback ?? null) : (reference.issuedOn ?? reference.meetingOn ?? reference.fallback ?? null);
    const due = base && days > 0 ? (m[2] ? addWorkingDays(base, days) : addDays(parseIsoDate(base), days)) : null;
    found.push({ due, text: m[0].trim(), at: m.index });
  }
  return found;
}

/** `N ngày làm việc`: Saturdays and Sundays do not count. */
function addWorkingDays(base: string, days: number): string {
  let date = parseIsoDate(base);
  for (let left = days; left > 0; ) {
    date = addDays(date, 1);
    const weekday = dayOfWeek(date);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}
