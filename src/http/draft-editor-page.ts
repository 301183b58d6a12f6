/**
 * The draft editor's pages, rendered on the server: one form with a card per directive (its
 * text, folded when long; lead and coordinating units picked from the office's units, grouped
 * by kind with a "all of this kind" choice and routing's suggestions starred; the deadline as a
 * date or "thường xuyên"), and Lưu / Phát hành. No script: a <details> folds the text and the
 * browser's own controls pick units and dates, so it works on any phone. Texts are in the
 * dictionary below, Vietnamese and English; every piece of user text goes through {@link escape}.
 */
import { UNIT_KINDS, type UnitKind } from '../domain/routing/index.js';
import { localDateOf } from '../domain/zoned-time.js';
import type { Locale, Translate } from '../i18n.js';
import { ongoingDueText, type EditableDraft } from '../bot/draft-editing.js';
import { formatDateTime } from '../bot/dates.js';
import { openFlags } from '../bot/notice-preview.js';
import { stripTags } from '../bot/router.js';
import { shortNoticeTitle } from '../domain/notice-label.js';
import { storedFlags, type Expansion } from '../store/notices.js';
import { unitKindOf } from '../store/units.js';
import { escapeHtmlText as escape } from './escape-html.js';

const texts = {
  vi: {
    title: 'Chỉnh sửa bản nháp',
    intro: 'Chọn đơn vị chủ trì, phối hợp và thời hạn của từng nhiệm vụ rồi bấm Lưu: bản xem trước trong nhóm được cập nhật ngay.',
    routed: (routed: number, count: number) => `${routed}/${count} nhiệm vụ đã giao đơn vị.`,
    expires: (time: string) => `Liên kết dành riêng cho bạn, hết hạn lúc ${time}.`,
    lead: 'Chủ trì',
    support: 'Phối hợp',
    due: 'Thời hạn',
    ongoing: 'Thường xuyên',
    noticeSays: 'Ghi nhận',
    suggestions: 'Gợi ý',
    suggested: 'gợi ý',
    fullText: 'Thu gọn',
    allOfKind: (label: string, count: number) => `Tất cả: ${label} (${count})`,
    pickHint: 'Trên máy tính, giữ Ctrl (⌘ trên Mac) để chọn nhiều đơn vị.',
    toCheck: 'Cần kiểm tra',
    unrouted: 'chưa giao',
    save: 'Lưu',
    publish: 'Phát hành',
    saved: (ordinals: string) => `Đã lưu nhiệm vụ ${ordinals}; bản xem trước trong nhóm đã được cập nhật.`,
    unchanged: 'Không có thay đổi nào để lưu.',
    needsLead: (ordinal: string) => `Nhiệm vụ ${ordinal}: chọn đơn vị chủ trì trước khi chọn đơn vị phối hợp.`,
    unknownUnit: 'Có đơn vị không thuộc danh sách của cơ quan; tải lại trang rồi chọn lại.',
    badDate: (ordinal: string) => `Nhiệm vụ ${ordinal}: ngày không hợp lệ.`,
  },
  en: {
    title: 'Edit the draft',
    intro: 'Pick the lead and coordinating units and the deadline of each task, then press Save: the preview in the chat is updated at once.',
    routed: (routed: number, count: number) => `${routed}/${count} tasks have a unit.`,
    expires: (time: string) => `This link is yours alone and expires at ${time}.`,
    lead: 'Lead',
    support: 'Coordinating',
    due: 'Deadline',
    ongoing: 'Ongoing (thường xuyên)',
    noticeSays: 'Recorded as',
    suggestions: 'Suggested',
    suggested: 'suggested',
    fullText: 'Fold',
    allOfKind: (label: string, count: number) => `All: ${label} (${count})`,
    pickHint: 'On a computer, hold Ctrl (⌘ on a Mac) to pick several units.',
    toCheck: 'To check',
    unrouted: 'no unit yet',
    save: 'Save',
    publish: 'Publish',
    saved: (ordinals: string) => `Saved task ${ordinals}; the preview in the chat was updated.`,
    unchanged: 'Nothing changed.',
    needsLead: (ordinal: string) => `Task ${ordinal}: pick a lead unit before coordinating ones.`,
    unknownUnit: 'A unit is not on the office’s list; reload the page and pick again.',
    badDate: (ordinal: string) => `Task ${ordinal}: not a valid date.`,
  },
} satisfies Record<Locale, unknown>;

