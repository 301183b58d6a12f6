import { findCommand } from '../../../commands/definitions.js';
import type { ChatInfo, IncomingEvent, Sender } from '../port.js';
import type { ChoiceMemory } from './choices.js';
import type { BotMention } from './mention.js';
import { numericMessageId } from './message-id.js';
import { statusShorthand } from './status-shorthand.js';
import type { ZaloMessage, ZaloUpdate } from './types.js';

/**
 * Translates a Zalo update into a platform-neutral event, or null when dondoc has nothing to do
 * with it (a sticker, an unsupported message, another bot).
 *
 * Zalo has no buttons, so two kinds of short reply stand in for them: a bare number presses the
 * numbered choice it names (a {@link ButtonEvent}, as a Telegram press would be), and "xong 4 …"
 * becomes `/status 4 xong …`. The update's id is the message id: Zalo updates have no other,
 * and the router drops a repeated one.
 */
export function toEvent(update: ZaloUpdate, mention: BotMention, choices: ChoiceMemory): IncomingEvent | null {
  const message = update.message;
  if (!message?.from || message.from.is_bot) return null;
  // The getUpdates sample in Zalo's documentation has no event_name: a message with text is a text.
  const kind = update.event_name ?? (message.text !== undefined ? 'message.text.received' : undefined);
  if (kind !== 'message.text.received' && kind !== 'message.image.received') return null;
  const base = {
    updateId: message.message_id,
    platform: 'ZALO' as const,
    chat: chatInfo(message),
    threadId: 0,
    from: sender(message),
    date: new Date(message.date),
  };
  // In a group the bot sees a message only when @mentioned; the mention is not part of what was said.
  const text = mention.strip(message.text ?? message.caption ?? '');

  const choice = choices.pick(message.chat.id, text);
  if (choice) {
    // The chat's id doubles as the button's id: answering a "press" means writing to that chat.
    return { ...base, type: 'button', buttonId: message.chat.id, data: choice.data, messageId: choice.messageId };
  }

  let command: string | null = null;
  let body = text;
  const typed = /^\/([\p{L}\p{N}_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/u.exec(text);
  if (typed) {
    command = findCommand(typed[1]!)?.name ?? typed[1]!.toLowerCase();
    body = (typed[2] ?? '').trim();
  } else {
    const status = statusShorthand(text);
    if (status) [command, body] = ['status', status];
  }
  return { ...base, type: 'message', messageId: numericMessageId(message.message_id), text: body, command, file: null, replyTo: null };
}

function chatInfo(message: ZaloMessage): ChatInfo {
  const isPrivate = message.chat.chat_type === 'PRIVATE';
  // Zalo tells no group name; a private chat is known by the person's name.
  return { id: message.chat.id, kind: isPrivate ? 'PRIVATE' : 'GROUP', title: isPrivate ? nameOf(message) : null, isForum: false };
}

function sender(message: ZaloMessage): Sender {
  return { id: message.from.id, displayName: nameOf(message), username: null, languageCode: null };
}

/** The sender's name: Zalo's documentation shows it as `display_name` in some samples and `first_name` in others. */
function nameOf(message: ZaloMessage): string {
  return message.from.display_name || message.from.first_name || '';
}
