import type { Provider } from './database-url.js';
import type { Db } from './database.js';

/**
 * Batching while busy (group commit, for writes): calls made while an earlier batch is in
 * flight wait for it, then go to the database together. When the bot is quiet every call goes
 * alone and at once; on a reporting day, when hundreds of officials report within a second,
 * one statement carries many rows instead of paying its fixed cost (a round of the ORM,
 * statement preparation, BEGIN and COMMIT) once per row.
 *
 * `run` returns one result per item, in order. A batch that fails is retried one item at a
 * time, so one bad item (a row deleted under it, say) fails alone and the others are kept.
 */
export function batchWhileBusy<T, R>(run: (items: readonly T[]) => Promise<readonly R[]>, maxBatch = 500): (item: T) => Promise<R> {
  let waiting: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
  let flushing = false;

  const runOne = async (item: T) => (await run([item]))[0]!;

  async function flush() {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const results = await run(batch.map((entry) => entry.item));
        for (const [index, entry] of batch.entries()) entry.resolve(results[index]!);
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const entry of batch) await runOne(entry.item).then(entry.resolve, entry.reject);
      }
    }
    flushing = false;
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!flushing) void flush();
    });
}

/**
 * {@link batchWhileBusy} per database handle, for a store function: `run` gets the handle,
 * which database it is and the batch. Handles are the keys, so a closed database's queue goes with it.
 */
export function batchWhileBusyPerDatabase<T, R>(run: (db: Db, provider: Provider, items: readonly T[]) => Promise<readonly R[]>): (db: Db, provider: Provider, item: T) => Promise<R> {
  const batches = new WeakMap<Db, (item: T) => Promise<R>>();
  return (db, provider, item) => {
    let batch = batches.get(db);
    if (!batch) batches.set(db, (batch = batchWhileBusy((items: readonly T[]) => run(db, provider, items))));
    return batch(item);
  };
}
