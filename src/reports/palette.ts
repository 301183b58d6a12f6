import type { ResultCategory } from '../domain/result-category.js';

/**
 * The colour of each result category, shared by the chart and the dashboard so that a leader
 * reads them the same way in both: green, amber, blue, red, still distinct when printed in grey.
 */
export const categoryColours: Record<ResultCategory, string> = { ON_TIME: '#2e7d32', LATE: '#f9a825', IN_TIME: '#1e88e5', OVERDUE: '#c62828' };
