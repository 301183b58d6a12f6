import { createHash, randomInt } from 'node:crypto';
import type { Db } from './database.js';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** What is stored of a code: its SHA-256, so a leaked database leaks no usable code. */
export const inviteCodeHash = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');
const hash = inviteCodeHash;

/** Creates a single-use invite code; only its hash is stored. */
export async function createInvite(db: Db, input: { officeId: string; createdById: string; now: Date; ttlHours: number }) {
  const code = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3_600_000);
  await db.inviteCode.create({ data: { codeHash: hash(code), officeId: input.officeId, createdById: input.createdById, expiresAt } });
  return { code, expiresAt };
}

export type RedeemResult = { ok: true; officeId: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Uses an invite code once. The conditional update is the lock: of two groups redeeming the
 * same code at the same moment, exactly one sees a changed row.
 */
export async function redeemInvite(db: Db, input: { code: string; chatId: string; now: Date }): Promise<RedeemResult> {
  const codeHash = hash(input.code);
  const invite = await db.inviteCode.findUnique({ where: { codeHash } });
  if (!invite) return { ok: false, reason: 'unknown' };
  if (invite.usedAt) return { ok: false, reason: 'used' };
  if (invite.expiresAt <= input.now) return { ok: false, reason: 'expired' };
  const { count } = await db.inviteCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: input.now, usedByChat: input.chatId } });
  return count === 1 ? { ok: true, officeId: invite.officeId } : { ok: false, reason: 'used' };
}
