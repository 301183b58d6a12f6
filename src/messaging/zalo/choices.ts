import type { Button } from '../port.js';

/** One numbered choice: the number the user types, and the button it stands for. */
export interface Choice {
  number: number;
  text: string;
  data: string;
}

/** Numbers run from 1 to this and then start again, so a reply stays one or two digits. */
const maxNumber = 99;

/**
 * Zalo's text fallback for inline buttons. Zalo bots cannot show buttons, so each button of a
 * sent message becomes a numbered line, and a reply of just that number presses it.
 *
 * Numbers keep counting across a chat's messages instead of restarting at 1 for each: when
 * three directives arrive in a row, "4" can only mean the second one's first choice, never
 * "the first choice of whichever message the user is looking at". After 99 they start again,
 * which only forgets choices offered 99 choices ago.
 *
 * The memory lives in the process: after a restart a number finds nothing and is answered as
 * an expired button; `/status N …` and "xong N" keep working.
 */
export class ChoiceMemory {
  private readonly chats = new Map<string, { last: number; choices: Map<number, { data: string; messageId: number }> }>();

  /** Numbers the buttons of a message about to be sent; `commit` files them under the message's id once it is sent. */
  allocate(chatId: string, buttons: Button[][]): { choices: Choice[]; commit(messageId: number): void } {
    const chat = this.chat(chatId);
    const choices = buttons.flat().map((button) => {
      chat.last = (chat.last % maxNumber) + 1;
      return { number: chat.last, text: button.text, data: button.data };
    });
    return {
      choices,
      commit: (messageId) => {
        for (const choice of choices) chat.choices.set(choice.number, { data: choice.data, messageId });
      },
    };
  }

  /** The button a reply such as "2" presses in this chat, or null when the reply is not a bare number. `data` is empty for a number that stands for nothing (any more). */
  pick(chatId: string, text: string): { data: string; messageId: number } | null {
    if (!/^\d{1,2}$/.test(text.trim())) return null;
    return this.chats.get(chatId)?.choices.get(Number(text.trim())) ?? { data: '', messageId: 0 };
  }

  private chat(chatId: string) {
    let chat = this.chats.get(chatId);
    if (!chat) this.chats.set(chatId, (chat = { last: 0, choices: new Map() }));
    return chat;
  }
}
