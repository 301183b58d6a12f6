/**
 * The reminder outbox: every query on the `Reminder` table, in one place, so that the locking
 * story can be read top to bottom (after pg-boss's `plans.ts`).
 *
 * A row's life: the planner inserts it PENDING (idempotently: its `key` is unique, a second
 * insert of the same occurrence does nothing); a sender claims it (SENDING, with `leasedBy`
 * and `leaseUntil`); after the platform accepted the message it is marked SENT with the
 * message id. A passing failure puts it back to PENDING with `leaseUntil` as the earliest retry
 * time; a lasting one marks it FAILED; a row left unsent past the catch-up horizon is SKIPPED.
 *
 * Claiming:
 * - PostgreSQL: `FOR UPDATE SKIP LOCKED`, so any number of instances claim disjoint rows in
 *   one statement each, without waiting on each other.
 * - SQLite: one file has one writer at a time and the claim is a single `UPDATE … RETURNING`,
 *   so it is atomic by construction.
 *
 * Claims take whole chats: every due row of the chosen chats, so that a sender can put all of
 * one chat's reminders into one message (the "you missed" digest after downtime) instead of a
 * flood.
 *
 * **Lease policy.** A SENDING row whose lease has expired is claimable again, by any instance.
 * The sender that held it either died or is far slower than the lease allows; it is marked
 * sent only by the sender that holds the current lease. Delivery is therefore at least once:
 * a crash after Telegram accepted a message and before the SENT update commits sends those
 * rows again, and nothing else does, so duplicates are bounded by the rows in flight at the
 * crash (one claim batch of one instance). The lease must outlast a batch's sending time;
 * {@link DEFAULT_LEASE_MS} does for the default batch and Telegram's rates.
 */
import { randomUUID } from 'node:crypto';
import type { Provider } from './database-url.js';
import { jsonRows } from './json-rows.js';
import type { Db } from './database.js';
import { directSql } from './direct-sql.js';

/** How long a claim is owned before another sender may take it over. */
export const DEFAULT_LEASE_MS = 120_000;

/** A reminder occurrence as the planner makes it, ready for the outbox. */
export interface OutboxEntry {
  /** Unique per occurrence and recipient; see the planner for the shapes. */
  key: string;
  kind: string;
  officeId: string;
  /** The `Chat` row id (not the platform's chat id). */
  chatId: string;
  threadId: number;
  assignmentId: string | null;
  scheduleId: string | null;
  payload: unknown;
  /** When it may be sent: the occurrence's time, moved out of the quiet hours. */
  dueAt: Date;
}

/** The outbox of one database; build it with {@link createOutbox}. */
export type Outbox = ReturnType<typeof createOutbox>;

/** Rows of the outbox as the sender reads them, with the chat to send to. */
export type ClaimedReminder = Awaited<ReturnType<Outbox['claim']>>[number];

// Rows a single INSERT carries (as one JSON parameter, so no bound-parameter limit applies).
const INSERT_CHUNK = 2_000;

/**
 * The outbox queries for a database. `provider` picks the SQL dialect where the two differ
 * (placeholders, row locking).
 */
