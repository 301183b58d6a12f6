import { createWorkingCalendar, moveToWorkingDay, type Direction, type WorkingCalendar } from '../../domain/calendar.js';
import { loadCalendarOverrides } from '../../domain/calendar-overrides.js';
import { formatDdMmYyyy, type LocalDate } from '../../domain/local-date.js';
import { buildProgressReport, type BlockedItem, type NoticeProgress } from '../../domain/progress-report.js';
import { previousReportingDay } from '../../domain/reporting-days.js';
import { shortNoticeTitle } from '../../domain/notice-label.js';
import { localDateOf } from '../../domain/zoned-time.js';
import type { Translate } from '../../i18n.js';
import { assignmentsForReport, unitReportingDays } from '../../store/assignments.js';
import type { Db } from '../../store/database.js';
import { UserError } from '../errors.js';
import { officeCommand } from '../office-choice.js';
import type { Feature } from '../router.js';

/**
 * `/report [số thông báo]`: per notice, the four categories, overdue items by unit, and who has
 * not reported. In the office group, or in private for a leader or secretary (see {@link officeCommand}).
 */
const report = officeCommand('report', ['SECRETARY', 'LEADER'], async (ctx, office, args) => {
  const reports = await progressOf(ctx.services.db, office, ctx.services.now(), args.trim() || null, ctx.locale);
  if (reports === null) throw new UserError('report-notice-unknown', { number: args.trim() });
  if (reports.length === 0) {
    await ctx.reply(ctx.t('report-empty'));
    return;
  }
  await ctx.reply(reports.map((progress) => renderProgress(progress, ctx.t)).join('\n\n'));
});

export const reportFeature: Feature = { commands: { report: report.command }, buttons: report.buttons };

/**
 * The progress of an office's published notices (or of the one whose number is given) on the
 * local date of `now`; null when no published notice has that number.
 */
export async function progressOf(db: Db, office: { id: string; timeZone: string; nonWorkingDayPolicy?: string }, now: Date, number: string | null, locale: string): Promise<NoticeProgress[] | null> {
  let noticeId: string | undefined;
  if (number) {
    const notice = await db.notice.findFirst({ where: { officeId: office.id, state: 'PUBLISHED', number: { contains: number } } });
    if (!notice) return null;
    noticeId = notice.id;
  }
  const today = localDateOf(now, office.timeZone);
  const days = await unitReportingDays(db, office.id);
  // Reports from the previous reporting day on answer the current period, that day held where
  // the reminders held it (a Saturday's on the Friday before, by default).
  const calendar = await workingCalendar();
  const direction: Direction = office.nonWorkingDayPolicy === 'next' ? 'next' : 'previous';
  const reportedSince = previousReportingDay(days, today, (date) => moveToWorkingDay(date, direction, calendar));
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
      lastNote: a.lastNote,
    })),
    { today, reportedSince },
  );
}

let nationalCalendar: Promise<WorkingCalendar> | undefined;

/** The national working calendar (weekends, holidays, announced swaps), read once. */
function workingCalendar(): Promise<WorkingCalendar> {
  nationalCalendar ??= loadCalendarOverrides().then((overrides) => createWorkingCalendar(overrides));
  return nationalCalendar;
}

/** One notice's summary as a chat message. */
export function renderProgress(report: NoticeProgress, t: Translate): string {
  const blockedInTime = report.blockedCounts.IN_TIME;
  const blockedOverdue = report.blockedCounts.OVERDUE;
  const lines = [
    t('report-header', { notice: report.noticeLabel, total: report.total }),
    t('report-on-time', { count: report.counts.ON_TIME }),
    t('report-late', { count: report.counts.LATE }),
    // A blocked directive is not "being carried out": it is counted apart, within its category.
    t('report-in-time', { count: report.counts.IN_TIME - blockedInTime }),
  ];
  if (blockedInTime > 0) lines.push(t('report-blocked-in-time', { count: blockedInTime }));
  lines.push(blockedOverdue > 0 ? t('report-overdue-with-blocked', { count: report.counts.OVERDUE, blocked: blockedOverdue }) : t('report-overdue', { count: report.counts.OVERDUE }));
  if (report.blocked.length > 0) lines.push(renderBlockers(report.blocked, t));
  if (report.overdue.length > 0) {
    lines.push(t('report-overdue-header'));
    for (const unit of report.overdue) {
      lines.push(t('report-overdue-unit', { unit: unit.unitName, items: unit.items.map((item) => t('report-overdue-item', { ordinal: item.ordinal, due: formatDdMmYyyy(item.due), days: item.daysLate })).join(', ') }));
    }
  }
  lines.push(report.notReported.length > 0 ? t('report-not-reported', { units: report.notReported.join(', ') }) : t('report-all-reported'));
  return lines.join('\n');
}

/** The "Khó khăn, vướng mắc" section: each open blocker with its reason and how long it has been open. */
export function renderBlockers(blocked: readonly BlockedItem[], t: Translate): string {
  return [
    t('report-blocked-header', { count: blocked.length }),
    ...blocked.map((item) =>
      t('report-blocked-line', { unit: item.unitName, ordinal: item.ordinal, reason: item.reason ?? t('report-blocked-no-reason'), days: item.days }),
    ),
  ].join('\n');
}
