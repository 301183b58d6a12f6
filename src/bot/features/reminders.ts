import { extendArgs, remindArgs, scheduleArgs } from '../../../commands/arguments.js';
import { formatDdMmYyyy, type LocalDate } from '../../domain/local-date.js';
import { shortNoticeTitle } from '../../domain/notice-label.js';
import { instantAt, localDateOf, localDateTimeOf } from '../../domain/zoned-time.js';
import { openAssignmentsOfUnit } from '../../store/assignments.js';
import { updateOffice } from '../../store/offices.js';
import { setChannelMuted } from '../../store/units.js';
import type { BotContext } from '../context.js';
import { formatDate } from '../dates.js';
import { UserError } from '../errors.js';
import { parseArgs } from '../parse-args.js';
import { officeOf, requireRole } from '../permissions.js';
import type { Feature } from '../router.js';
import { toastFor } from '../platform-text.js';

/** A deadline without a time of its own ends at 17:00, the end of the office day (as at intake). */
const defaultDueTime = { hour: 17, minute: 0 };

/**
 * Reminder controls: `/remind` (a unit group mutes or unmutes its reminders, when the office
 * allows; the office allows or forbids it), `/schedule` (the office's reporting days, hour,
 * quiet hours, weekend policy and escalation), and `/extend` (gia hạn: a unit asks, the
 * office approves or refuses with buttons; the original deadline stays for statistics).
 */
export const remindersFeature: Feature = {
  commands: {
    async remind(ctx, args) {
      const choice = parseArgs(remindArgs, args);
      if (ctx.office) {
        await requireRole(ctx, ctx.office.id, ['SECRETARY']);
        if (choice === 'on' || choice === 'off') throw new UserError('args-remind');
        if (choice !== null) await updateOffice(ctx.services.db, ctx.office.id, { unitsMayMute: choice === 'allow' });
        const allowed = choice === null ? ctx.office.unitsMayMute : choice === 'allow';
        await ctx.reply(ctx.t(choice === null ? (allowed ? 'remind-office-allows' : 'remind-office-forbids') : allowed ? 'remind-allowed' : 'remind-forbidden'));
        return;
      }
      const unit = ctx.unit!;
      if (choice === 'allow' || choice === 'forbid') throw new UserError('args-remind');
      const where = { chatId_threadId: { chatId: ctx.chat.id, threadId: ctx.here.threadId } };
      const channel = await ctx.services.db.unitChannel.findUnique({ where });
      if (choice === null) {
        await ctx.reply(ctx.t(channel?.remindersMuted && unit.office.unitsMayMute ? 'remind-state-off' : 'remind-state-on'));
        return;
      }
      if (choice === 'off' && !unit.office.unitsMayMute) throw new UserError('remind-mute-forbidden');
      // A topic that falls back to its group's channel has no row of its own: it follows the group.
      if (!channel) throw new UserError('remind-no-channel');
      await setChannelMuted(ctx.services.db, ctx.chat.id, ctx.here.threadId, choice === 'off');
      await ctx.reply(ctx.t(choice === 'off' ? 'remind-muted' : 'remind-unmuted'));
    },

    async schedule(ctx, args) {
      const office = officeOf(ctx);
      const change = parseArgs(scheduleArgs, args);
      const { db } = ctx.services;
      if (change !== null) {
        await requireRole(ctx, office.id, ['SECRETARY']);
        if (change.setting === 'report' || change.setting === 'consolidate') {
          const kind = change.setting === 'report' ? 'REPORT' : 'CONSOLIDATE';
          const { count } = await db.reportingSchedule.updateMany({ where: { officeId: office.id, active: true, kind }, data: { daysOfMonth: change.days } });
          if (count === 0) await db.reportingSchedule.create({ data: { officeId: office.id, kind, text: '/schedule', daysOfMonth: change.days, rule: 'monthly' } });
        } else {
          const data =
            change.setting === 'time'
              ? { reminderMinute: change.minute }
              : change.setting === 'quiet'
                ? { quietStart: change.start, quietEnd: change.end }
                : change.setting === 'move'
                  ? { nonWorkingDayPolicy: change.direction }
                  : { escalateAfterDays: change.office, escalateLeaderAfter: change.leader };
          await updateOffice(db, office.id, data);
        }
        await db.auditLog.create({ data: { officeId: office.id, actorId: ctx.person.id, action: 'schedule.update', details: { ...change } } });
      }
      await ctx.reply(await renderSchedule(ctx, office.id));
    },

    async extend(ctx, args) {
      const { ordinal, due, reason } = parseArgs(extendArgs, args);
      const unit = ctx.unit!;
      const { db } = ctx.services;
      const office = unit.office;
      const matches = (await openAssignmentsOfUnit(db, unit.id)).filter((a) => a.directive.ordinal.toLowerCase() === ordinal.toLowerCase());
      if (matches.length === 0) throw new UserError('status-unknown-number', { ordinal });
      if (matches.length > 1) throw new UserError('status-ambiguous', { ordinal, notices: matches.map((a) => a.directive.notice.number ?? '?').join(', ') });
      const assignment = matches[0]!;
      const today = localDateOf(ctx.services.now(), office.timeZone);
      const current: LocalDate | null = assignment.dueAt ? localDateOf(assignment.dueAt, office.timeZone) : null;
      if (due <= today || (current !== null && due <= current)) throw new UserError('extend-not-later', { due: formatDdMmYyyy(current ?? today) });
      const time = assignment.dueAt ? localDateTimeOf(assignment.dueAt, office.timeZone) : defaultDueTime;
      const extension = await db.extension.create({
        data: { assignmentId: assignment.id, requestedById: ctx.person.id, previousDueAt: assignment.dueAt, requestedDueAt: instantAt(due, time.hour, time.minute, office.timeZone), reason },
      });
      const home = office.homeChatId ? await db.chat.findUnique({ where: { id: office.homeChatId } }) : null;
      if (!home) throw new UserError('extend-no-office');
      const t = ctx.t;
      await ctx.messenger.send(
        { platform: home.platform, chatId: home.externalId, threadId: 0 },
        {
          html: t('extend-request-office', {
            unit: unit.name,
            ordinal: assignment.directive.ordinal,
            notice: shortNoticeTitle(assignment.directive.notice, ctx.locale),
            from: current ? formatDdMmYyyy(current) : t('directive-due-unset'),
            to: formatDdMmYyyy(due),
            reason,
            person: ctx.person.displayName,
          }),
          buttons: [[{ text: t('button-approve'), data: `ext:${extension.id}:A` }, { text: t('button-refuse'), data: `ext:${extension.id}:R` }]],
        },
      );
      await ctx.reply(t('extend-requested', { ordinal: assignment.directive.ordinal, date: formatDdMmYyyy(due) }));
    },
  },

  buttons: {
    /** `ext:<extensionId>:A|R`: the office approves or refuses a request for a new deadline. */
    async ext(ctx, payload) {
      const [extensionId = '', decision] = payload.split(':');
      const { db } = ctx.services;
      const extension = await db.extension.findUnique({ where: { id: extensionId }, include: { assignment: { include: { unit: { include: { office: true, channels: { include: { chat: true } } } }, directive: { include: { notice: true } } } } } });
      if (!extension) {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('button-expired'));
        return;
      }
      const { assignment } = extension;
      const office = assignment.unit.office;
      await requireRole(ctx, office.id, ['SECRETARY', 'LEADER']);
      const approved = decision === 'A';
      const now = ctx.services.now();
      // Decided once: of two presses (or two secretaries), only the first changes anything.
      const { count } = await db.extension.updateMany({ where: { id: extension.id, state: 'PENDING' }, data: { state: approved ? 'APPROVED' : 'REFUSED', decidedById: ctx.person.id, decidedAt: now } });
      if (count === 0) {
        await ctx.messenger.answerButton(ctx.event.buttonId, ctx.t('extend-already-decided'), true);
        return;
      }
      // The deadline in force moves; originalDueAt is left as it was, for the statistics.
      if (approved) await db.assignment.update({ where: { id: assignment.id }, data: { dueAt: extension.requestedDueAt } });
      const facts = {
        unit: assignment.unit.name,
        ordinal: assignment.directive.ordinal,
        notice: shortNoticeTitle(assignment.directive.notice, ctx.locale),
        to: formatDate(extension.requestedDueAt, office.timeZone),
        due: assignment.dueAt ? formatDate(assignment.dueAt, office.timeZone) : ctx.t('directive-due-unset'),
        person: ctx.person.displayName,
      };
      await ctx.messenger.answerButton(ctx.event.buttonId, toastFor(ctx.event.platform, ctx.t(approved ? 'button-approve' : 'button-refuse')));
      await ctx.messenger.edit(ctx.here, ctx.event.messageId, { html: ctx.t(approved ? 'extend-approved-office' : 'extend-refused-office', facts) });
      for (const channel of assignment.unit.channels.filter((c) => !c.chat.blockedAt)) {
        await ctx.messenger.send({ platform: channel.chat.platform, chatId: channel.chat.externalId, threadId: channel.threadId }, { html: ctx.t(approved ? 'extend-approved-unit' : 'extend-refused-unit', facts) });
      }
    },
  },
};

