/**
 * `dondoc parse FILE [--json]`: reads a notice file (.txt, .docx, .pdf) and prints what the
 * parser found, as a table a secretary can check or as the JSON of DESIGN.md section 7.
 * A file the intake refuses (unreadable, or past the limits of `NOTICE_LIMITS`) gives one
 * Vietnamese line and exit code 2.
 */
import path from 'node:path';
import { UsageError } from './usage-error.js';
import { parseNoticeFile } from './notice-input.js';
import { renderTable, truncate } from './text-table.js';
import { NoticeFileError, type ParsedNotice } from '../parser/index.js';
import { formatDdMmYyyy, parseIsoDate } from '../domain/local-date.js';

const TASK_COLUMN = 48;
const UNIT_COLUMN = 28;

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  const unknown = files.find((arg) => arg.startsWith('-'));
  if (unknown) throw new UsageError(`parse: unknown option ${unknown}; usage: dondoc parse FILE [--json]`);
  if (files.length !== 1) throw new UsageError('parse: usage: dondoc parse FILE [--json]');
  const file = files[0]!;
  let parsed: ParsedNotice;
  try {
    parsed = await parseNoticeFile(file);
  } catch (error) {
    if (!(error instanceof NoticeFileError)) throw error;
    console.error(`dondoc parse: ${path.basename(file)}: ${error.message}`);
    return 2;
  }
  console.log(json ? JSON.stringify(parsed, null, 2) : renderSummary(parsed));
  return 0;
}

/** The readable form: metadata lines, the directives table, then schedules and warnings. */
export function renderSummary(parsed: ParsedNotice): string {
  const { notice } = parsed;
  const lines = [
    `Số: ${notice.number ?? '(chưa có số)'}`,
    `Cơ quan ban hành: ${notice.issuer ?? '(không rõ)'}`,
    `Ngày ban hành: ${formatDate(notice.issuedOn) ?? '(để trống)'}`,
    `Ngày họp: ${formatDate(notice.meetingOn) ?? '(không rõ)'}`,
    `Trích yếu: ${notice.title ?? '(không rõ)'}`,
    `Người ký: ${notice.signer ?? '(không rõ)'}`,
    `Nơi nhận: ${notice.recipients.length > 0 ? notice.recipients.join('; ') : '(không có)'}`,
    ...(notice.locality ? [`Địa bàn: ${notice.locality}`] : []),
    '',
    `Nhiệm vụ (${parsed.directives.length}):`,
    renderTable(
      ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn'],
      parsed.directives.map((d) => [
        d.ordinal,
        truncate(d.text.replace(/\s+/g, ' '), TASK_COLUMN),
        // A person named as the lead shows beside the units (`đ/c Lê Phú Quốc`).
        truncate([...d.lead, ...(d.persons ?? []).map((name) => `đ/c ${name}`)].join('; ') + (d.leadSource === 'addressee' ? ' (*)' : ''), UNIT_COLUMN),
        truncate(d.support.join('; '), UNIT_COLUMN),
        dueLabel(d),
      ]),
    ),
  ];
  if (parsed.directives.some((d) => d.leadSource === 'addressee')) lines.push('(*) đơn vị được đề nghị chung trong thông báo, văn bản không nêu riêng.');
  if (parsed.schedules.length > 0) {
    lines.push('', 'Chế độ báo cáo:');
    for (const s of parsed.schedules) {
      const who = s.reporters.join('; ') || '(không rõ)';
      const days = s.daysOfMonth.length > 0 ? `ngày ${s.daysOfMonth.join(', ')} hằng tháng` : s.rule;
      lines.push(`- ${s.kind === 'consolidate' ? 'Tổng hợp' : 'Báo cáo'}: ${who}${s.recipient ? ` → ${s.recipient}` : ''}, ${days}`);
    }
  }
  if (parsed.warnings.length > 0) lines.push('', 'Cần kiểm tra:', ...parsed.warnings.map((w) => `- ${w}`));
  return lines.join('\n');
}

function dueLabel(d: ParsedNotice['directives'][number]): string {
  if (d.due) return `${formatDate(d.due)}${d.dueTime ? ` ${d.dueTime}` : ''}${d.dueKind === 'immediate' ? ' (ngay)' : ''}`;
  if (d.dueKind === 'recurring') return 'định kỳ';
  return d.dueText ?? '';
}

function formatDate(iso: string | null): string | null {
  return iso ? formatDdMmYyyy(parseIsoDate(iso)) : null;
}
