/**
 * Repeating duties in the words notices use: `vào các ngày 14, 28 hàng tháng`, `trước ngày 20
 * hằng tháng`, `ngày cuối cùng của tháng`, `định kỳ hằng quý`, `trước ngày 10 của tháng cuối
 * quý`, `mỗi tháng 01 lần`. Both deadlines (a directive's recurrence) and reporting schedules
 * read them.
 */

/** One repeat rule found in a text. */
export interface Repeat {
  kind: 'monthly' | 'quarterly' | 'weekly';
  /** Days of the month (31 stands for the month's last day); `[]` for weekly rules. */
  daysOfMonth: number[];
  /** `monthly:14,28`, `before-monthly:20`, `monthly:last`, `quarterly:last-month:10`, `quarterly`, `monthly`, `weekly:fri`, `weekly`. */
  rule: string;
  /** The words the rule came from. */
  text: string;
}

const EACH = String.raw`(?:hàng|hằng|mỗi)`;
const LAST_DAY_OF_MONTH = 31;
/** Weekdays as notices write them (`thứ Hai` … `thứ Bảy`, `thứ 2` … `thứ 7`, `Chủ nhật`). */
const WEEKDAYS: Record<string, string> = { hai: 'mon', '2': 'mon', ba: 'tue', '3': 'tue', tư: 'wed', '4': 'wed', năm: 'thu', '5': 'thu', sáu: 'fri', '6': 'fri', bảy: 'sat', '7': 'sat', 'chủ nhật': 'sun' };

/** Tried in order: the more specific wording first, so `trước ngày 20 hằng tháng` is not read as plain `hằng tháng`. */
const repeatRules: { pattern: RegExp; read: (match: RegExpExecArray) => Omit<Repeat, 'text'> }[] = [
  {
    // `vào thứ Sáu hằng tuần`, `trước 16 giờ thứ Sáu hằng tuần`, `sáng thứ Hai hàng tuần`.
    pattern: new RegExp(String.raw`(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ nhật))\s+(?:${EACH}|các)\s+tuần`, 'iu'),
    read: (m) => {
      const day = WEEKDAYS[(m[1] ?? m[2])!.toLowerCase()]!;
      return { kind: 'weekly', daysOfMonth: [], rule: `weekly:${day}` };
    },
  },
  {
    pattern: new RegExp(String.raw`trước\s+ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:${EACH}\s+|của\s+(?:mỗi\s+)?)?quý`, 'iu'),
    read: (m) => ({ kind: 'quarterly', daysOfMonth: [Number(m[1])], rule: `quarterly:last-month:${Number(m[1])}` }),
  },
  {
    pattern: new RegExp(String.raw`trước\s+ngày\s+(\d{1,2})\s+(?:của\s+)?${EACH}\s+tháng`, 'iu'),
    read: (m) => ({ kind: 'monthly', daysOfMonth: [Number(m[1])], rule: `before-monthly:${Number(m[1])}` }),
  },
  {
    pattern: new RegExp(String.raw`ngày\s+(\d{1,2}(?:\s*(?:,|và|-)\s*\d{1,2})*)\s+(?:của\s+)?${EACH}\s+tháng`, 'iu'),
    read: (m) => monthlyDays(m[1]!),
  },
  {
    pattern: new RegExp(String.raw`ngày\s+cuối(?:\s+cùng)?\s+(?:của\s+)?(?:${EACH}\s+)?tháng|cuối\s+${EACH}\s+tháng`, 'iu'),
    read: () => ({ kind: 'monthly', daysOfMonth: [LAST_DAY_OF_MONTH], rule: 'monthly:last' }),
  },
  {
    // `2 lần/tháng vào các ngày 14, 28`: the days without `hằng tháng` after them.
    pattern: /\d\s+lần\s*\/\s*tháng[^.;]{0,30}?ngày\s+(\d{1,2}(?:\s*(?:,|và)\s*\d{1,2})+)/iu,
    read: (m) => monthlyDays(m[1]!),
  },
  {
    pattern: new RegExp(String.raw`(?:định\s+kỳ\s+)?${EACH}\s+quý|định\s+kỳ\s+quý`, 'iu'),
    read: () => ({ kind: 'quarterly', daysOfMonth: [], rule: 'quarterly' }),
  },
  {
    pattern: new RegExp(String.raw`${EACH}\s+tuần|định\s+kỳ\s+tuần`, 'iu'),
    read: () => ({ kind: 'weekly', daysOfMonth: [], rule: 'weekly' }),
  },
  {
    pattern: new RegExp(String.raw`mỗi\s+tháng\s+0?1\s+lần|0?1\s+lần\s*\/\s*tháng|(?:định\s+kỳ\s+)?${EACH}\s+tháng`, 'iu'),
    read: () => ({ kind: 'monthly', daysOfMonth: [], rule: 'monthly' }),
  },
];

/** A word every repeat rule contains (same flags as the rules, so no match is turned away). */
const namesAPeriod = /tuần|tháng|quý/iu;

/**
 * Whether `text` may hold a repeat: every rule names its period (`tuần`, `tháng`, `quý`), and
 * most texts name none, so one test spares the nine rules, in this text and in any part of it.
 */
export function mayRepeat(text: string): boolean {
  return namesAPeriod.test(text);
}

/** `14, 28`, `15 và 30` → a monthly rule on those days. */
function monthlyDays(list: string): Omit<Repeat, 'text'> {
  const days = [...new Set(list.split(/\s*(?:,|và|-)\s*/u).map(Number))].filter((d) => d >= 1 && d <= 31).sort((a, b) => a - b);
  return { kind: 'monthly', daysOfMonth: days, rule: `monthly:${days.join(',')}` };
}

/** The first repeat rule in `text`, or null. */
export function findRepeat(text: string): Repeat | null {
  if (!mayRepeat(text)) return null;
  for (const { pattern, read } of repeatRules) {
    const match = pattern.exec(text);
    if (match) return { ...read(match), text: match[0] };
  }
  return null;
}
