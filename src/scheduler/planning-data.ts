import { cached } from '../domain/cached.js';
import type { Direction, WorkingCalendar } from '../domain/calendar.js';
import type { LocalDate } from '../domain/local-date.js';
import { shortNoticeTitle } from '../domain/notice-label.js';
import { localDateOf } from '../domain/zoned-time.js';
import type { Provider } from '../store/database-url.js';
import { jsonRows as jsonParameterRows } from '../store/json-rows.js';
import type { Db } from '../store/database.js';
import { directSql } from '../store/direct-sql.js';
import { windowReach, withReportingDay, type PlanningAssignment, type PlanningOffice, type PlanningSchedule, type PlanningUnit, type PlanningWindow, type Recipient } from './planner.js';
import { groupBy } from '../domain/group-by.js';

/** Offices a tick reads, plans and inserts at a time: its memory is a page's, whatever the number of offices. */
export const PLANNING_PAGE_OFFICES = 100;

/**
 * Reads what the planner needs to plan `window`, a page of offices at a time in the order of
 * their ids, in a handful of queries per page. Offices are planned independently of each other,
 * so planning page after page plans exactly what planning them all at once would. The next page
 * is read while the caller plans and inserts the one it was given (on PostgreSQL the server
 * works meanwhile).
 *
 * Only what can produce a reminder in the window is read (see {@link windowReach}): of an
 * office whose reminder time is not in the window, nothing but its settings; of the others, the
 * open assignments due on the dates whose reminders fall in the window, and for the offices with
 * a reporting day in it, their open work summed up per unit and notice (the reminder's list is
 * read when it is sent). Each query returns its rows as one JSON array, which the drivers hand
 * over as a single value instead of converting thousands of rows cell by cell. Chats that
 * blocked the bot are left out here, so nothing is planned for them.
 */
export async function* loadPlanningPages(db: Db, provider: Provider, window: PlanningWindow, calendar: WorkingCalendar, pageOffices = PLANNING_PAGE_OFFICES): AsyncGenerator<PlanningOffice[]> {
  const sql = dialect(provider);
  const reachOf = windowReach(window, calendar);
  // Every office's settings at once, a few hundred bytes each: which offices the window concerns.
  const officeRows = await jsonRows<OfficeRow>(
    db,
    sql,
    `o."id", o."name", o."timeZone", o."reminderMinute", o."quietStart", o."quietEnd", ${sql.json('o."deadlineOffsets"')}, o."escalateAfterDays", o."escalateLeaderAfter",
     o."nonWorkingDayPolicy", o."unitsMayMute", CASE WHEN h."blockedAt" IS NULL THEN h."id" END, CASE WHEN l."blockedAt" IS NULL AND (o."homeChatId" IS NULL OR o."leadershipChatId" <> o."homeChatId") THEN l."id" END,
     o."locale"`,
    `"Office" o LEFT JOIN "Chat" h ON h."id" = o."homeChatId" LEFT JOIN "Chat" l ON l."id" = o."leadershipChatId"`,
    { orderBy: 'o."id"' },
  );
  const offices = officeRows.map(planningOffice).filter((office) => reachOf(office).active);
  const localeOf = new Map(officeRows.map((row) => [row[0], row[13]]));
  if (offices.length === 0) return;
  const due = await loadDue(db, sql, offices.flatMap((office) => reachOf(office).dueRanges));
  const reading: Reading = { db, sql, window, calendar, reachOf, dueDateOf: dueDates(), due, localeOf };
  const read = (page: PlanningOffice[]) => {
    const loaded = loadPage(reading, page);
    // A caller that stops early (its insert failed) never awaits the page read ahead: no unhandled rejection.
    loaded.catch(() => undefined);
    return loaded;
  };
  let next = read(offices.slice(0, pageOffices));
  for (let start = pageOffices; ; start += pageOffices) {
    const page = await next;
    if (start < offices.length) next = read(offices.slice(start, start + pageOffices));
    yield page;
    if (start >= offices.length) return;
  }
}

