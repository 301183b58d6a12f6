/**
 * The argument schemas of the commands that take arguments. Each schema reads the raw text
 * after the command; a failure's message is a key of the `args-*` messages in `locales/`.
 */
import { z } from 'zod';
import { parseStateWords } from '../src/domain/task-state.js';
import { parseDdMmYyyy } from '../src/domain/local-date.js';
import type { UnitKind } from '../src/domain/routing/index.js';
import { foldVietnamese } from '../src/domain/vietnamese-text.js';

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);

/** `/join MÃ Tên đơn vị` */
export const joinArgs = z.string().transform((text, ctx) => {
  const [code, ...name] = words(text);
  if (!code || name.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'args-join' });
    return z.NEVER;
  }
  return { code: code.toUpperCase(), unitName: name.join(' ') };
});

/** The words `/unit kind SỐ …` takes for each unit kind (Vietnamese, diacritics optional). */
const kindWords = {
  xa: 'commune',
  phong: 'department',
  doanthe: 'mass-org',
  truong: 'school',
  khac: 'other',
} as const satisfies Record<string, UnitKind>;

/** `/unit rename|alias|remove SỐ nội dung`, or `/unit kind SỐ xa|phong|doanthe|truong|khac`. */
export const unitArgs = z.string().transform((text, ctx) => {
  const [action, index, ...rest] = words(text);
  const number = Number(index);
  const kindWord = foldVietnamese(rest.join('')).replace(/[^a-z]/g, '') as keyof typeof kindWords;
  const valid =
    (action === 'rename' || action === 'alias' || action === 'remove' || action === 'kind') &&
    Number.isInteger(number) &&
    number > 0 &&
    (action === 'remove' || rest.length > 0) &&
    (action !== 'kind' || kindWord in kindWords);
  if (!valid) {
    ctx.addIssue({ code: 'custom', message: 'args-unit' });
    return z.NEVER;
  }
  return {
    action: action as 'rename' | 'alias' | 'remove' | 'kind',
    index: number,
    text: rest.join(' '),
    kind: action === 'kind' ? kindWords[kindWord] : null,
  };
});

const roles = { secretary: 'SECRETARY', thuky: 'SECRETARY', leader: 'LEADER', lanhdao: 'LEADER', official: 'OFFICIAL', canbo: 'OFFICIAL' } as const;

/**
 * `/role @tên secretary|leader|official` (Vietnamese words thuky, lanhdao, canbo work too). The
 * person may instead be named by replying to their message or by a mention that carries them
 * (no @username): `username` is then null and the handler reads them from the message.
 */
export const roleArgs = z.string().transform((text, ctx) => {
  const parts = words(text);
  const roleWord = parts.find((part) => part.toLowerCase() in roles)?.toLowerCase() as keyof typeof roles | undefined;
  const username = parts.find((part) => part.startsWith('@'))?.slice(1) ?? null;
  if (!roleWord) {
    ctx.addIssue({ code: 'custom', message: 'args-role' });
    return z.NEVER;
  }
  return { username, role: roles[roleWord] };
});

const ordinal = z.string().regex(/^[0-9IVXivx]+([.][0-9a-zđA-Z]+)*$/);

/** `/assign SỐ Đơn vị chủ trì, …; phối hợp: Đơn vị A, Đơn vị B` */
export const assignArgs = z.string().transform((text, ctx) => {
  const match = /^\s*(\S+)\s+(.+)$/s.exec(text);
  const parsedOrdinal = ordinal.safeParse(match?.[1]?.replace(/[.)]$/, ''));
  if (!match || !parsedOrdinal.success) {
    ctx.addIssue({ code: 'custom', message: 'args-assign' });
    return z.NEVER;
  }
  const [leadPart = '', supportPart = ''] = match[2]!.split(/;?\s*(?:phối hợp|phoi hop|support)\s*:/i);
  const list = (part: string) => part.split(/[,;]/).map((name) => name.trim()).filter(Boolean);
  const lead = list(leadPart);
  if (lead.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'args-assign' });
    return z.NEVER;
  }
  return { ordinal: parsedOrdinal.data, lead, support: list(supportPart) };
});

/** `/due SỐ dd/mm/yyyy` */
export const dueArgs = z.string().transform((text, ctx) => {
  const [rawOrdinal, date] = words(text);
  const parsedOrdinal = ordinal.safeParse(rawOrdinal?.replace(/[.)]$/, ''));
  const iso = date ? parseDdMmYyyy(date) : null;
  if (!parsedOrdinal.success || !iso) {
    ctx.addIssue({ code: 'custom', message: 'args-due' });
    return z.NEVER;
  }
  return { ordinal: parsedOrdinal.data, due: iso };
});

