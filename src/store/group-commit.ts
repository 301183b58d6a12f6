import type { DatabaseTarget } from './database-url.js';
import type { Db } from './database.js';

type Provider = DatabaseTarget['provider'];

/**
 * Group commit: writes asked for while an earlier one is in flight wait for it, then go to
 * the database together, as one batch. When the bot is quiet every write goes alone and at
 * once; on a reporting day, when hundreds of officials report within a second, one statement
 * carries many rows instead of paying its fixed cost (a round of the ORM, BEGIN and COMMIT)
 * once per row.
 *
 * `write` returns one result per item, in order. A batch that fails is retried one item at a
 * time, so one bad item (a row deleted under it, say) fails alone and the others are kept.
 */
export function groupCommit<T, R>(write: (items: readonly T[]) => Promise<readonly R[]>, maxBatch = 500): (item: T) => Promise<R> {
  let waiting: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
  let flushing = false;

  const writeOne = async (item: T) => (await write([item]))[0]!;

  async function flush() {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const results = await write(batch.map((entry) => entry.item));
        for (const [index, entry] of batch.entries()) entry.resolve(results[index]!);
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const entry of batch) await writeOne(entry.item).then(entry.resolve, entry.reject);
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
 * A group commit per database handle, for a store function: `write` gets the handle, which
 * database it is and the batch. Handles are the keys, so a closed database's queue goes with it.
 */
export function groupCommitPerDatabase<T, R>(write: (db: Db, provider: Provider, items: readonly T[]) => Promise<readonly R[]>): (db: Db, provider: Provider, item: T) => Promise<R> {
  const commits = new WeakMap<Db, (item: T) => Promise<R>>();
  return (db, provider, item) => {
    let commit = commits.get(db);
    if (!commit) commits.set(db, (commit = groupCommit((items: readonly T[]) => write(db, provider, items))));
    return commit(item);
  };
}
