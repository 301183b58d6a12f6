import type { BotServices } from './context.js';

/**
 * Work a feature starts after answering and does not wait for: alerts to the office, edits of
 * directive messages. On a reporting day a chat's next update must not wait on Telegram's pace
 * for another chat (20 messages a minute into a group). The work is tracked per running bot so
 * that a clean stop can wait for it; a failure is logged, never thrown at the user.
 */
const running = new WeakMap<BotServices, Set<Promise<void>>>();

/** Starts `work` without waiting for it; `what` names it in the log if it fails. */
export function inBackground(services: BotServices, what: string, work: () => Promise<void>): void {
  let tasks = running.get(services);
  if (!tasks) running.set(services, (tasks = new Set()));
  const task: Promise<void> = work()
    .catch((error: unknown) => services.logger.warn({ err: error }, what))
    .finally(() => tasks.delete(task));
  tasks.add(task);
}

/** How many pieces of background work are still running, for the log of a stop that cannot wait for them. */
export function backgroundPending(services: BotServices): number {
  return running.get(services)?.size ?? 0;
}

/** Resolves when all background work has ended, including work started meanwhile (for a clean stop). */
export async function backgroundSettled(services: BotServices): Promise<void> {
  const tasks = running.get(services);
  while (tasks && tasks.size > 0) await Promise.all(tasks);
}
