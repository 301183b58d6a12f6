import { splitMessage, maxMessageLength } from '../bot/html.js';
import { groupBy } from '../domain/group-by.js';
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
  /** The rendered `/report` content for `summary` rows, one text per notice. */
  summary?: readonly string[];
}

/**
 * A piece of the digest that is never cut between messages: a notice's group of lines (with the
 * header of its section when it is the first). `opensSection` puts a blank line before it.
 */
interface Block {
  text: string;
  opensSection: boolean;
}

/**
 * Renders all of one chat's due reminders as one message: a unit group that has a reporting
 * day and a deadline on the same morning, or three days of reminders after an outage, gets one
 * message rather than a flood. Sections keep the rows' order (oldest first); within a section
 * the lines are grouped by notice, whose short name heads its group once.
 */
export function renderDigest(rows: readonly DigestRow[], t: Translate, context: DigestContext): string {
  return digestBlocks(rows, t, context)
    .map((block, index) => (index > 0 && block.opensSection ? `\n${block.text}` : block.text))
    .join('\n');
}

/**
 * The digest as messages within Telegram's limit, cut only between notices' groups (a group
 * longer than a message by itself is cut between its lines).
 */
export function digestMessages(rows: readonly DigestRow[], t: Translate, context: DigestContext, limit = maxMessageLength): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of digestBlocks(rows, t, context)) {
    const candidate = current === '' ? block.text : `${current}${block.opensSection ? '\n\n' : '\n'}${block.text}`;
    if (splitMessage(candidate, limit).length === 1) {
      current = candidate;
      continue;
    }
    if (current !== '') messages.push(current);
    const pieces = splitMessage(block.text, limit);
    messages.push(...pieces.slice(0, -1));
    current = pieces.at(-1)!;
  }
  if (current !== '') messages.push(current);
  return messages;
}

function digestBlocks(rows: readonly DigestRow[], t: Translate, context: DigestContext): Block[] {
  const blocks: Block[] = [];
  if (context.missed) blocks.push({ text: t('reminder-missed-header'), opensSection: true });
  const deadlines: { kind: ReminderKind; item: ReminderItem }[] = [];
  const escalations: { leader: boolean; items: (ReminderItem & { unit: string })[] } = { leader: false, items: [] };

  for (const row of rows) {
    const payload = row.payload as ReminderPayload;
    const kind = row.kind as ReminderKind;
    // Rows planned before the payload named the unit once carry it in every item.
    const unitOf = (item: ReminderItem | undefined) => payload.unit ?? item?.unit ?? '';
    switch (kind) {
      case 'report':
        blocks.push(...section(t('reminder-report-day', { date: payload.date, unit: unitOf(payload.items[0]) }), byNotice(payload.items, t, (item) => itemLine(item, t)), t('reminder-report-how')));
        break;
      case 'deadline-before':
      case 'deadline-due':
      case 'deadline-overdue':
        for (const item of payload.items) deadlines.push({ kind, item });
        break;
      case 'escalate-office':
      case 'escalate-leader':
        escalations.leader ||= kind === 'escalate-leader';
        for (const item of payload.items) escalations.items.push({ ...item, unit: unitOf(item) });
        break;
      case 'summary':
        blocks.push(...section(t('reminder-summary-header', { date: payload.date, office: context.office }), [...(context.summary ?? [])], null));
        break;
      case 'chat-blocked':
        blocks.push({ text: t('reminder-chat-blocked', { chat: payload.chat ?? '', units: payload.items.map((item) => item.unit ?? '').join(', ') }), opensSection: true });
        break;
    }
  }
  if (deadlines.length > 0) {
    const groups = byNotice(deadlines.map(({ kind, item }) => ({ ...item, kind })), t, (item) => deadlineLine(item.kind, item, t));
    blocks.push(...section(null, groups, t('reminder-deadline-how')));
  }
  if (escalations.items.length > 0) {
    const header = escalations.leader ? t('reminder-escalate-leader-header', { office: context.office }) : t('reminder-escalate-office-header');
    const groups = byNotice(escalations.items, t, (item) =>
      t('reminder-escalate-line', { unit: item.unit, ordinal: item.ordinal, due: item.due ?? '', days: overdueDaysOf(item) }),
    );
    blocks.push(...section(header, groups, null));
  }
  return blocks;
}

/** A section's blocks: its header joined to the first group, its footer to the last, so neither is ever sent alone. */
function section(header: string | null, groups: string[], footer: string | null): Block[] {
  const texts = groups.length > 0 ? [...groups] : [''];
  if (header !== null) texts[0] = texts[0] === '' ? header : `${header}\n${texts[0]}`;
  if (footer !== null) texts[texts.length - 1] = texts.at(-1) === '' ? footer : `${texts.at(-1)}\n${footer}`;
  return texts.map((text, index) => ({ text, opensSection: index === 0 }));
}

/** Items grouped by notice, in the order they first appear: the notice's short name once, then a line per item. */
function byNotice<T extends ReminderItem>(items: readonly T[], t: Translate, line: (item: T) => string): string[] {
  return [...groupBy(items, (item) => item.notice).entries()].map(([notice, group]) => [t('reminder-notice', { notice }), ...group.map(line)].join('\n'));
}

function itemLine(item: ReminderItem, t: Translate): string {
  if (!item.due) return t('reminder-item-no-due', { ordinal: item.ordinal });
  const overdue = overdueDaysOf(item);
  return overdue > 0 ? t('reminder-item-overdue', { ordinal: item.ordinal, due: item.due, days: overdue }) : t('reminder-item', { ordinal: item.ordinal, due: item.due });
}

function deadlineLine(kind: ReminderKind, item: ReminderItem, t: Translate): string {
  const days = kind === 'deadline-overdue' ? overdueDaysOf(item) : (item.days ?? 0);
  return t(`reminder-${kind}`, { ordinal: item.ordinal, due: item.due ?? '', days });
}

/**
 * Calendar days past the deadline. Rows planned before items carried `overdueDays` have only
 * `days` (working days) on overdue and escalation rows: the best figure they have.
 */
function overdueDaysOf(item: ReminderItem): number {
  return item.overdueDays ?? item.days ?? 0;
}
