/**
 * What the web draft editor does to a draft, in the bot's terms: who may edit it (the office's
 * secretaries, checked on every request), the units and deadlines of its directives set as
 * `/assign` and `/due` set them, the chat's preview edited where it is, and publishing as the
 * preview's button publishes. The HTTP side (src/http/draft-editor.ts) only reads forms and
 * renders pages.
 */
import type { LocalDate } from '../domain/local-date.js';
import { instantAt, localDateOf } from '../domain/zoned-time.js';
import { resolveLocale, type Locale } from '../i18n.js';
import { loadNotice, setDirectiveDue, setDirectiveUnits, type LoadedNotice } from '../store/notices.js';
import { listUnits, type UnitWithChannels } from '../store/units.js';
import { sendLong, type BotServices } from './context.js';
import { defaultDueTime, formatDate } from './dates.js';
import { editPreview, type PreviewOutcome } from './draft-preview.js';
import { publishNotice, type PublishContext } from './features/publish.js';
import { holdsRole } from './permissions.js';
import { platformTranslator } from './platform-text.js';

/** A draft opened for editing by one secretary, with what the page shows. */
export interface EditableDraft {
  notice: LoadedNotice;
  office: { id: string; name: string; timeZone: string; locale: string };
  /** The office's registered units, to pick from. */
  units: UnitWithChannels[];
  person: NonNullable<Awaited<ReturnType<BotServices['db']['person']['findUnique']>>>;
  /** The person's language, else the office's. */
  locale: Locale;
}

/** Why a draft cannot be edited: published or cancelled since, or the person is not (or no longer) its office's secretary. */
export type DraftRefusal = 'closed' | 'not-allowed';

/** The words a duty without a deadline is given, as notices write it. */
export const ongoingDueText = 'thường xuyên';

/** Opens a draft for `personId`, who must be a secretary (or admin) of its office right now. */
export async function openDraft(services: BotServices, noticeId: string, personId: string): Promise<EditableDraft | DraftRefusal> {
  const { db } = services;
  const found = await db.notice.findUnique({ where: { id: noticeId }, include: { office: true } });
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!found || !person || !(await holdsRole(db, found.officeId, person.id, ['SECRETARY']))) return 'not-allowed';
  if (found.state !== 'DRAFT') return 'closed';
  const [notice, units] = await Promise.all([loadNotice(db, noticeId), listUnits(db, found.officeId)]);
  const locale = resolveLocale(person.locale, resolveLocale(found.office.locale, services.defaultLocale));
  return { notice, office: found.office, units, person, locale };
}

/** What the page asks of one directive: its lead and coordinating units (unit ids), and its deadline. */
export interface DirectiveEdit {
  directiveId: string;
  lead: string[];
  support: string[];
  /** A day, "thường xuyên", or null to leave the deadline as it is. */
  due: LocalDate | 'ongoing' | null;
}

/**
 * Applies the page's edits: a directive whose units changed is routed by hand as `/assign`
 * routes it, one whose deadline changed gets it as `/due` sets it; the rest are left alone, so
 * saving an unchanged row marks nothing as routed by the secretary. When anything changed the
 * chat's preview is edited where it is. Returns the ordinals changed and what became of the preview.
 */
export async function saveEdits(services: BotServices, draft: EditableDraft, edits: readonly DirectiveEdit[]): Promise<{ changed: string[]; preview: PreviewOutcome }> {
  const { db } = services;
  const t = platformTranslator(draft.locale, 'TELEGRAM');
  const changed = new Set<string>();
  for (const edit of edits) {
    const directive = draft.notice.directives.find((d) => d.id === edit.directiveId);
    if (!directive) continue;
    const lead = [...new Set(edit.lead)];
    const support = [...new Set(edit.support)].filter((unitId) => !lead.includes(unitId));
    const currentLead = directive.assignments.filter((a) => a.role === 'LEAD').map((a) => a.unitId);
    const currentSupport = directive.assignments.filter((a) => a.role === 'SUPPORT').map((a) => a.unitId);
    if (!sameSet(lead, currentLead) || !sameSet(support, currentSupport)) {
      await setDirectiveUnits(db, directive.id, lead, support);
      changed.add(directive.ordinal);
    }
    if (edit.due === 'ongoing') {
      if (directive.dueAt !== null || directive.dueText !== ongoingDueText) {
        await setDirectiveDue(db, directive.id, null, ongoingDueText);
        changed.add(directive.ordinal);
      }
    } else if (edit.due !== null && (!directive.dueAt || localDateOf(directive.dueAt, draft.office.timeZone) !== edit.due)) {
      const dueAt = instantAt(edit.due, defaultDueTime.hour, defaultDueTime.minute, draft.office.timeZone);
      await setDirectiveDue(db, directive.id, dueAt, t('due-set-by-secretary', { date: formatDate(dueAt, draft.office.timeZone) }));
      changed.add(directive.ordinal);
    }
  }
  const preview = changed.size > 0 ? await editPreview(services, draft.notice.id) : 'none';
  return { changed: [...changed], preview };
}

/**
 * Publishes the draft exactly as the preview's "Phát hành" button does, as the secretary who
 * opened the page; the delivery summary goes to the preview's chat, where the button would have put it.
 */
export async function publishDraft(services: BotServices, draft: EditableDraft): Promise<void> {
  const chat = draft.notice.draftChatId ? await services.db.chat.findUnique({ where: { id: draft.notice.draftChatId } }) : null;
  const messenger = chat && services.messengers.get(chat.platform);
  if (!chat || !messenger) throw new Error(`draft ${draft.notice.id} has no preview chat to publish from`);
  const to = { platform: chat.platform, chatId: chat.externalId, threadId: 0 };
  const ctx: PublishContext = {
    services,
    person: draft.person,
    t: platformTranslator(draft.locale, chat.platform),
    tFor: (platform) => platformTranslator(draft.locale, platform),
    locale: draft.locale,
    reply: (html, options) => sendLong(messenger, to, html, options),
  };
  await publishNotice(ctx, draft.office, draft.notice.id);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
