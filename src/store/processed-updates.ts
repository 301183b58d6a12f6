import type { Platform } from '../messaging/port.js';
import type { Db } from './database.js';

/**
 * Records an update id and says whether it is new. Webhooks are retried when the bot answers
 * slowly, so the same update can arrive twice; the primary key makes the second insert fail.
 */
export async function claimUpdate(db: Db, platform: Platform, updateId: string): Promise<boolean> {
  try {
    await db.processedUpdate.create({ data: { platform, updateId } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}
