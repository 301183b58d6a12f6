/**
 * When each status report was committed, seen from outside the bot: a worker thread with its own
 * connection (SQLite or PostgreSQL) polls the status table every 2 ms and notes when each
 * reporter's first row becomes visible. The row's own `createdAt` would not do: it is stamped
 * before the write waits for its turn, so it hides the time spent queueing.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The row count first, the rows only when it changed: a poll every 2 ms must cost the database little.
const workerSource = `
  const { parentPort, workerData } = require('node:worker_threads');
  const countSql = 'SELECT count(*) AS "n" FROM "StatusReport"';
  const rowsSql = 'SELECT p."externalId" AS "reporter" FROM "StatusReport" s JOIN "Person" p ON p."id" = s."reporterId"';
  async function open() {
    if (workerData.provider === 'sqlite') {
      const Database = require(workerData.drivers.sqlite);
      const db = new Database(workerData.url.replace(/^file:/, ''), { readonly: true });
      const count = db.prepare(countSql);
      const rows = db.prepare(rowsSql);
      return { count: async () => Number(count.get().n), rows: async () => rows.all() };
    }
    const { Client } = require(workerData.drivers.postgresql);
    const client = new Client({ connectionString: workerData.url });
    await client.connect();
    return {
      count: async () => Number((await client.query(countSql)).rows[0].n),
      rows: async () => (await client.query(rowsSql)).rows,
    };
  }
  open().then((db) => {
    const seen = new Set();
    let known = 0;
    let batch = [];
    parentPort.postMessage('ready');
    const poll = async () => {
      const at = performance.timeOrigin + performance.now();
      const count = await db.count();
      if (count !== known) {
        known = count;
        for (const { reporter } of await db.rows()) {
          if (!seen.has(reporter)) {
            seen.add(reporter);
            batch.push([reporter, at]);
          }
        }
      }
      setTimeout(poll, 2);
    };
    poll();
    // Polled often for precise times, reported seldom so that the main thread is not kept busy.
    setInterval(() => {
      if (batch.length > 0) parentPort.postMessage(batch);
      batch = [];
    }, 100);
  });
`;

/** Watches the status reports of the database at `url`; see the file's comment. */
export function watchCommits(url: string, provider: 'sqlite' | 'postgresql') {
  const require = createRequire(import.meta.url);
  const worker = new Worker(workerSource, { eval: true, workerData: { url, provider, drivers: { sqlite: require.resolve('better-sqlite3'), postgresql: require.resolve('pg') } } });
  /** The reporter's Telegram user id → when the first report was seen committed (epoch ms). */
  const committedAt = new Map<string, number>();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on('message', (rows: [string, number][] | 'ready') => {
    if (rows !== 'ready') for (const [reporter, at] of rows) if (!committedAt.has(reporter)) committedAt.set(reporter, at);
  });
  return {
    ready,
    /** Resolves with the commit times once `count` reports are in, or after `timeoutMs`. */
    async until(count: number, timeoutMs: number): Promise<Map<string, number>> {
      const deadline = Date.now() + timeoutMs;
      while (committedAt.size < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      // The last batch is posted within 100 ms of being seen.
      await new Promise((resolve) => setTimeout(resolve, 150));
      await worker.terminate();
      return committedAt;
    },
  };
}

/** The value below which `p` per cent of `sorted` (ascending) lie: nearest rank, as latency targets read. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