/** What every page of one read shares. */
interface Reading {
  db: Db;
  sql: Dialect;
  window: PlanningWindow;
  calendar: WorkingCalendar;
  reachOf: ReturnType<typeof windowReach>;
  dueDateOf: (dueAt: string, zone: string) => LocalDate;
  /** The open work due on the dates whose reminders fall in the window, per office. */
  due: Map<string, DueRow[]>;
  /** Each office's language, which its reminders name notices in. */
  localeOf: Map<string, string>;
}

/** An open assignment due near the window: id, unit, notice, directive ordinal, due, last report, office. */
type DueRow = [string, string, string, string, string, string | null, string];

/**
 * The open work of every office due within `ranges`, in one query: a few days' deadlines
 * (offices with the same settings have the same ranges), read through the dueAt index.
 */
async function loadDue(db: Db, sql: Dialect, ranges: readonly { from: Date; to: Date }[]): Promise<Map<string, DueRow[]>> {
  const spans = [...new Map(ranges.map((range) => [`${range.from.getTime()} ${range.to.getTime()}`, [range.from, range.to]])).values()];
  if (spans.length === 0) return new Map();
  const rows = await jsonRows<DueRow>(
    db,
    sql,
    `a."id", a."unitId", d."noticeId", d."ordinal", ${sql.date('a."dueAt"')}, ${sql.date('a."lastReportAt"')}, n."officeId"`,
    `${sql.spans.from('$1', 's')} JOIN "Assignment" a ON a."dueAt" >= s."from" AND a."dueAt" < s."to"
     JOIN "Directive" d ON d."id" = a."directiveId" JOIN "Notice" n ON n."id" = d."noticeId"
     WHERE a."state" <> 'DONE' AND n."state" = 'PUBLISHED'`,
    { params: [sql.spans.encode(spans)] },
  );
  return groupBy(rows, (row) => row[6]);
}

/**
 * The local date of a deadline instant in a zone. Reading a date in a zone goes through Intl, and
 * many assignments share a deadline instant (a notice's), across pages too: so once each.
 */
function dueDates(): Reading['dueDateOf'] {
  const dates = new Map<string, LocalDate>();
  return (dueAt, zone) => cached(dates, `${dueAt}@${zone}`, () => localDateOf(new Date(dueAt), zone));
}

