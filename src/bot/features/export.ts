import { exportArgs, type ExportFormat } from '../../../commands/arguments.js';
import { lastByKey } from '../../domain/group-by.js';
import { formatDdMmYyyy } from '../../domain/local-date.js';
import { foldVietnamese } from '../../domain/vietnamese-text.js';
import type { Dashboard } from '../../http/dashboard.js';
import { loadOfficeReport, type OfficeReport } from '../../reports/report-data.js';
import { formatDateTime } from '../dates.js';
import { UserError } from '../errors.js';
import { officeCommand } from '../office-choice.js';
import { requireRole } from '../permissions.js';
import { parseArgs } from '../parse-args.js';
import type { Feature } from '../router.js';

/** Loaded on first use: a bot that nobody asks for a file need not carry exceljs, docx and resvg. */
const builders: Record<ExportFormat, (report: OfficeReport) => Promise<Uint8Array>> = {
  xlsx: async (report) => (await import('../../reports/xlsx-report.js')).buildXlsxReport(report),
  docx: async (report) => (await import('../../reports/docx-report.js')).buildDocxReport(report),
  png: async (report) => (await import('../../reports/progress-chart.js')).renderProgressChartPng(report),
};

/**
 * `/export [số thông báo] [xlsx|docx|png]`: the tables arrive as documents, the chart as a
 * photo. In the office group, or in private for a leader or secretary (see {@link officeCommand}).
 */
const exporting = officeCommand('export', ['SECRETARY', 'LEADER'], async (ctx, office, args) => {
  const { number, format } = parseArgs(exportArgs, args);
  const report = await loadOfficeReport(ctx.services.db, office, ctx.services.now(), number);
  if (report === null) throw new UserError('report-notice-unknown', { number: number ?? '' });
  if (report.notices.length === 0) {
    await ctx.reply(ctx.t('report-empty'));
    return;
  }
  const scope = number ? report.notices.map((notice) => notice.number ?? '').join(', ') : null;
  const file = {
    bytes: await builders[format](report),
    fileName: `bao-cao-${scope ? slug(scope) : 'tat-ca'}-${report.today}.${format}`,
    captionHtml: ctx.t('export-caption', { kind: ctx.t(`export-kind-${format}`), scope: scope ?? ctx.t('export-scope-all'), date: formatDdMmYyyy(report.today) }),
    replyToMessageId: ctx.event.messageId,
  };
  // The chart is read at a glance in the chat; the tables are files to open, print and sign.
  await (format === 'png' ? ctx.messenger.sendPhoto(ctx.here, file) : ctx.messenger.sendDocument(ctx.here, file));
});

export const exportFeature: Feature = { commands: { export: exporting.command }, buttons: exporting.buttons };

/**
 * `/dashboard`: a signed link to the office's dashboard that expires. In the office group it is
 * for that office; in a private chat, for every office where the person is a secretary or leader.
 */
export function dashboardFeature(dashboard: Pick<Dashboard, 'linkFor'>): Feature {
  return {
    commands: {
      async dashboard(ctx) {
        let offices: { id: string; name: string; timeZone: string }[];
        if (ctx.office) {
          await requireRole(ctx, ctx.office.id, ['SECRETARY', 'LEADER']);
          offices = [ctx.office];
        } else {
          const memberships = await ctx.services.db.membership.findMany({ where: { personId: ctx.person.id, role: { in: ['SECRETARY', 'LEADER', 'ADMIN'] } }, include: { office: true } });
          offices = lastByKey(memberships, (m) => m.officeId).map((m) => m.office);
          if (offices.length === 0) throw new UserError('dashboard-no-office');
        }
        const lines = offices.map((office) => {
          const link = dashboard.linkFor(office.id);
          return ctx.t('dashboard-link', { url: link.url, office: office.name, time: formatDateTime(link.expiresAt, office.timeZone) });
        });
        await ctx.reply(lines.join('\n'));
      },
    },
  };
}

/** An ASCII file-name part: `12/TB-BCĐ` → `12-tb-bcd`. */
function slug(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'thong-bao';
}
