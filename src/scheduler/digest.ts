import type { Translate } from '../i18n.js';
import type { ReminderItem, ReminderKind, ReminderPayload } from './planner.js';

/** One outbox row as the digest reads it. */
export interface DigestRow {
  kind: string;
  payload: unknown;
}

/** What the digest needs besides the rows. */
export interface DigestContext {
  /** The rows were due well before now (downtime, or a chat that was failing): say so once. */
  missed: boolean;
  office: string;
  /** The rendered `/report` content, for `summary` rows. */
  summary?: string;
}

/**
 * Renders all of one chat's due reminders as one message: a unit group that has a reporting
 * day and a deadline on the same morning, or three days of reminders after an outage, gets one
 * message rather than a flood. Sections keep the rows' order (oldest first).
 */
export function renderDigest(rows: readonly DigestRow[], t: Translate, context: DigestContext): string {
  const sections: string[] = [];
  if (context.missed) sections.push(t('reminder-missed-header'));
  const deadlines: string[] = [];
  const escalations: { leader: boolean; lines: string[] } = { leader: false, lines: [] };

  for (const row of rows) {
    const payload = row.payload as ReminderPayload;
    const kind = row.kind as ReminderKind;
    // Rows planned before the payload named the unit once carry it in every item.
    const unitOf = (item: ReminderItem | undefined) => payload.unit ?? item?.unit ?? '';
    switch (kind) {
      case 'report': {
        sections.push([t('reminder-report-day', { date: payload.date, unit: unitOf(payload.items[0]) }), ...payload.items.map((item) => itemLine(item, t)), t('reminder-report-how')].join('\n'));
        break;
      }
      case 'deadline-before':
      case 'deadline-due':
      case 'deadline-overdue':
        for (const item of payload.items) deadlines.push(t(`reminder-${kind}`, { ordinal: item.ordinal, notice: item.notice, due: item.due ?? '', days: item.days ?? 0 }));
        break;
      case 'escalate-office':
      case 'escalate-leader':
        escalations.leader ||= kind === 'escalate-leader';
        for (const item of payload.items) escalations.lines.push(t('reminder-escalate-line', { unit: unitOf(item), ordinal: item.ordinal, notice: item.notice, due: item.due ?? '', days: item.days ?? 0 }));
        break;
      case 'summary':
        sections.push([t('reminder-summary-header', { date: payload.date, office: context.office }), context.summary ?? ''].join('\n'));
        break;
      case 'chat-blocked':
        sections.push(t('reminder-chat-blocked', { chat: payload.chat ?? '', units: payload.items.map((item) => item.unit ?? '').join(', ') }));
        break;
    }
  }
  if (deadlines.length > 0) sections.push([...deadlines, t('reminder-deadline-how')].join('\n'));
  if (escalations.lines.length > 0) {
    const header = escalations.leader ? t('reminder-escalate-leader-header', { office: context.office }) : t('reminder-escalate-office-header');
    sections.push([header, ...escalations.lines].join('\n'));
  }
  return sections.join('\n\n');
}

function itemLine(item: ReminderItem, t: Translate): string {
  return item.due ? t('reminder-item', { ordinal: item.ordinal, notice: item.notice, due: item.due }) : t('reminder-item-no-due', { ordinal: item.ordinal, notice: item.notice });
}