/** `/status` alone lists; `/status SỐ xong|đang|vướng ghi chú` records. */
export const statusArgs = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\S+)\s+(.+)$/s.exec(trimmed);
  const parsedOrdinal = ordinal.safeParse(match?.[1]?.replace(/[.)]$/, ''));
  const stateAndNote = match ? parseStateWords(match[2]!) : null;
  if (!parsedOrdinal.success || !stateAndNote) {
    ctx.addIssue({ code: 'custom', message: 'args-status' });
    return z.NEVER;
  }
  return { ordinal: parsedOrdinal.data, ...stateAndNote };
});

const switchWords = { on: 'on', bat: 'on', off: 'off', tat: 'off', allow: 'allow', chophep: 'allow', forbid: 'forbid', cam: 'forbid' } as const;

/** `/remind` alone shows the setting; `/remind on|off` in a unit group, `/remind allow|forbid` in the office group (bat, tat, chophep, cam work too). */
export const remindArgs = z.string().transform((text, ctx) => {
  const word = text.trim().toLowerCase();
  if (word === '') return null;
  if (!(word in switchWords)) {
    ctx.addIssue({ code: 'custom', message: 'args-remind' });
    return z.NEVER;
  }
  return switchWords[word as keyof typeof switchWords];
});

const clockTime = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * `/schedule` alone shows the office's reminder settings; with arguments it changes one:
 * `report 14,28` · `consolidate 15,30` · `time 08:00` · `quiet 21:00-07:00` · `move previous|next` · `escalate 2 5`.
 */
export const scheduleArgs = z.string().transform((text, ctx) => {
  const [setting, ...rest] = words(text.toLowerCase());
  if (setting === undefined) return null;
  const value = rest.join(' ');
  const fail = () => {
    ctx.addIssue({ code: 'custom', message: 'args-schedule' });
    return z.NEVER;
  };
  if (setting === 'report' || setting === 'consolidate') {
    const days = value.split(/[\s,;]+/).filter(Boolean).map(Number);
    if (days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 31)) return fail();
    return { setting, days: [...new Set(days)].sort((a, b) => a - b) } as const;
  }
  if (setting === 'time') {
    const match = clockTime.exec(value);
    return match ? ({ setting, minute: Number(match[1]) * 60 + Number(match[2]) } as const) : fail();
  }
  if (setting === 'quiet') {
    const [start = '', end = ''] = value.split('-').map((part) => part.trim());
    if (!clockTime.test(start) || !clockTime.test(end)) return fail();
    const pad = (time: string) => time.padStart(5, '0');
    return { setting, start: pad(start), end: pad(end) } as const;
  }
  if (setting === 'move' && (value === 'previous' || value === 'next')) return { setting, direction: value } as const;
  if (setting === 'escalate') {
    const [office, leader] = rest.map(Number);
    if (!Number.isInteger(office) || !Number.isInteger(leader) || office! < 1 || leader! < office!) return fail();
    return { setting, office: office!, leader: leader! } as const;
  }
  return fail();
});

/** `/extend SỐ dd/mm/yyyy lý do` */
export const extendArgs = z.string().transform((text, ctx) => {
  const [rawOrdinal, date, ...reason] = words(text);
  const parsedOrdinal = ordinal.safeParse(rawOrdinal?.replace(/[.)]$/, ''));
  const iso = date ? parseDdMmYyyy(date) : null;
  if (!parsedOrdinal.success || !iso || reason.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'args-extend' });
    return z.NEVER;
  }
  return { ordinal: parsedOrdinal.data, due: iso, reason: reason.join(' ') };
});

/** The files `/export` makes. */
export type ExportFormat = 'xlsx' | 'docx' | 'png';

/** `/export [số thông báo] [xlsx|docx|png]`, in either order; the format defaults to .xlsx. */
export const exportArgs = z.string().transform((text, ctx) => {
  const parts = words(text);
  const formats = parts.filter((part) => /^\.?(xlsx|docx|png)$/i.test(part));
  const numbers = parts.filter((part) => !formats.includes(part));
  if (formats.length > 1 || numbers.length > 1) {
    ctx.addIssue({ code: 'custom', message: 'args-export' });
    return z.NEVER;
  }
  return { number: numbers[0] ?? null, format: (formats[0]?.replace('.', '').toLowerCase() ?? 'xlsx') as ExportFormat };
});
