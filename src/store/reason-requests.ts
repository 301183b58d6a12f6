/**
 * Pending questions "what is the difficulty?": a unit's official chose "Vướng mắc" without a
 * reason, and nothing is recorded until the reason comes. The question is kept in the audit log
 * (action `status.reason-asked`), so it survives a restart and says who was asked what, when.
 */
import type { Db } from './database.js';

const action = 'status.reason-asked';

/** How long a question waits for its answer: a reason typed the next day is a new message. */
const waitMs = 24 * 3_600_000;

/** One question, as {@link pendingReasonRequest} finds it. */
export interface ReasonRequest {
  assignmentId: string;
  /** The bot's question, which a Telegram user answers by reply. */
  promptMessageId: number;
  askedAt: Date;
}

/** Where a question was asked: a chat (its row id) and topic. */
const subjectOf = (chatId: string, threadId: number) => `${chatId}#${threadId}`;

/** Records that `personId` was asked, in that chat, for the reason an assignment is blocked. */
export async function recordReasonRequest(db: Db, input: { officeId: string; personId: string; chatId: string; threadId: number; assignmentId: string; promptMessageId: number; at: Date }): Promise<void> {
  await db.auditLog.create({
    data: {
      officeId: input.officeId,
      actorId: input.personId,
      action,
      subject: subjectOf(input.chatId, input.threadId),
      details: { assignmentId: input.assignmentId, promptMessageId: input.promptMessageId },
      createdAt: input.at,
    },
  });
}

/**
 * The question `personId` still owes an answer to in this chat: the latest one of the last day,
 * unless they have reported on its assignment since (any report settles it).
 */
export async function pendingReasonRequest(db: Db, query: { officeId: string; personId: string; chatId: string; threadId: number; now: Date }): Promise<ReasonRequest | null> {
  const asked = await db.auditLog.findFirst({
    where: { officeId: query.officeId, action, actorId: query.personId, subject: subjectOf(query.chatId, query.threadId), createdAt: { gte: new Date(query.now.getTime() - waitMs) } },
    orderBy: { createdAt: 'desc' },
  });
  if (!asked) return null;
  const details = asked.details as { assignmentId: string; promptMessageId: number };
  const answered = await db.statusReport.count({ where: { assignmentId: details.assignmentId, createdAt: { gte: asked.createdAt } } });
  return answered > 0 ? null : { assignmentId: details.assignmentId, promptMessageId: details.promptMessageId, askedAt: asked.createdAt };
}
