/**
 * Repeating duties in the words notices use: `vào các ngày 14, 28 hàng tháng`, `trước ngày 20
 * hằng tháng`, `ngày cuối cùng của tháng`, `định kỳ hằng quý`, `trước ngày 10 của tháng cuối
 * quý`, `mỗi tháng 01 lần`. Both deadlines (a directive's recurrence) and reporting schedules
 * read them.
 */

/** One repeat rule found in a text. */
export interface Repeat {
  kind: 'monthly' | 'quarterly';
  /** Days of the month (31 stands for the month's last day). */
  daysOfMonth: number[];
  /** `monthly:14,28`, `before-monthly:20`, `monthly:last`, `quarterly:last-month:10`, `quarterly`, `monthly`. */
  rule: string;
  /** The words the rule came from. */
  text: string;
}

const EACH = String.raw`(?:hàng|hằng|mỗi)`;
const LAST_DAY_OF_MONTH = 31;

/** Tried in order: the more specific wording first, so `trước ngày 20 hằng tháng` is not read as plain `hằng tháng`. */
const repeatRules: { pattern: RegExp; read: (match: RegExpExecArray) => Omit<Repeat, 'text'> }[] = [
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
    read: (m) => {
      const days = [...new Set(m[1]!.split(/\s*(?:,|và|-)\s*/u).map(Number))].filter((d) => d >= 1 && d <= 31).sort((a, b) => a - b);
      return { kind: 'monthly', daysOfMonth: days, rule: `monthly:${days.join(',')}` };
    },
  },
  {
    pattern: new RegExp(String.raw`ngày\s+cuối(?:\s+cùng)?\s+(?:của\s+)?(?:${EACH}\s+)?tháng|cuối\s+${EACH}\s+tháng`, 'iu'),
    read: () => ({ kind: 'monthly', daysOfMonth: [LAST_DAY_OF_MONTH], rule: 'monthly:last' }),
  },
  {
    pattern: new RegExp(String.raw`(?:định\s+kỳ\s+)?${EACH}\s+quý|định\s+kỳ\s+quý`, 'iu'),
    read: () => ({ kind: 'quarterly', daysOfMonth: [], rule: 'quarterly' }),
  },
  {
    pattern: new RegExp(String.raw`mỗi\s+tháng\s+0?1\s+lần|0?1\s+lần\s*\/\s*tháng|(?:định\s+kỳ\s+)?${EACH}\s+tháng`, 'iu'),
    read: () => ({ kind: 'monthly', daysOfMonth: [], rule: 'monthly' }),
  },
];

/** The first repeat rule in `text`, or null. */
export function findRepeat(text: string): Repeat | null {
  for (const { pattern, read } of repeatRules) {
    const match = pattern.exec(text);
    if (match) return { ...read(match), text: match[0] };
  }
  return null;
}
