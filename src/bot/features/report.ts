import { addDays, formatDdMmYyyy, type LocalDate } from '../../domain/local-date.js';
import { buildProgressReport, type NoticeProgress } from '../../domain/progress-report.js';
import { occurrencesBetween } from '../../domain/reporting-days.js';
import { shortNoticeTitle } from '../../domain/notice-label.js';
import { localDateOf } from '../../domain/zoned-time.js';
import type { Translate } from '../../i18n.js';
import { assignmentsForReport, unitReportingDays } from '../../store/assignments.js';
import type { Db } from '../../store/database.js';
import { UserError } from '../errors.js';
import { officeOf, requireRole } from '../permissions.js';
import type { Feature } from '../router.js';

/** `/report [số thông báo]`: per notice, the four categories, overdue items by unit, and who has not reported. */
export const reportFeature: Feature = {
  commands: {
    async report(ctx, args) {
      const office = officeOf(ctx);
      await requireRole(ctx, office.id, ['SECRETARY', 'LEADER']);
      const reports = await progressOf(ctx.services.db, office, ctx.services.now(), args.trim() || null, ctx.locale);
      if (reports === null) throw new UserError('report-notice-unknown', { number: args.trim() });
      if (reports.length === 0) {
        await ctx.reply(ctx.t('report-empty'));
        return;
      }
      await ctx.reply(reports.map((report) => renderProgress(report, ctx.t)).join('\n\n'));
    },
  },
};

/**
 * The progress of an office's published notices (or of the one whose number is given) on the
 * local date of `now`; null when no published notice has that number.
 */
export async function progressOf(db: Db, office: { id: string; timeZone: string }, now: Date, number: string | null, locale: string): Promise<NoticeProgress[] | null> {
  let noticeId: string | undefined;
  if (number) {
    const notice = await db.notice.findFirst({ where: { officeId: office.id, state: 'PUBLISHED', number: { contains: number } } });
    if (!notice) return null;
    noticeId = notice.id;
  }
  const today = localDateOf(now, office.timeZone);
  const days = await unitReportingDays(db, office.id);
  // The most recent reporting day on or before today; reports since then count as "reported".
  const lastReportingDay = days.length > 0 ? (occurrencesBetween(days, addDays(today, -62), today).at(-1) ?? null) : null;
  const assignments = await assignmentsForReport(db, office.id, noticeId);
  const dateOf = (instant: Date | null): LocalDate | null => (instant ? localDateOf(instant, office.timeZone) : null);
  return buildProgressReport(
    assignments.map((a) => ({
      noticeId: a.directive.noticeId,
      noticeLabel: shortNoticeTitle(a.directive.notice, locale, undefined, 'formal'),
      ordinal: a.directive.ordinal,
      unitId: a.unitId,
      unitName: a.unit.name,
      state: a.state,
      due: dateOf(a.dueAt),
      completed: dateOf(a.completedAt),
      lastReport: dateOf(a.lastReportAt),
    })),
    { today, lastReportingDay },
  );
}

/** One notice's summary as a chat message. */
export function renderProgress(report: NoticeProgress, t: Translate): string {
  const lines = [
    t('report-header', { notice: report.noticeLabel, total: report.total }),
    t('report-on-time', { count: report.counts.ON_TIME }),
    t('report-late', { count: report.counts.LATE }),
    t('report-in-time', { count: report.counts.IN_TIME }),
    t('report-overdue', { count: report.counts.OVERDUE }),
  ];
  if (report.overdue.length > 0) {
    lines.push(t('report-overdue-header'));
    for (const unit of report.overdue) {
      lines.push(t('report-overdue-unit', { unit: unit.unitName, items: unit.items.map((item) => t('report-overdue-item', { ordinal: item.ordinal, due: formatDdMmYyyy(item.due), days: item.daysLate })).join(', ') }));
    }
  }
  lines.push(report.notReported.length > 0 ? t('report-not-reported', { units: report.notReported.join(', ') }) : t('report-all-reported'));
  return lines.join('\n');
}
