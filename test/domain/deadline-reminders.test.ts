import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, isWorkingDay } from '../../src/domain/calendar.js';
import { loadCalendarOverrides } from '../../src/domain/calendar-overrides.js';
import {
  deadlineReminderDates,
  effectiveDueDate,
  overdueWorkingDays,
} from '../../src/domain/deadline-reminders.js';
import { addDays, localDate, parseIsoDate } from '../../src/domain/local-date.js';

const d = parseIsoDate;
const calendar = createWorkingCalendar(await loadCalendarOverrides());

describe('deadline reminders', () => {
  it('reminds 3 and 1 working days before, on the day, and 1, 3 and 5 working days late by default', () => {
    expect(deadlineReminderDates(d('2025-03-12'), calendar)).toEqual([
      { kind: 'before', offset: -3, date: '2025-03-07' },
      { kind: 'before', offset: -1, date: '2025-03-11' },
      { kind: 'due', offset: 0, date: '2025-03-12' },
      { kind: 'overdue', offset: 1, date: '2025-03-13' },
      { kind: 'overdue', offset: 3, date: '2025-03-17' },
      { kind: 'overdue', offset: 5, date: '2025-03-19' },
    ]);
  });

  it('skips Tết 2025 when counting before a deadline just after it', () => {
    const dates = deadlineReminderDates(d('2025-02-03'), calendar, { overdue: { firstAfter: 1, every: 1, times: 0 } });
    expect(dates.map(({ date }) => date)).toEqual(['2025-01-22', '2025-01-24', '2025-02-03']);
  });

  it('moves the on-the-day reminder for a deadline inside Tết 2026 as the office chooses', () => {
    const none = { offsets: [0], overdue: { firstAfter: 1, every: 1, times: 0 } };
    expect(deadlineReminderDates(d('2026-02-18'), calendar, none)).toEqual([{ kind: 'due', offset: 0, date: '2026-02-13' }]);
    expect(deadlineReminderDates(d('2026-02-18'), calendar, { ...none, onNonWorkingDay: 'next' })).toEqual([
      { kind: 'due', offset: 0, date: '2026-02-23' },
    ]);
  });

  it('keeps one reminder per day when a Sunday deadline makes "1 day before" and "on the day" meet', () => {
    const dates = deadlineReminderDates(d('2025-03-16'), calendar, { overdue: { firstAfter: 1, every: 1, times: 1 } });
    expect(dates).toEqual([
      { kind: 'before', offset: -3, date: '2025-03-12' },
      { kind: 'due', offset: 0, date: '2025-03-14' },
      { kind: 'overdue', offset: 1, date: '2025-03-18' },
    ]);
  });

  it('refuses an overdue rule that would never end or never start', () => {
    expect(() => deadlineReminderDates(d('2025-03-12'), calendar, { overdue: { firstAfter: 0, every: 1, times: 1 } })).toThrow(RangeError);
    expect(() => deadlineReminderDates(d('2025-03-12'), calendar, { overdue: { firstAfter: 1, every: 0, times: 1 } })).toThrow(RangeError);
  });

  it('puts every reminder on a working day, and each late one on the day it becomes that late', () => {
    const dues = fc.integer({ min: 0, max: 365 * 10 }).map((offset) => addDays(localDate(2020, 1, 1), offset));
    fc.assert(
      fc.property(dues, fc.constantFrom<'previous' | 'next'>('previous', 'next'), (due, onNonWorkingDay) => {
        for (const reminder of deadlineReminderDates(due, calendar, { onNonWorkingDay })) {
          expect(isWorkingDay(reminder.date, calendar)).toBe(true);
          if (reminder.kind === 'overdue') {
            expect(overdueWorkingDays(due, reminder.date, calendar)).toBe(reminder.offset);
            expect(overdueWorkingDays(due, addDays(reminder.date, -1), calendar)).toBe(reminder.offset - 1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('days overdue', () => {
  it('ends a deadline that falls on a day off on the next working day', () => {
    expect(effectiveDueDate(d('2025-01-30'), calendar)).toBe('2025-02-03');
    expect(effectiveDueDate(d('2025-03-12'), calendar)).toBe('2025-03-12');
  });

  it('counts working days late, not calendar days', () => {
    expect(overdueWorkingDays(d('2025-03-12'), d('2025-03-10'), calendar)).toBe(0);
    expect(overdueWorkingDays(d('2025-03-12'), d('2025-03-12'), calendar)).toBe(0);
    expect(overdueWorkingDays(d('2025-03-12'), d('2025-03-13'), calendar)).toBe(1);
    expect(overdueWorkingDays(d('2025-03-12'), d('2025-03-17'), calendar)).toBe(3);
    // Due Friday 24/01/2025, the last day before Tết: a week of Tết later it is 1 working day late.
    expect(overdueWorkingDays(d('2025-01-24'), d('2025-02-03'), calendar)).toBe(1);
    // Due inside Tết: not late until after Monday 03/02.
    expect(overdueWorkingDays(d('2025-01-30'), d('2025-02-03'), calendar)).toBe(0);
    expect(overdueWorkingDays(d('2025-01-30'), d('2025-02-04'), calendar)).toBe(1);
  });
});