/** The office's reminder settings as a message, with how to change them. */
async function renderSchedule(ctx: BotContext, officeId: string): Promise<string> {
  const office = await ctx.services.db.office.findUniqueOrThrow({ where: { id: officeId }, include: { schedules: { where: { active: true } } } });
  const daysOf = (kind: 'REPORT' | 'CONSOLIDATE') => {
    const days = [...new Set(office.schedules.filter((s) => s.kind === kind).flatMap((s) => s.daysOfMonth as number[]))].sort((a, b) => a - b);
    return days.length > 0 ? days.join(', ') : ctx.t('schedule-none');
  };
  const offsets = (office.deadlineOffsets as number[]).filter((offset) => offset < 0).map((offset) => -offset).sort((a, b) => b - a);
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return [
    ctx.t('schedule-header', { office: office.name }),
    ctx.t('schedule-report-days', { days: daysOf('REPORT') }),
    ctx.t('schedule-consolidate-days', { days: daysOf('CONSOLIDATE') }),
    ctx.t('schedule-time', { time: hhmm(office.reminderMinute), zone: office.timeZone }),
    ctx.t('schedule-quiet', { start: office.quietStart, end: office.quietEnd }),
    ctx.t(office.nonWorkingDayPolicy === 'next' ? 'schedule-move-next' : 'schedule-move-previous'),
    ctx.t('schedule-deadline', { offsets: offsets.join(', ') || '0' }),
    ctx.t('schedule-escalate', { office: office.escalateAfterDays, leader: office.escalateLeaderAfter }),
    ctx.t('schedule-help'),
  ].join('\n');
}