/** The page's texts in one language. */
export type EditorTexts = (typeof texts)['vi'];

/** The texts of the editor in `locale`. */
export function editorTexts(locale: Locale): EditorTexts {
  return texts[locale];
}

/** A note at the top of the page: what the last action did, or what was wrong with it. */
export interface EditorNotice {
  kind: 'ok' | 'error';
  text: string;
}

/** What one rendering of the editor shows. */
export interface EditorView {
  draft: EditableDraft;
  /** Translates the bot's own texts (unit kinds) in the page's language. */
  t: Translate;
  /** Where the form posts, and the hidden fields that sign it. */
  action: string;
  signedFields: Record<string, string>;
  linkExpires: Date;
  notice?: EditorNotice;
  /** The nonce of the page's one <style>, which the Content-Security-Policy names. */
  nonce: string;
}

/** Texts longer than this are folded behind their beginning. */
const foldedLength = 160;

/** The editor. */
export function editorPage(view: EditorView): string {
  const { draft, nonce } = view;
  const l = editorTexts(draft.locale);
  const { notice } = draft;
  const routed = notice.directives.filter((directive) => directive.assignments.length > 0).length;
  const expansions = ((notice.expansions ?? []) as unknown as Expansion[]).filter((expansion) => expansion.unitIds.length > 0);
  return `<!doctype html>
<html lang="${draft.locale}">
<head>
${head(`${l.title} — ${shortNoticeTitle(notice, draft.locale)}`, nonce)}
</head>
<body>
<form method="post" action="${escape(view.action)}">
${Object.entries(view.signedFields).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('\n')}
<header>
<h1>${escape(shortNoticeTitle(notice, draft.locale))}</h1>
<p class="muted">${escape(draft.office.name)}${notice.title && notice.number ? ` — ${escape(notice.title)}` : ''}</p>
${view.notice ? `<p class="note ${view.notice.kind}" role="status">${escape(view.notice.text)}</p>` : ''}
<p>${escape(l.intro)}</p>
<p><b data-routed>${escape(l.routed(routed, notice.directives.length))}</b>${expansions.map((expansion) => ` <span class="chip">${escape(expansion.phrase)} → ${expansion.unitIds.length}</span>`).join('')}</p>
<p class="muted small">${escape(l.pickHint)} ${escape(l.expires(formatDateTime(view.linkExpires, draft.office.timeZone)))}</p>
</header>
<main>
${notice.directives.map((directive) => directiveCard(directive, view, l)).join('\n')}
</main>
<footer class="actions">
<button type="submit" name="action" value="save">${escape(l.save)}</button>
<button type="submit" name="action" value="publish" class="publish">${escape(l.publish)}</button>
</footer>
</form>
</body>
</html>`;
}

type Directive = EditableDraft['notice']['directives'][number];

