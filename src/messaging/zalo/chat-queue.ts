/**
 * Runs tasks one at a time per chat and chats in parallel, as grammY's `sequentialize` does for
 * Telegram: a status sent right after `/notice` must see the draft, while one slow chat must
 * not hold up the others.
 */
export class ChatQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues a task behind the chat's earlier ones; a failing task does not stop the next. */
  run(chatId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(chatId, tail);
    void tail.then(() => {
      if (this.tails.get(chatId) === tail) this.tails.delete(chatId);
    });
    return next;
  }

  /** Resolves when every queued task has finished, for a clean stop. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
