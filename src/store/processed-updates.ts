import type { Platform } from '../messaging/port.js';
import type { Db } from './database.js';

/**
 * Records an update id and says whether it is new. Webhooks are retried when the bot answers
 * slowly, so the same update can arrive twice; the primary key makes the second insert a no-op.
 * One plain statement, since every update pays for it.
 */
export async function claimUpdate(db: Db, platform: Platform, updateId: string, at = new Date()): Promise<boolean> {
  const inserted = await db.$executeRaw`INSERT INTO "ProcessedUpdate" ("platform", "updateId", "receivedAt") VALUES (${platform}, ${updateId}, ${at}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}