function directiveCard(directive: Directive, view: EditorView, l: EditorTexts): string {
  const { draft } = view;
  const id = directive.id;
  const flags = openFlags(directive);
  const suggested = new Set(storedFlags(directive.unmatched).flatMap((flag) => flag.suggestions.map((suggestion) => suggestion.unitId)));
  const lead = new Set(directive.assignments.filter((a) => a.role === 'LEAD').map((a) => a.unitId));
  const support = new Set(directive.assignments.filter((a) => a.role === 'SUPPORT').map((a) => a.unitId));
  const dueDate = directive.dueAt ? localDateOf(directive.dueAt, draft.office.timeZone) : '';
  const ongoing = !directive.dueAt && directive.dueText?.trim().toLowerCase() === ongoingDueText;
  const text = directive.text.length > foldedLength
    ? `<details><summary><span class="excerpt">${escape(directive.text.slice(0, foldedLength))}…</span><span class="fold">${escape(l.fullText)}</span></summary><p>${escape(directive.text)}</p></details>`
    : `<p>${escape(directive.text)}</p>`;
  const status = directive.assignments.length === 0 ? ` <span class="tag warn">${escape(l.unrouted)}</span>` : flags.length > 0 ? ` <span class="tag warn">${escape(l.toCheck)}</span>` : '';
  const suggestionNames = draft.units.filter((unit) => suggested.has(unit.id)).map((unit) => unit.name);
  return `<section class="directive" id="d-${escape(id)}" data-ordinal="${escape(directive.ordinal)}">
<input type="hidden" name="row" value="${escape(id)}">
<h2>${escape(directive.ordinal)}.${status}</h2>
${text}
${flags.map((flag) => `<p class="flag">⚠ ${escape(flag.message)}</p>`).join('\n')}
${suggestionNames.length > 0 ? `<p class="suggest">★ ${escape(l.suggestions)}: ${suggestionNames.map(escape).join(', ')}</p>` : ''}
<div class="fields">
<label>${escape(l.lead)}${unitSelect(`lead:${id}`, lead, suggested, view)}</label>
<label>${escape(l.support)}${unitSelect(`support:${id}`, support, new Set(), view)}</label>
<div class="due">
<label>${escape(l.due)}<input type="date" name="due:${escape(id)}" value="${dueDate}"></label>
<label class="check"><input type="checkbox" name="ongoing:${escape(id)}"${ongoing ? ' checked' : ''}> ${escape(l.ongoing)}</label>
${directive.dueText ? `<p class="muted small">${escape(l.noticeSays)}: “${escape(directive.dueText)}”</p>` : ''}
</div>
</div>
</section>`;
}

/** The office's units grouped by kind; a kind with several units opens with "all of them", as collectives in notices do. */
function unitSelect(name: string, selected: ReadonlySet<string>, suggested: ReadonlySet<string>, view: EditorView): string {
  const l = editorTexts(view.draft.locale);
  const byKind = new Map<UnitKind, EditableDraft['units']>();
  for (const unit of view.draft.units) {
    const kind = unitKindOf(unit);
    byKind.set(kind, [...(byKind.get(kind) ?? []), unit]);
  }
  const groups = UNIT_KINDS.filter((kind) => byKind.has(kind)).map((kind) => {
    const units = byKind.get(kind)!;
    const label = stripTags(view.t(`unit-kind-${kind}`));
    const all = units.length > 1 ? `<option value="kind:${kind}">${escape(l.allOfKind(label, units.length))}</option>` : '';
    const options = units.map(
      (unit) => `<option value="${escape(unit.id)}"${selected.has(unit.id) ? ' selected' : ''}>${suggested.has(unit.id) ? '★ ' : ''}${escape(unit.name)}${suggested.has(unit.id) ? ` (${escape(l.suggested)})` : ''}</option>`,
    );
    return `<optgroup label="${escape(label)}">${all}${options.join('')}</optgroup>`;
  });
  // Tall enough to show every choice of a small office at once; a large one scrolls.
  const rows = view.draft.units.length + byKind.size + [...byKind.values()].filter((units) => units.length > 1).length;
  const size = Math.min(10, rows);
  return `<select multiple name="${escape(name)}" size="${size}">${groups.join('')}</select>`;
}