export function createOutbox(db: Db, provider: Provider) {
  const sql = dialect(provider);
  const direct = directSql(db);
  const reminderRows = jsonRows(provider, [
    ['id', 'text'], ['key', 'text'], ['kind', 'text'], ['officeId', 'text'], ['chatId', 'text'], ['threadId', 'int'],
    ['assignmentId', 'text'], ['scheduleId', 'text'], ['payload', 'json'], ['dueAt', 'timestamp'],
  ]);

  /** Ends rows still held by `owner` without a message. */
  const settle = (ids: readonly string[], owner: string, state: 'FAILED' | 'SKIPPED', why: string) =>
    db.reminder.updateMany({ where: { id: { in: [...ids] }, state: 'SENDING', leasedBy: owner }, data: { state, leaseUntil: null, lastError: why } });

  return {
    /**
     * Inserts the entries whose key is new and ignores the rest (`ON CONFLICT DO NOTHING`, the
     * same on both databases). Returns how many rows were new. Safe to run concurrently from
     * several instances: the unique index on `key` decides.
     *
     * Each chunk is one statement whose rows travel as a single JSON parameter: no bound-parameter
     * limit to mind, and one value for the driver to convert instead of ten per row. It runs on
     * the driver itself (see {@link directSql}): a tick's inserts are megabytes of parameters.
     * Keys already in the outbox (a second instance, a replayed window) are not looked up first:
     * the conflict check costs what a lookup would, and most of a tick's keys are new.
     */
    async insert(entries: readonly OutboxEntry[]): Promise<number> {
      let inserted = 0;
      for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
        const chunk = entries.slice(start, start + INSERT_CHUNK);
        inserted += await direct.execute(
          `INSERT INTO "Reminder" ("id", "key", "kind", "officeId", "chatId", "threadId", "assignmentId", "scheduleId", "payload", "dueAt")
           ${reminderRows.selectAll()} ON CONFLICT ("key") DO NOTHING`,
          [reminderRows.encode(chunk.map((entry) => [randomUUID(), entry.key, entry.kind, entry.officeId, entry.chatId, entry.threadId, entry.assignmentId, entry.scheduleId, entry.payload, entry.dueAt]))],
        );
      }
      return inserted;
    },

    /**
     * Claims every due row of up to `chats` chats for `owner` until `now + leaseMs`, and returns
     * them with their chat, oldest first. Due means PENDING with `dueAt` reached and any retry
     * delay (`leaseUntil`) over, or SENDING with an expired lease (see the lease policy above).
     */
    async claim(owner: string, now: Date, options: { chats: number; leaseMs?: number }) {
      const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
      const query = sql.query();
      const due = () =>
        `(("state" = 'PENDING' AND "dueAt" <= ${query.bind(now)} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${query.bind(now)}))
          OR ("state" = 'SENDING' AND "leaseUntil" <= ${query.bind(now)}))`;
      // Placeholders are bound in the order they appear in the text.
      const text = `UPDATE "Reminder" SET "state" = 'SENDING', "leasedBy" = ${query.bind(owner)}, "leaseUntil" = ${query.bind(leaseUntil)}, "attempts" = "attempts" + 1
         WHERE "id" IN (
           SELECT "id" FROM "Reminder" WHERE ${due()} AND "chatId" IN (
             SELECT "chatId" FROM "Reminder" WHERE ${due()} GROUP BY "chatId" ORDER BY MIN("dueAt") LIMIT ${query.bind(options.chats)}
           ) ${sql.skipLocked}
         )
         RETURNING "id"`;
      const claimed = await db.$queryRawUnsafe<{ id: string }[]>(text, ...query.params);
      if (claimed.length === 0) return [];
      const rows = await db.reminder.findMany({
        where: { id: { in: claimed.map((row) => row.id) }, leasedBy: owner },
        include: { chat: true },
        orderBy: [{ dueAt: 'asc' }, { key: 'asc' }],
      });
      // The office is read by id (the outbox keeps no foreign key to it; see the schema).
      const offices = new Map((await db.office.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.officeId))] } } })).map((office) => [office.id, office]));
      const orphans = rows.filter((row) => !offices.has(row.officeId)).map((row) => row.id);
      if (orphans.length > 0) await settle(orphans, owner, 'FAILED', 'the office no longer exists');
      return rows.flatMap((row) => {
        const office = offices.get(row.officeId);
        return office ? [{ ...row, office }] : [];
      });
    },

    /**
     * Marks rows sent with the platform's message id, only while `owner` still holds them: a
     * sender whose lease was taken over does not overwrite the new owner's outcome.
     */
    async markSent(ids: readonly string[], owner: string, messageId: number, at: Date): Promise<number> {
      const { count } = await db.reminder.updateMany({
        where: { id: { in: [...ids] }, state: 'SENDING', leasedBy: owner },
        data: { state: 'SENT', sentAt: at, messageId, leaseUntil: null, lastError: null },
      });
      return count;
    },

    /** Gives rows back for another try no earlier than `retryAt` (a passing failure: 429, 5xx, network). */
    async retryLater(ids: readonly string[], owner: string, retryAt: Date, error: string): Promise<void> {
      await db.reminder.updateMany({
        where: { id: { in: [...ids] }, state: 'SENDING', leasedBy: owner },
        data: { state: 'PENDING', leasedBy: null, leaseUntil: retryAt, lastError: error },
      });
    },

    /** Marks rows failed for good (blocked chat, a message Telegram refuses, too many attempts). */
    async markFailed(ids: readonly string[], owner: string, error: string): Promise<void> {
      await settle(ids, owner, 'FAILED', error);
    },

    /** Marks rows skipped: by the time they were sent, there was nothing left to say (`reason`). */
    async markSkipped(ids: readonly string[], owner: string, reason: string): Promise<void> {
      await settle(ids, owner, 'SKIPPED', reason);
    },

    /**
     * Skips rows still unsent whose time is older than `before` (the catch-up horizon): after a
     * long outage a reminder about last month's reporting day helps nobody. Returns how many.
     */
    async skipStale(before: Date): Promise<number> {
      const { count } = await db.reminder.updateMany({
        where: { state: { in: ['PENDING', 'SENDING'] }, dueAt: { lt: before }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: before } }] },
        data: { state: 'SKIPPED', lastError: 'older than the catch-up horizon' },
      });
      return count;
    },

    /** Rows per state, for logs, tests and benchmarks. */
    async countByState(): Promise<Record<string, number>> {
      const groups = await db.reminder.groupBy({ by: ['state'], _count: { _all: true } });
      return Object.fromEntries(groups.map((group) => [group.state, group._count._all]));
    },
  };
}

/** What differs between the two databases' SQL here: placeholders and row locking (JSON parameters: {@link jsonRows}). */
function dialect(provider: Provider) {
  const postgres = provider === 'postgresql';
  return {
    skipLocked: postgres ? 'FOR UPDATE SKIP LOCKED' : '',
    /** Collects a query's parameters; `bind` returns the placeholder for the next one (`$n`, or `?` on SQLite). */
    query() {
      const params: unknown[] = [];
      return {
        params,
        bind: (value: unknown) => {
          params.push(value);
          return postgres ? `$${params.length}` : '?';
        },
      };
    },
  };
}
