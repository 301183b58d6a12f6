import type { PlanningAssignment, PlanningOpenWork } from '../../src/scheduler/planner.js';

/**
 * A unit's open work per notice, worked out from assignments the way the planning data's query
 * does it, so that planner tests can be written with assignments.
 */
export function openWorkOf(assignments: readonly PlanningAssignment[]): PlanningOpenWork[] {
  const groups = new Map<string, PlanningOpenWork>();
  for (const assignment of assignments) {
    const key = `${assignment.unitId} ${assignment.noticeId}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { unitId: assignment.unitId, noticeId: assignment.noticeId, publishedAt: assignment.createdAt, oldestReportAt: assignment.lastReportAt });
    } else if (group.oldestReportAt !== null && (assignment.lastReportAt === null || assignment.lastReportAt < group.oldestReportAt)) {
      group.oldestReportAt = assignment.lastReportAt;
    }
  }
  return [...groups.values()];
}