/** The Mini App's first page: its script reads Telegram's launch data and trades it for the editor's signed address. */
export function miniAppPage(nonce: string, scriptPath: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
${head('dondoc', nonce)}
<script src="${escape(scriptPath)}" defer></script>
</head>
<body>
<p id="status" data-failed="Không mở được trang chỉnh sửa: hãy mở lại từ nút trong Telegram. / The editor could not be opened: open it again from the button in Telegram.">Đang mở trang chỉnh sửa… / Opening the editor…</p>
</body>
</html>`;
}

/** A page of its own for a refused link or a finished draft; each says it in Vietnamese, then English, as the reader may not be known. */
export type PageMessage = 'expired' | 'tampered' | 'not-allowed' | 'closed' | 'published';

const pageMessages: Record<PageMessage, { vi: [string, string]; en: [string, string] }> = {
  expired: {
    vi: ['Liên kết đã hết hạn.', 'Bấm “✏️ Sửa” dưới bản xem trước để nhận liên kết mới.'],
    en: ['This link has expired.', 'Press “✏️ Edit” under the preview for a new one.'],
  },
  tampered: {
    vi: ['Liên kết không hợp lệ.', 'Hãy mở trang chỉnh sửa từ nút dưới bản xem trước.'],
    en: ['This link is not valid.', 'Open the editor from the button under the preview.'],
  },
  'not-allowed': {
    vi: ['Bạn không có quyền sửa bản nháp này.', 'Chỉ thư ký của cơ quan mới sửa và phát hành được.'],
    en: ['You may not edit this draft.', 'Only the office’s secretaries can edit and publish it.'],
  },
  closed: {
    vi: ['Bản nháp này đã được phát hành hoặc đã hủy.', 'Không còn gì để sửa.'],
    en: ['This draft was published or cancelled.', 'There is nothing left to edit.'],
  },
  published: {
    vi: ['Đã phát hành.', 'Báo cáo gửi đi có trong cuộc trò chuyện của bản xem trước.'],
    en: ['Published.', 'The delivery report is in the preview’s chat.'],
  },
};

/** What a refused link (or a finished draft) gets: what happened and what to do, never a trace. */
export function messagePage(reason: PageMessage, nonce: string): string {
  const { vi, en } = pageMessages[reason];
  return `<!doctype html>
<html lang="vi">
<head>
${head(vi[0], nonce)}
</head>
<body>
<main class="message" data-reason="${reason}">
<h1>${escape(vi[0])}</h1>
<p>${escape(vi[1])}</p>
<h2 lang="en">${escape(en[0])}</h2>
<p lang="en">${escape(en[1])}</p>
</main>
</body>
</html>`;
}

function head(title: string, nonce: string): string {
  return `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style nonce="${escape(nonce)}">${styles}</style>`;
}

const styles = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;padding:12px 12px 84px;max-width:1100px;color:#1a1a1a;line-height:1.4;background:#f6f7f9}
h1{font-size:1.25rem;margin:.2rem 0}h2{font-size:1.05rem;margin:0 0 .3rem}
p{margin:.3rem 0}.muted{color:#555}.small{font-size:.85rem}
.note{padding:8px 10px;border-radius:6px;font-weight:600}.note.ok{background:#e3f4e6;color:#17602a}.note.error{background:#fde8e8;color:#9b1c1c}
.chip{display:inline-block;background:#e8eefb;border-radius:10px;padding:0 8px;font-size:.85rem;margin:2px 0}
.directive{background:#fff;border:1px solid #d9dde3;border-radius:8px;padding:10px 12px;margin:10px 0}
.tag{font-size:.8rem;font-weight:600;border-radius:10px;padding:1px 8px;margin-left:6px;vertical-align:2px}.tag.warn{background:#fff1d6;color:#8a5300}
details summary{cursor:pointer}details[open] .excerpt,details:not([open]) .fold{display:none}.fold{color:#2456b3;font-size:.85rem}
.flag{color:#8a5300;font-size:.9rem}.suggest{color:#17602a;font-size:.9rem}
.fields{display:grid;grid-template-columns:1fr;gap:8px;margin-top:6px}
@media (min-width:760px){.fields{grid-template-columns:1fr 1fr minmax(190px,.7fr)}}
label{display:flex;flex-direction:column;gap:3px;font-weight:600;font-size:.9rem;min-width:0}
select,input[type=date]{font:inherit;font-weight:400;width:100%;min-width:0;padding:4px;border:1px solid #b8bec7;border-radius:6px;background:#fff}
optgroup{font-style:normal;color:#555}option{color:#1a1a1a;padding:2px 4px}
label.check{flex-direction:row;align-items:center;gap:6px;font-weight:400;margin-top:6px}
.actions{position:fixed;left:0;right:0;bottom:0;display:flex;gap:10px;justify-content:center;padding:10px;background:#fff;border-top:1px solid #d9dde3}
.actions button{font:inherit;font-weight:600;padding:10px 22px;border-radius:8px;border:1px solid #2456b3;background:#fff;color:#2456b3;flex:0 1 200px}
.actions button.publish{background:#2456b3;color:#fff}
.message{background:#fff;border:1px solid #d9dde3;border-radius:8px;padding:16px;margin-top:20px}
`;
