import { formatDdMmYyyy, type LocalDate } from '../domain/local-date.js';
import { shorten } from '../domain/short-text.js';
import { localDateOf } from '../domain/zoned-time.js';
import type { Translate } from '../i18n.js';
import type { Button } from '../messaging/port.js';
import { storedFlags, storedPersons, type Expansion, type LoadedNotice } from '../store/notices.js';
import { formatDate } from './dates.js';
import { escapeHtml } from './html.js';

/** The longest directive text shown in a preview; the full text goes out on publishing. */
const previewTextLength = 280;

/** Telegram's limit for a button's callback data, in bytes. */
const maxButtonData = 64;

/**
 * Rows of suggestion buttons under a preview at most. Telegram refuses a keyboard of more than
 * 100 buttons, and a secretary facing dozens of flags routes faster with `/assign`.
 */
const maxSuggestionRows = 10;

/** The longest unit name on a suggestion button; phones cut longer ones anyway. */
const buttonNameLength = 32;

type PreviewDirective = LoadedNotice['directives'][number];

/**
 * What is still open about a directive: routing's flags, except a person the office knows as a
 * leader, who is shown as following the directive ("Theo dõi: đ/c …") and needs no check.
 */
export function openFlags(directive: Pick<PreviewDirective, 'unmatched'>) {
  return storedFlags(directive.unmatched).filter((flag) => !(flag.kind === 'person' && flag.personId));
}

/**
 * The preview a secretary checks before publishing: number and date; a routing summary
 * ("8/11 nhiệm vụ đã giao; cần giao: 2, 8, 9") and the collectives it expanded; each directive
 * with its units, the people who follow it, what routing could not settle, and its deadline as
 * dd/mm/yyyy; the schedules; and "Cần kiểm tra", computed from the draft as it stands now (and
 * `today`, the office's date, for deadlines already past) so that it stays true after every
 * correction. Every line is balanced HTML by itself, so splitting at 4096 never cuts a tag.
 */
export function renderPreview(notice: LoadedNotice, t: Translate, timeZone: string, today: LocalDate): string {
  const lines = [
    t('preview-header', {
      number: notice.number ?? t('preview-no-number'),
      date: notice.issuedOn ? formatDdMmYyyy(notice.issuedOn.toISOString().slice(0, 10) as LocalDate) : t('preview-no-date'),
    }),
  ];
  if (notice.title) lines.push(`<i>${escapeHtml(notice.title)}</i>`);
  if (notice.meetingOn) lines.push(t('preview-meeting', { date: formatDdMmYyyy(notice.meetingOn.toISOString().slice(0, 10) as LocalDate) }));
  if (notice.signer) lines.push(t('preview-signer', { signer: notice.signer }));

  const unrouted = notice.directives.filter((directive) => directive.assignments.length === 0);
  const routed = notice.directives.length - unrouted.length;
  lines.push(
    '',
    unrouted.length === 0
      ? t('preview-summary-all', { routed, count: notice.directives.length })
      : t('preview-summary', { routed, count: notice.directives.length, missing: unrouted.map((directive) => directive.ordinal).join(', ') }),
  );
  for (const expansion of (notice.expansions ?? []) as unknown as Expansion[]) {
    if (expansion.unitIds.length > 0) lines.push(t('preview-expansion', { phrase: expansion.phrase, count: expansion.unitIds.length }));
  }

  lines.push('', t('preview-directives', { count: notice.directives.length }));
  for (const directive of notice.directives) lines.push('', ...directiveLines(directive, t, timeZone));

  if (notice.schedules.length > 0) {
    lines.push('', t('preview-schedules'));
    for (const schedule of notice.schedules) {
      const days = (schedule.daysOfMonth as number[]).join(', ');
      lines.push(t(schedule.kind === 'REPORT' ? 'preview-schedule-report' : 'preview-schedule-consolidate', { days: days || '—', text: schedule.text }));
    }
  }
  const checks = checkLines(notice, t, timeZone, today);
  if (checks.length > 0) lines.push('', t('preview-warnings'), ...checks);
  lines.push('', t('preview-footer'));
  return lines.join('\n');
}

function directiveLines(directive: PreviewDirective, t: Translate, timeZone: string): string[] {
  const text = shorten(directive.text, previewTextLength);
  const lines = [`<b>${escapeHtml(directive.ordinal)}.</b> ${escapeHtml(text)}`];
  const lead = directive.assignments.filter((a) => a.role === 'LEAD').map((a) => a.unit.name);
  const support = directive.assignments.filter((a) => a.role === 'SUPPORT').map((a) => a.unit.name);
  lines.push(t('preview-lead', { units: lead.join(', ') || '—' }));
  if (support.length > 0) lines.push(t('preview-support', { units: support.join(', ') }));
  const persons = storedPersons(directive.persons);
  if (persons.length > 0) lines.push(t('preview-persons', { persons: persons.map((person) => t('preview-person', { name: person.name })).join(', ') }));
  if (directive.handRouted) lines.push(t('preview-hand-routed'));
  for (const flag of openFlags(directive)) lines.push(t('preview-flag', { message: flag.message }));
  lines.push(dueLine(directive, t, timeZone));
  return lines;
}

