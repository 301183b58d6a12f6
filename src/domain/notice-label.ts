/**
 * How a notice is named wherever people read about it: chat, reminders, the dashboard and the
 * exports. Its number when it has one; otherwise its date and the locality it concerns, which
 * is how an official tells one unnumbered conclusion from another. Never its full title: a
 * 150-character title repeated on every line hides what the line says.
 */
import { formatDdMmYyyy } from './local-date.js';
import { localDateOf } from './zoned-time.js';
import { cutAtWord } from './short-text.js';

/** What naming a notice reads of it. `locality` is the parser's (`xã Bình Sơn`), when stored. */
export interface NoticeIdentity {
  number: string | null;
  issuedOn: Date | null;
  meetingOn: Date | null;
  title: string | null;
  locality?: string | null;
}

/** `short` for chat and tables ("TB số 12/TB-BCĐ"); `formal` spells the words out for documents ("Thông báo số 12/TB-BCĐ"). */
export type NoticeLabelStyle = 'short' | 'formal';

const WORDS = {
  vi: { short: { numbered: 'TB số', unnumbered: 'TB kết luận', on: 'ngày' }, formal: { numbered: 'Thông báo số', unnumbered: 'Thông báo kết luận', on: 'ngày' } },
  en: { short: { numbered: 'Notice No.', unnumbered: 'Conclusion notice', on: 'of' }, formal: { numbered: 'Notice No.', unnumbered: 'Conclusion notice', on: 'of' } },
} as const;

/** A locality named in a title: `làm việc với xã Bình Sơn`, `tại phường 5`. Capitalised syllables or a number, at most four. */
const PLACE_IN_TITLE = /(?<!\p{L})(xã|phường|thị trấn|đặc khu|thị xã|huyện|quận|thành phố)\s+((?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,2})(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/u;
/** How much of a title stands for a notice that has neither number, date nor locality. */
const TITLE_CHARS = 60;

/**
 * The notice's short name: `TB số 123/TB-UBND` when numbered; otherwise `TB kết luận ngày
 * 17/11/2020 (xã Bình Sơn)`, dated by the meeting (a conclusion is known by the session it
 * concludes) or else the notice's date. A notice with none of these is named by the start of
 * its title. `timeZone` is the zone the dates are calendar dates in: the store keeps a notice's
 * dates at UTC midnight, hence the default.
 *
 * ```ts
 * shortNoticeTitle({ number: null, issuedOn: null, meetingOn, title: 'Kết luận … làm việc với xã Bình Sơn' }, 'vi');
 * // 'TB kết luận ngày 17/11/2020 (xã Bình Sơn)'
 * ```
 */
export function shortNoticeTitle(notice: NoticeIdentity, locale: string, timeZone = 'UTC', style: NoticeLabelStyle = 'short'): string {
  const words = WORDS[locale === 'en' ? 'en' : 'vi'][style];
  const number = notice.number?.trim();
  if (number) return `${words.numbered} ${number}`;
  const date = notice.meetingOn ?? notice.issuedOn;
  const locality = notice.locality?.trim() || localityInTitle(notice.title);
  const parts: string[] = [words.unnumbered];
  if (date) parts.push(`${words.on} ${formatDdMmYyyy(localDateOf(date, timeZone))}`);
  if (locality) parts.push(`(${locality})`);
  if (parts.length === 1 && notice.title?.trim()) parts.push(`— ${cutAtWord(notice.title.trim(), TITLE_CHARS)}`);
  return parts.join(' ');
}

function localityInTitle(title: string | null): string | null {
  const match = title ? PLACE_IN_TITLE.exec(title.normalize('NFC')) : null;
  return match ? `${match[1]} ${match[2]}` : null;
}
