import type { Platform } from '../messaging/port.js';
import type { Provider } from './database-url.js';
import type { Db } from './database.js';
import { batchWhileBusyPerDatabase } from './batch-while-busy.js';
import { jsonRows } from './json-rows.js';

interface Claim {
  platform: Platform;
  updateId: string;
  at: Date;
}

/**
 * Records an update id and says whether it is new. Webhooks are retried when the bot answers
 * slowly, so the same update can arrive twice; the primary key turns the second insert into
 * nothing. Every update pays for this, so claims arriving together are written together.
 */
export function claimUpdate(db: Db, provider: Provider, platform: Platform, updateId: string, at = new Date()): Promise<boolean> {
  return commitClaims(db, provider, { platform, updateId, at });
}

const commitClaims = batchWhileBusyPerDatabase(async (db: Db, provider: Provider, claims: readonly Claim[]): Promise<boolean[]> => {
  const rows = jsonRows(provider, [['platform', { enum: 'Platform' }], ['updateId', 'text'], ['receivedAt', 'timestamp']]);
  const inserted = await db.$queryRawUnsafe<{ platform: string; updateId: string }[]>(
    `INSERT INTO "ProcessedUpdate" ("platform", "updateId", "receivedAt") ${rows.selectAll()} ON CONFLICT DO NOTHING RETURNING "platform", "updateId"`,
    rows.encode(claims.map((claim) => [claim.platform, claim.updateId, claim.at])),
  );
  const fresh = new Set(inserted.map((row) => `${row.platform} ${row.updateId}`));
  // The same update twice in one batch is inserted once: only its first claim is new.
  return claims.map((claim) => fresh.delete(`${claim.platform} ${claim.updateId}`));
});

/**
 * Forgets update ids received before `before`. They guard against a platform delivering the
 * same update again, which happens within minutes (webhook retries, a poll repeated after a
 * restart), so old ones only make the table grow.
 */
export async function forgetProcessedUpdates(db: Db, before: Date): Promise<number> {
  const { count } = await db.processedUpdate.deleteMany({ where: { receivedAt: { lt: before } } });
  return count;
}
