/**
 * The dashboard page, rendered on the server: per notice a stacked progress bar, one bar per
 * unit, and the overdue table, with a filter by unit. Plain HTML and CSS, no script, readable
 * on a phone. Every piece of user text goes through {@link escape}.
 */
import type { LocalDate } from '../domain/local-date.js';
import type { BlockedItem } from '../domain/progress-report.js';
import type { ResultCategory } from '../domain/result-category.js';
import type { LocalDateTime } from '../domain/zoned-time.js';
import { categoryLabels, dateText, dateTimeText, noticeName } from '../reports/labels.js';
import { categoryColours } from '../reports/palette.js';
import { blockerAge, openBlockersOf } from '../reports/blockers.js';
import type { OfficeReport, ReportNotice } from '../reports/report-data.js';
import { countByCategory, resultCategories, tallyByUnit } from '../reports/unit-tally.js';
import { escapeHtmlText } from './escape-html.js';

/** What one rendering shows: the report, the unit filter, and when the link stops working. */
export interface DashboardView {
  report: OfficeReport;
  /** The unit to show alone, or null for all. */
  unitId: string | null;
  /** Hidden fields the filter form must carry so that the filtered page is still signed. */
  signedFields: Record<string, string>;
  linkExpires: LocalDateTime;
}

/** The whole page. */
export function dashboardPage(view: DashboardView): string {
  const { report, unitId } = view;
  const units = tallyByUnit(report.notices.flatMap((notice) => notice.rows));
  const notices = report.notices
    .map((notice) => (unitId ? { ...notice, rows: notice.rows.filter((row) => row.unitId === unitId) } : notice))
    .filter((notice) => notice.rows.length > 0);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Theo dõi thực hiện — ${escapeHtmlText(report.officeName)}</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>${escapeHtmlText(report.officeName)}</h1>
<p class="muted">Số liệu tính đến ngày ${dateText(report.today)}. Liên kết chỉ để xem, hết hạn lúc ${dateTimeText(view.linkExpires)}.</p>
<form method="get" class="filter">
${Object.entries(view.signedFields).map(([name, value]) => `<input type="hidden" name="${escapeHtmlText(name)}" value="${escapeHtmlText(value)}">`).join('\n')}
<label for="unit">Đơn vị</label>
<select id="unit" name="unit">
<option value="">Tất cả đơn vị</option>
${units.map((unit) => `<option value="${escapeHtmlText(unit.unitId)}"${unit.unitId === unitId ? ' selected' : ''}>${escapeHtmlText(unit.unitName)}</option>`).join('\n')}
</select>
<button type="submit">Lọc</button>
</form>
${legend()}
</header>
<main>
${notices.length > 0 ? notices.map((notice) => noticeSection(notice, unitId !== null, report.today)).join('\n') : '<p>Chưa có thông báo nào được phát hành.</p>'}
</main>
</body>
</html>`;
}

/** The page a refused link gets. */
export function refusedPage(reason: 'expired' | 'tampered'): string {
  const message = reason === 'expired' ? 'Liên kết đã hết hạn.' : 'Liên kết không hợp lệ.';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title><style>${styles}</style></head><body><h1>${message}</h1><p>Gõ /dashboard trong nhóm của cơ quan để nhận liên kết mới.</p></body></html>`;
}