/** What the planner reads of a page of offices: schedules, leaders, units, their work. */
async function loadPage({ db, sql, window, calendar, reachOf, dueDateOf, due, localeOf }: Reading, planning: PlanningOffice[]): Promise<PlanningOffice[]> {
  // The page's office ids, as the first parameter of the queries below.
  const page = { params: [sql.encodeOfficeIds(planning.map((office) => office.id))] };
  const [schedules, leaders, units, notices] = await Promise.all([
    jsonRows<[string, string, string | null, string, unknown]>(
      db,
      sql,
      `s."id", s."officeId", s."noticeId", s."kind", ${sql.json('s."daysOfMonth"')}`,
      `"ReportingSchedule" s WHERE s."officeId" IN (${sql.officeIds}) AND s."active" = ${sql.true}`,
      page,
    ),
    jsonRows<[string, string]>(
      db,
      sql,
      `m."officeId", c."id"`,
      `"Membership" m JOIN "Person" p ON p."id" = m."personId" JOIN "Chat" c ON c."id" = p."privateChatId"
       WHERE m."officeId" IN (${sql.officeIds}) AND m."role" = 'LEADER' AND c."blockedAt" IS NULL`,
      page,
    ),
    jsonRows<[string, string, string, string | null, number | null, boolean | null]>(
      db,
      sql,
      `u."id", u."name", u."officeId", c."id", uc."threadId", uc."remindersMuted"`,
      `"Unit" u LEFT JOIN "UnitChannel" uc ON uc."unitId" = u."id" LEFT JOIN "Chat" c ON c."id" = uc."chatId" AND c."blockedAt" IS NULL
       WHERE u."officeId" IN (${sql.officeIds}) AND u."removedAt" IS NULL`,
      page,
    ),
    // The page's published notices; their directives are read with the assignments due.
    jsonRows<[string, string, string | null, string | null, string | null, string | null, string | null, string | null]>(
      db,
      sql,
      `n."id", n."officeId", n."number", n."title", ${sql.date('n."publishedAt"')}, ${sql.date('n."issuedOn"')}, ${sql.date('n."meetingOn"')}, n."locality"`,
      `"Notice" n WHERE n."officeId" IN (${sql.officeIds}) AND n."state" = 'PUBLISHED'`,
      page,
    ),
  ]);

  const schedulesByOffice = groupBy(schedules, (row) => row[1]);
  const leadersByOffice = groupBy(leaders, (row) => row[0]);
  const scheduleOf = (row: (typeof schedules)[number]): PlanningSchedule => ({ id: row[0], noticeId: row[2], daysOfMonth: row[4] as number[] });
  for (const office of planning) {
    const officeSchedules = schedulesByOffice.get(office.id) ?? [];
    office.leaders = (leadersByOffice.get(office.id) ?? []).map((leader): Recipient => ({ chatId: leader[1], threadId: 0 }));
    office.reportSchedules = officeSchedules.filter((s) => s[3] === 'REPORT').map(scheduleOf);
    office.consolidateSchedules = officeSchedules.filter((s) => s[3] === 'CONSOLIDATE').map(scheduleOf);
  }
  const byId = new Map(planning.map((office) => [office.id, office]));
  const unitsById = new Map<string, PlanningUnit>();
  for (const [id, name, officeId, chatId, threadId, muted] of units) {
    let unit = unitsById.get(id);
    if (!unit) {
      unit = { id, name, channels: [] };
      unitsById.set(id, unit);
      byId.get(officeId)?.units.push(unit);
    }
    if (chatId !== null) unit.channels.push({ chatId, threadId: threadId ?? 0, muted: Boolean(muted) });
  }

  // For the offices with a reporting day in the window, their open work summed up per unit and notice.
  const reporting = withReportingDay(planning, window, calendar).map((office) => office.id);
  const published = new Map(
    notices.map(([id, officeId, number, title, publishedAt, issuedOn, meetingOn, locality]) => [
      id,
      { officeId, identity: { number, title, locality, issuedOn: issuedOn ? new Date(issuedOn) : null, meetingOn: meetingOn ? new Date(meetingOn) : null }, publishedAt: publishedAt ? new Date(publishedAt) : new Date(0) },
    ]),
  );
  // Named only when one of its assignments is due in the window: a few notices a tick.
  const labels = new Map<string, string>();
  const labelOf = (noticeId: string, officeId: string) => cached(labels, noticeId, () => shortNoticeTitle(published.get(noticeId)!.identity, localeOf.get(officeId) ?? 'vi'));
  const openWork =
    reporting.length === 0
      ? []
      : await jsonRows<[string, string, string | null]>(
          db,
          sql,
          `w."unitId", w."noticeId", ${sql.date('w."oldest"')}`,
          // A unit is silent on a notice when one of its open assignments there has no report since
          // the previous reporting day. The (directiveId, state, unitId, lastReportAt) index has all
          // this reads of an assignment.
          `(SELECT a."unitId", d."noticeId", CASE WHEN COUNT(a."lastReportAt") < COUNT(*) THEN NULL ELSE MIN(a."lastReportAt") END AS "oldest"
             FROM "Notice" n JOIN "Directive" d ON d."noticeId" = n."id" JOIN "Assignment" a ON a."directiveId" = d."id"
             WHERE n."officeId" IN (${sql.officeIds}) AND n."state" = 'PUBLISHED' AND a."state" <> 'DONE' GROUP BY d."noticeId", a."unitId") w`,
          { params: [sql.encodeOfficeIds(reporting)] },
        );
  for (const [unitId, noticeId, oldest] of openWork) {
    // A notice published since its page was read waits for the next tick.
    const notice = published.get(noticeId);
    if (notice) byId.get(notice.officeId)?.openWork.push({ unitId, noticeId, publishedAt: notice.publishedAt, oldestReportAt: oldest ? new Date(oldest) : null });
  }

  for (const office of planning) {
    const ranges = reachOf(office).dueRanges;
    for (const [id, unitId, noticeId, ordinal, dueAt, lastReportAt] of due.get(office.id) ?? []) {
      const notice = published.get(noticeId);
      // Of the work due in any office's ranges, this office's own (its zone's midnights).
      const at = Date.parse(dueAt);
      if (!notice || !ranges.some((range) => at >= range.from.getTime() && at < range.to.getTime())) continue;
      office.assignments.push({
        id,
        unitId,
        noticeId,
        noticeLabel: labelOf(noticeId, office.id),
        ordinal,
        due: dueDateOf(dueAt, office.timeZone),
        lastReportAt: lastReportAt ? new Date(lastReportAt) : null,
        // Published by the office's clock (tests move it); the row's own createdAt is the host's.
        createdAt: notice.publishedAt,
      } satisfies PlanningAssignment);
    }
  }
  return planning;
}

