/**
 * What the exports (.xlsx, .docx, chart, dashboard) show, loaded once from the store: every
 * published notice of an office with each directive × unit, its result category on the
 * office's local date, its last report and its extension history (gia hạn).
 */
import type { LocalDate } from '../domain/local-date.js';
import { shortNoticeTitle } from '../domain/notice-label.js';
import { categorise, type ResultCategory } from '../domain/result-category.js';
import type { TaskState } from '../domain/task-state.js';
import { localDateOf, localDateTimeOf, type LocalDateTime } from '../domain/zoned-time.js';
import type { Db } from '../store/database.js';

/** One request for a new deadline, as the history column lists it. */
export interface ExtensionEntry {
  requestedOn: LocalDate;
  from: LocalDate | null;
  to: LocalDate;
  state: 'PENDING' | 'APPROVED' | 'REFUSED';
  reason: string;
}

/** One directive for one unit (an assignment), in the office's calendar. */
export interface ReportRow {
  position: number;
  ordinal: string;
  directiveText: string;
  unitId: string;
  unitName: string;
  role: 'LEAD' | 'SUPPORT';
  /** The deadline in force, after approved extensions. */
  due: LocalDate | null;
  state: TaskState;
  category: ResultCategory;
  daysLate: number;
  lastNote: string | null;
  reporter: string | null;
  reportedAt: LocalDateTime | null;
  extensions: ExtensionEntry[];
}

/** A published notice and its rows, in directive order, lead units first. */
export interface ReportNotice {
  id: string;
  /** How titles name it, words spelled out: "Thông báo số 12/TB-BCĐ" (see {@link shortNoticeTitle}). */
  label: string;
  /** The same, short, where room is tight: "TB số 12/TB-BCĐ". */
  shortLabel: string;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issuedOn: LocalDate | null;
  rows: ReportRow[];
}

/** Everything one export of one office needs. */
export interface OfficeReport {
  officeName: string;
  /** The office's local date the categories are computed on. */
  today: LocalDate;
  notices: ReportNotice[];
}

/**
 * Loads the report of an office's published notices, or of those whose number contains
 * `number` (users type `12` for `12/TB-BCĐ`); null when a number is given and matches none.
 * A number that starts notices' numbers picks those alone.
 */
export async function loadOfficeReport(db: Db, office: { id: string; name: string; timeZone: string }, now: Date, number: string | null): Promise<OfficeReport | null> {
  const { timeZone } = office;
  const today = localDateOf(now, timeZone);
  const dateOf = (instant: Date | null) => (instant ? localDateOf(instant, timeZone) : null);
  const found = await db.notice.findMany({
    where: { officeId: office.id, state: 'PUBLISHED', ...(number ? { number: { contains: number } } : {}) },
    orderBy: { publishedAt: 'asc' },
  });
  // `1` must mean 1/TB-BCĐ rather than 1/TB-BCĐ, 10/TB-BCĐ and 21/TB-BCĐ together: notices whose
  // number starts with what was typed, up to a separator, win over those that merely contain it.
  const startsWith = number ? found.filter((notice) => notice.number?.startsWith(number) && /^([/-]|$)/.test(notice.number.slice(number.length))) : [];
  const notices = startsWith.length > 0 ? startsWith : found;
  if (number && notices.length === 0) return null;

  return {
    officeName: office.name,
    today,
    notices: await mapInOrder(notices, async (notice) => ({
      id: notice.id,
      // Official documents are in Vietnamese whatever the reader's chat language.
      label: shortNoticeTitle(notice, 'vi', undefined, 'formal'),
      shortLabel: shortNoticeTitle(notice, 'vi'),
      number: notice.number,
      title: notice.title,
      issuer: notice.issuer,
      issuedOn: dateOf(notice.issuedOn),
      rows: (await directivesWithAssignments(db, notice.id)).flatMap(({ directive, assignments }) =>
        assignments.toSorted(byRoleThenUnit).map((assignment): ReportRow => {
          const due = dateOf(assignment.dueAt);
          const last = assignment.reports[0];
          return {
            position: directive.position,
            ordinal: directive.ordinal,
            directiveText: directive.text,
            unitId: assignment.unitId,
            unitName: assignment.unit.name,
            role: assignment.role,
            due,
            state: assignment.state,
            ...categorise({ state: assignment.state, due, completed: dateOf(assignment.completedAt) }, today),
            lastNote: last?.note ?? null,
            reporter: last?.reporter?.displayName ?? null,
            reportedAt: last ? localDateTimeOf(last.createdAt, timeZone) : null,
            extensions: assignment.extensions.map((extension) => ({
              requestedOn: localDateOf(extension.createdAt, timeZone),
              from: dateOf(extension.previousDueAt),
              to: localDateOf(extension.requestedDueAt, timeZone),
              state: extension.state,
              reason: extension.reason,
            })),
          };
        }),
      ),
    })),
  };
}

/** Only the columns the exports show: an office's report runs to ten thousand rows and more. */
const assignmentColumns = {
  id: true,
  directiveId: true,
  unitId: true,
  role: true,
  state: true,
  dueAt: true,
  completedAt: true,
  unit: { select: { name: true } },
  reports: { orderBy: { createdAt: 'desc' }, take: 1, select: { note: true, createdAt: true, reporter: { select: { displayName: true } } } },
  extensions: { orderBy: { createdAt: 'asc' }, select: { createdAt: true, previousDueAt: true, requestedDueAt: true, state: true, reason: true } },
} as const;

/**
 * Assignments are read in pages because Prisma loads a relation with one bound parameter per
 * parent row, and a notice of some thousands of assignments overflows the database's limit.
 */
const pageSize = 500;

/** A notice's directives in order, each with its assignments. */
async function directivesWithAssignments(db: Db, noticeId: string) {
  const directives = await db.directive.findMany({ where: { noticeId }, orderBy: { position: 'asc' }, select: { id: true, position: true, ordinal: true, text: true } });
  type Assignment = Awaited<ReturnType<typeof db.assignment.findMany<{ select: typeof assignmentColumns }>>>[number];
  const byDirective = new Map<string, Assignment[]>(directives.map((directive) => [directive.id, []]));
  let cursor: string | undefined;
  for (;;) {
    const page = await db.assignment.findMany({
      where: { directive: { noticeId } },
      orderBy: { id: 'asc' },
      take: pageSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: assignmentColumns,
    });
    for (const assignment of page) byDirective.get(assignment.directiveId)?.push(assignment);
    if (page.length < pageSize) break;
    cursor = page.at(-1)!.id;
  }
  return directives.map((directive) => ({ directive, assignments: byDirective.get(directive.id)! }));
}

/** Maps one item at a time, so that a large office does not open every query at once. */
async function mapInOrder<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await map(item));
  return results;
}

function byRoleThenUnit(a: { role: string; unit: { name: string } }, b: { role: string; unit: { name: string } }): number {
  // LEAD sorts before SUPPORT: chủ trì first, as notices list them.
  return a.role.localeCompare(b.role) || a.unit.name.localeCompare(b.unit.name, 'vi');
}
