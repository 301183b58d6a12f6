import { formatDdMmYyyy, type LocalDate } from '../domain/local-date.js';
import type { Translate } from '../i18n.js';
import type { Button } from '../messaging/port.js';
import type { LoadedNotice } from '../store/notices.js';
import { formatDate } from './dates.js';
import { escapeHtml } from './html.js';

/** The longest directive text shown in a preview; the full text goes out on publishing. */
const previewTextLength = 280;

/**
 * The preview a secretary checks before publishing: number and date, each directive with its
 * units (unmatched ones flagged), deadline as dd/mm/yyyy, the schedules and the parser's
 * warnings. One directive per block of lines so that splitting at 4096 never cuts a tag.
 */
export function renderPreview(notice: LoadedNotice, t: Translate, timeZone: string): string {
  const lines = [
    t('preview-header', {
      number: notice.number ?? t('preview-no-number'),
      date: notice.issuedOn ? formatDdMmYyyy(notice.issuedOn.toISOString().slice(0, 10) as LocalDate) : t('preview-no-date'),
    }),
  ];
  if (notice.title) lines.push(`<i>${escapeHtml(notice.title)}</i>`);
  if (notice.meetingOn) lines.push(t('preview-meeting', { date: formatDdMmYyyy(notice.meetingOn.toISOString().slice(0, 10) as LocalDate) }));
  if (notice.signer) lines.push(t('preview-signer', { signer: notice.signer }));
  lines.push('', t('preview-directives', { count: notice.directives.length }));

  for (const directive of notice.directives) {
    const text = directive.text.length > previewTextLength ? `${directive.text.slice(0, previewTextLength)}…` : directive.text;
    lines.push('', `<b>${escapeHtml(directive.ordinal)}.</b> ${escapeHtml(text)}`);
    const lead = directive.assignments.filter((a) => a.role === 'LEAD').map((a) => a.unit.name);
    const support = directive.assignments.filter((a) => a.role === 'SUPPORT').map((a) => a.unit.name);
    lines.push(t('preview-lead', { units: lead.join(', ') || '—' }));
    if (support.length > 0) lines.push(t('preview-support', { units: support.join(', ') }));
    const unmatched = directive.unmatched as string[];
    if (unmatched.length > 0) lines.push(t('preview-unmatched', { units: unmatched.join('; ') }));
    if (lead.length === 0 && support.length === 0) lines.push(t('preview-unrouted'));
    lines.push(
      directive.dueAt
        ? t('preview-due', { date: formatDate(directive.dueAt, timeZone), words: directive.dueText ?? '' })
        : t('preview-no-due', { words: directive.dueText ?? '' }),
    );
  }

  if (notice.schedules.length > 0) {
    lines.push('', t('preview-schedules'));
    for (const schedule of notice.schedules) {
      const days = (schedule.daysOfMonth as number[]).join(', ');
      lines.push(t(schedule.kind === 'REPORT' ? 'preview-schedule-report' : 'preview-schedule-consolidate', { days: days || '—', text: schedule.text }));
    }
  }
  const warnings = notice.warnings as string[];
  if (warnings.length > 0) lines.push('', t('preview-warnings'), ...warnings.map((warning) => `• ${escapeHtml(warning)}`));
  lines.push('', t('preview-footer'));
  return lines.join('\n');
}

/** The buttons under a preview: publish, how to fix, cancel. */
export function previewButtons(noticeId: string, t: Translate): Button[][] {
  return [
    [
      { text: t('button-publish'), data: `nt:${noticeId}:pub` },
      { text: t('button-fix'), data: `nt:${noticeId}:fix` },
      { text: t('button-cancel'), data: `nt:${noticeId}:cancel` },
    ],
  ];
}
