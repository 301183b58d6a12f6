import { shortNoticeTitle } from '../../domain/notice-label.js';
import { directiveHistory } from '../../store/assignments.js';
import { formatDate, formatDateThenTime } from '../dates.js';
import { escapeHtml } from '../html.js';
import { requireRole } from '../permissions.js';
import type { Feature } from '../router.js';

/**
 * The button under a blocker alert (`dv:<assignmentId>`) opens the directive: its text and
 * deadline, each unit's state, and every report made on it, so the office sees what the unit
 * said before and since. Secretaries and leaders of the directive's office only: the alert may
 * be forwarded.
 */
export const directiveHistoryFeature: Feature = {
  buttons: {
    async dv(ctx, assignmentId) {
      const directive = await directiveHistory(ctx.services.db, assignmentId);
      if (!directive) {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('button-expired'));
        return;
      }
      await requireRole(ctx, directive.notice.officeId, ['SECRETARY', 'LEADER']);
      const office = await ctx.services.db.office.findUniqueOrThrow({ where: { id: directive.notice.officeId }, select: { timeZone: true } });
      const { timeZone } = office;
      const t = ctx.t;
      const lines = [
        t('history-header', { notice: shortNoticeTitle(directive.notice, ctx.locale, timeZone), ordinal: directive.ordinal }),
        escapeHtml(directive.text),
        directive.dueAt ? t('history-due', { date: formatDate(directive.dueAt, timeZone) }) : t('history-no-due'),
      ];
      for (const assignment of directive.assignments) {
        lines.push('', t('history-unit', { unit: assignment.unit.name, role: t(assignment.role === 'LEAD' ? 'role-lead' : 'role-support'), state: t(`state-${assignment.state}`) }));
        if (assignment.reports.length === 0) lines.push(t('history-no-reports'));
        for (const report of assignment.reports) {
          lines.push(
            t('history-report', { time: formatDateThenTime(report.createdAt, timeZone), state: t(`state-${report.state}`), person: report.reporter?.displayName ?? '—' }) +
              (report.note ? t('history-note', { note: report.note }) : ''),
          );
        }
      }
      await ctx.messenger.answerButton(ctx.event.buttonId);
      await ctx.reply(lines.join('\n'));
    },
  },
};