/** The deadline: its date and the words it came from, whichever there are; never an empty "()". */
function dueLine(directive: PreviewDirective, t: Translate, timeZone: string): string {
  const words = directive.dueText?.trim();
  if (!directive.dueAt) return words ? t('preview-no-due', { words }) : t('preview-no-due-bare');
  const date = formatDate(directive.dueAt, timeZone);
  return words ? t('preview-due', { date, words }) : t('preview-due-date', { date });
}

/**
 * "Cần kiểm tra" from the draft as it is now: the parser's remarks on the notice as a whole,
 * then per directive what routing left open (or, when nothing is flagged, that it has no unit),
 * a deadline whose date could not be worked out, one already past (with today's date and the
 * /due that corrects it), and "ngay" with the date it was taken as. The parser's own remarks on
 * single directives are left out: they describe the draft before corrections, and these lines replace them.
 */
function checkLines(notice: LoadedNotice, t: Translate, timeZone: string, today: LocalDate): string[] {
  const lines = ((notice.warnings ?? []) as string[]).filter((warning) => !directiveWarning.test(warning)).map((warning) => `• ${escapeHtml(warning)}`);
  for (const directive of notice.directives) {
    const ordinal = directive.ordinal;
    const flags = openFlags(directive);
    for (const flag of flags) lines.push(t('preview-check-flag', { ordinal, message: flag.message }));
    // A flag already says why a directive has no unit; one without flags still needs a line.
    if (directive.assignments.length === 0 && flags.length === 0) lines.push(t('preview-check-unrouted', { ordinal }));
    if (!directive.dueAt && directive.dueText && directive.dueKind !== 'NONE' && directive.dueKind !== 'RECURRING') {
      lines.push(t('preview-check-due', { ordinal, words: directive.dueText }));
    }
    const deadline = deadlineCheck(directive, today, timeZone);
    if (!deadline) continue;
    const dates = { ordinal, date: deadline.date, today: formatDdMmYyyy(today), words: directive.dueText ?? '' };
    // The parser takes "ngay" as a day of its own choosing (the notice's, or the day it was
    // entered); the secretary should see which day, and that it may already be past.
    if (directive.dueKind === 'IMMEDIATE') lines.push(t(deadline.past ? 'preview-check-immediate-past' : 'preview-check-immediate', dates));
    else if (deadline.past) lines.push(t('preview-check-past', dates));
  }
  return lines;
}

/**
 * A directive's deadline as the office reads it on `today`: its date (dd/mm/yyyy) and whether
 * that day is already over; null without a date. Publishing says the same of past deadlines.
 */
export function deadlineCheck(directive: { dueAt: Date | null }, today: LocalDate, timeZone: string): { date: string; past: boolean } | null {
  if (!directive.dueAt) return null;
  return { date: formatDate(directive.dueAt, timeZone), past: localDateOf(directive.dueAt, timeZone) < today };
}

/** The parser's remarks about single directives ("Nhiệm vụ 4, 5 …", "Nhiệm vụ 3: …"), which the preview recomputes. */
const directiveWarning = /^Nhiệm vụ /;

/**
 * The buttons under a preview: one row per directive with suggestions (up to three units, one
 * tap makes the unit its lead), then publish, how to fix, cancel. On Zalo each button becomes a
 * numbered choice, so a suggestion's text names the directive as well as the unit.
 */
export function previewButtons(notice: LoadedNotice, unitNames: ReadonlyMap<string, string>, t: Translate): Button[][] {
  const suggestionRows: Button[][] = [];
  for (const directive of notice.directives) {
    const unitIds = [...new Set(openFlags(directive).flatMap((flag) => flag.suggestions.map((suggestion) => suggestion.unitId)))];
    const assigned = new Set(directive.assignments.filter((a) => a.role === 'LEAD').map((a) => a.unitId));
    const row = unitIds
      .filter((unitId) => unitNames.has(unitId) && !assigned.has(unitId))
      .slice(0, 3)
      .map((unitId) => ({ text: t('button-suggest', { ordinal: directive.ordinal, unit: shortName(unitNames.get(unitId)!) }), data: suggestionData(directive.id, unitId) }))
      .filter((button) => Buffer.byteLength(button.data) <= maxButtonData);
    if (row.length > 0) suggestionRows.push(row);
  }
  return [
    ...suggestionRows.slice(0, maxSuggestionRows),
    [
      { text: t('button-publish'), data: `nt:${notice.id}:pub` },
      { text: t('button-fix'), data: `nt:${notice.id}:fix` },
      { text: t('button-cancel'), data: `nt:${notice.id}:cancel` },
    ],
  ];
}

/** A suggestion button's data: `rs:<directiveId>:<unitId>`, 54 bytes with cuids. */
export function suggestionData(directiveId: string, unitId: string): string {
  return `rs:${directiveId}:${unitId}`;
}

function shortName(name: string): string {
  return shorten(name, buttonNameLength);
}
