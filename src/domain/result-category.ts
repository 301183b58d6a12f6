import { daysBetween, type LocalDate } from './local-date.js';
import type { TaskState } from './task-state.js';

/**
 * The four result categories of government follow-up statistics: done on time (hoàn thành
 * đúng hạn), done late (hoàn thành quá hạn), not done but still in time (đang thực hiện trong
 * hạn), overdue (quá hạn chưa hoàn thành) with days overdue.
 */
export type ResultCategory = 'ON_TIME' | 'LATE' | 'IN_TIME' | 'OVERDUE';

/** Calendar dates in the office's time zone; ISO strings, so comparisons are plain string order. */
export interface CategoryInput {
  state: TaskState;
  due: LocalDate | null;
  completed: LocalDate | null;
}

export interface Categorised {
  category: ResultCategory;
  /** Calendar days past the deadline: for OVERDUE until today, for LATE until completion. */
  daysLate: number;
}

/**
 * Classifies an assignment on `today`. A deadline is met when the work is done on or before
 * the due day; a directive without a deadline ("thường xuyên") is never overdue.
 */
export function categorise(input: CategoryInput, today: LocalDate): Categorised {
  if (input.state === 'DONE') {
    const completed = input.completed ?? today;
    if (input.due === null || completed <= input.due) return { category: 'ON_TIME', daysLate: 0 };
    return { category: 'LATE', daysLate: daysBetween(input.due, completed) };
  }
  if (input.due === null || today <= input.due) return { category: 'IN_TIME', daysLate: 0 };
  return { category: 'OVERDUE', daysLate: daysBetween(input.due, today) };
}