/** An office as the page query reads it; the last cell, its locale, names its notices in reminders. */
type OfficeRow = [string, string, string, number, string, string, unknown, number, number, string, unknown, string | null, string | null, string];

/** An office's settings and chats, its lists still empty. */
function planningOffice(row: OfficeRow): PlanningOffice {
  const [id, name, timeZone, reminderMinute, quietStart, quietEnd, deadlineOffsets, escalateAfterDays, escalateLeaderAfter, policy, unitsMayMute, homeChat, leadershipChat] = row;
  return {
    id,
    name,
    timeZone,
    reminderMinute,
    quiet: { start: quietStart, end: quietEnd },
    deadlineOffsets: Array.isArray(deadlineOffsets) ? (deadlineOffsets as number[]) : [-3, -1, 0],
    escalateAfterDays,
    escalateLeaderAfter,
    nonWorkingDayPolicy: policy === 'next' ? 'next' : ('previous' satisfies Direction),
    unitsMayMute: Boolean(unitsMayMute),
    homeChat: homeChat === null ? null : { chatId: homeChat, threadId: 0 },
    // A leadership chat that is the home chat gets the summary once, as the home chat.
    leadershipChat: leadershipChat === null ? null : { chatId: leadershipChat, threadId: 0 },
    leaders: [],
    reportSchedules: [],
    consolidateSchedules: [],
    units: [],
    assignments: [],
    openWork: [],
  };
}

/** What differs between the two databases' SQL here: JSON aggregation, dates and parameters. */
function dialect(provider: Provider) {
  const postgres = provider === 'postgresql';
  const officeIds = jsonParameterRows(provider, [['id', 'text']]);
  const spans = jsonParameterRows(provider, [['from', 'timestamp'], ['to', 'timestamp']]);
  return {
    /** Rows of `columns` as one JSON array of arrays, in `orderBy` order if given, in a single text cell. */
    aggregate: (columns: string, orderBy?: string) => {
      const order = orderBy ? ` ORDER BY ${orderBy}` : '';
      return postgres ? `coalesce(json_agg(json_build_array(${columns})${order}), '[]')::text` : `json_group_array(json_array(${columns})${order})`;
    },
    /** A JSON column as JSON (SQLite keeps it as text). */
    json: (column: string) => (postgres ? column : `json(${column})`),
    /**
     * A date column as ISO text with its zone, which `new Date` reads back exactly. PostgreSQL's
     * columns are UTC without a zone: made a timestamptz, JSON writes the offset (to_char would
     * cost twice the whole aggregate).
     */
    date: (column: string) => (postgres ? `(${column} AT TIME ZONE 'UTC')` : column),
    true: postgres ? 'true' : '1',
    /** The office ids bound as parameter 1, as a subquery, and how to bind them. */
    officeIds: `SELECT "id" FROM ${officeIds.from()}`,
    encodeOfficeIds: (ids: readonly string[]) => officeIds.encode(ids.map((id) => [id])),
    /** Rows of (from, to): the instants between which deadlines are read. */
    spans,
  };
}

type Dialect = ReturnType<typeof dialect>;

/** The rows of `SELECT columns FROM from`, read as one JSON value, on the driver itself (see {@link directSql}). */
async function jsonRows<Row>(db: Db, sql: Dialect, columns: string, from: string, query: { orderBy?: string; params?: unknown[] } = {}): Promise<Row[]> {
  const [result] = await directSql(db).query<{ rows: string }>(`SELECT ${sql.aggregate(columns, query.orderBy)} AS "rows" FROM ${from}`, query.params);
  return JSON.parse(result?.rows ?? '[]') as Row[];
}
