/**
 * Group commit: writes asked for while an earlier one is in flight wait for it, then go to
 * the database together, as one batch. When the bot is quiet every write goes alone and at
 * once; on a reporting day, when hundreds of officials report within a second, each
 * transaction carries many reports instead of paying its fixed cost (a round of the ORM,
 * BEGIN and COMMIT) once per report.
 *
 * A batch that fails is retried one write at a time, so one bad write (a row deleted under
 * it, say) fails alone and the others are kept.
 */
export function groupCommit<T>(write: (items: readonly T[]) => Promise<void>, maxBatch = 500): (item: T) => Promise<void> {
  let waiting: { item: T; resolve(): void; reject(error: unknown): void }[] = [];
  let flushing = false;

  async function flush() {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        await write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const entry of batch) await write([entry.item]).then(entry.resolve, entry.reject);
      }
    }
    flushing = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!flushing) void flush();
    });
}
