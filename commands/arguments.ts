/**
 * The argument schemas of the commands that take arguments. Each schema reads the raw text
 * after the command; a failure's message is a key of the `args-*` messages in `locales/`.
 */
import { z } from 'zod';
import { parseStateWords } from '../src/domain/task-state.js';
import { parseDdMmYyyy } from '../src/domain/local-date.js';

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

/** `/unit rename|alias|remove SỐ nội dung` */
export const unitArgs = z.string().transform((text, ctx) => {
  const [action, index, ...rest] = words(text);
  const number = Number(index);
  const valid =
    (action === 'rename' || action === 'alias' || action === 'remove') &&
    Number.isInteger(number) &&
    number > 0 &&
    (action === 'remove' || rest.length > 0);
  if (!valid) {
    ctx.addIssue({ code: 'custom', message: 'args-unit' });
    return z.NEVER;
  }
  return { action: action as 'rename' | 'alias' | 'remove', index: number, text: rest.join(' ') };
});

const roles = { secretary: 'SECRETARY', thuky: 'SECRETARY', leader: 'LEADER', lanhdao: 'LEADER', official: 'OFFICIAL', canbo: 'OFFICIAL' } as const;

/** `/role @tên secretary|leader|official` (Vietnamese words thuky, lanhdao, canbo work too). */
export const roleArgs = z.string().transform((text, ctx) => {
  const parts = words(text);
  const roleWord = parts.find((part) => part.toLowerCase() in roles)?.toLowerCase() as keyof typeof roles | undefined;
  const username = parts.find((part) => part.startsWith('@'))?.slice(1) ?? null;
  if (!roleWord || !username) {
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
