/**
 * The notice worker's thread: reads a file's text or parses a text, held to `NOTICE_LIMITS`,
 * one task at a time as the bot's thread sends them (see `notice-worker.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { NoticeFileError } from '../files/notice-file-error.js';
import { NoticeLimitError } from '../limits.js';
import { parseNoticeWithinLimits, readNoticeFileWithinLimits } from '../within-limits.js';
import type { NoticeTask, TaskFailure, TaskReply } from './notice-task.js';

const port = parentPort!;

port.on('message', async ({ id, task }: { id: number; task: NoticeTask }) => {
  let reply: TaskReply;
  try {
    const value = task.kind === 'read' ? await readNoticeFileWithinLimits(task.bytes, task.fileName) : parseNoticeWithinLimits(task.text, task.options);
    reply = { id, ok: true, value };
  } catch (error) {
    reply = { id, ok: false, failure: failureOf(error) };
  }
  port.postMessage(reply);
});

function failureOf(error: unknown): TaskFailure {
  if (error instanceof NoticeLimitError) return { kind: 'limit', limit: error.limit, max: error.max, actual: error.actual };
  if (error instanceof NoticeFileError) return { kind: 'refused', code: error.code, message: error.message };
  return { kind: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