function noticeSection(notice: ReportNotice, filtered: boolean, today: LocalDate): string {
  const counts = countByCategory(notice.rows);
  const overdue = notice.rows.filter((row) => row.category === 'OVERDUE').sort((a, b) => b.daysLate - a.daysLate);
  const units = filtered ? [] : tallyByUnit(notice.rows);
  return `<section class="notice" data-notice="${escapeHtmlText(notice.id)}">
<h2>${escapeHtmlText(noticeName(notice))}</h2>
${notice.title && notice.number ? `<p class="muted">${escapeHtmlText(notice.title)}</p>` : ''}
<p><b data-total>${notice.rows.length}</b> lượt giao nhiệm vụ</p>
${bar(counts, notice.rows.length)}
<ul class="counts">
${resultCategories.map((category) => `<li data-category="${category}"><i style="background:${categoryColours[category]}"></i>${categoryLabels[category]}: <b>${counts[category]}</b></li>`).join('\n')}
</ul>
${units.length > 0 ? `<h3>Theo đơn vị</h3>\n<div class="units">\n${units.map((unit) => `<div class="unit"><span>${escapeHtmlText(unit.unitName)}</span>${bar(unit.counts, unit.total)}</div>`).join('\n')}\n</div>` : ''}
<h3>Quá hạn chưa hoàn thành (${overdue.length})</h3>
${
  overdue.length === 0
    ? '<p class="muted">Không có nhiệm vụ quá hạn.</p>'
    : `<div class="scroll"><table class="overdue">
<thead><tr><th>Đơn vị</th><th>Nhiệm vụ</th><th>Thời hạn</th><th>Quá hạn</th><th>Ghi chú gần nhất</th></tr></thead>
<tbody>
${overdue.map((row) => `<tr><td>${escapeHtmlText(row.unitName)}</td><td>${escapeHtmlText(row.ordinal)}</td><td>${dateText(row.due)}</td><td data-days>${row.daysLate} ngày</td><td>${escapeHtmlText(row.lastNote ?? '')}</td></tr>`).join('\n')}
</tbody>
</table></div>`
}
${blockersSection(openBlockersOf(notice.rows, today))}
</section>`;
}

/** Open blockers with their reasons and age; they are counted in the categories above, by their deadline. */
function blockersSection(blockers: readonly BlockedItem[]): string {
  if (blockers.length === 0) return `<h3>Khó khăn, vướng mắc (0)</h3>\n<p class="muted">Không có vướng mắc đang chờ tháo gỡ.</p>`;
  return `<h3>Khó khăn, vướng mắc (${blockers.length})</h3>
<p class="muted">Đã tính trong số liệu trên theo thời hạn của từng nhiệm vụ.</p>
<div class="scroll"><table class="blockers">
<thead><tr><th>Đơn vị</th><th>Nhiệm vụ</th><th>Lý do</th><th>Từ ngày</th><th>Thời gian</th></tr></thead>
<tbody>
${blockers.map((item) => `<tr><td>${escapeHtmlText(item.unitName)}</td><td>${escapeHtmlText(item.ordinal)}</td><td>${escapeHtmlText(item.reason ?? 'chưa nêu lý do')}</td><td>${dateText(item.since)}</td><td data-days>${blockerAge(item.days)}</td></tr>`).join('\n')}
</tbody>
</table></div>`;
}

/** A stacked bar of the four categories; each segment's width is its share of `total`. */
function bar(counts: Record<ResultCategory, number>, total: number): string {
  const segments = resultCategories
    .filter((category) => counts[category] > 0)
    .map((category) => `<span style="width:${((counts[category] / total) * 100).toFixed(2)}%;background:${categoryColours[category]}" title="${categoryLabels[category]}: ${counts[category]}"></span>`);
  return `<div class="bar" role="img" aria-label="${resultCategories.map((category) => `${categoryLabels[category]}: ${counts[category]}`).join(', ')}">${segments.join('')}</div>`;
}

function legend(): string {
  return `<ul class="legend">${resultCategories.map((category) => `<li><i style="background:${categoryColours[category]}"></i>${categoryLabels[category]}</li>`).join('')}</ul>`;
}


const styles = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;padding:12px;max-width:960px;color:#1a1a1a;line-height:1.4}
h1{font-size:1.3rem;margin:.2rem 0}h2{font-size:1.1rem;margin:0 0 .2rem}h3{font-size:1rem;margin:1rem 0 .4rem}
.muted{color:#555;margin:.2rem 0}
.filter{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:.6rem 0}
.filter select{flex:1 1 200px;min-width:0;padding:6px;font-size:1rem}.filter button{padding:6px 14px;font-size:1rem}
.legend,.counts{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.9rem}
.legend i,.counts i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.notice{border:1px solid #ddd;border-radius:8px;padding:12px;margin:12px 0}
.bar{display:flex;height:18px;background:#eee;border-radius:4px;overflow:hidden}
.unit{display:grid;grid-template-columns:minmax(0,40%) 1fr;gap:8px;align-items:center;margin:4px 0;font-size:.9rem}
.unit span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f8}
`;
