import type { Message, Update } from 'grammy/types';
import { findCommand } from '../../../commands/definitions.js';
import { vietnameseName } from '../../domain/person-name.js';
import type { ChatInfo, ChatKind, IncomingEvent, IncomingFile, RepliedMessage, Sender } from '../port.js';

/**
 * Translates a Telegram update into a platform-neutral event, or null when dondoc has nothing
 * to do with it (another bot's command, an edit, a service message).
 */
export function toEvent(update: Update, botUsername: string, botId: number): IncomingEvent | null {
  if (update.callback_query) {
    const query = update.callback_query;
    const message = query.message;
    if (!message || !query.data) return null;
    return {
      type: 'button',
      updateId: String(update.update_id),
      platform: 'TELEGRAM',
      chat: chatInfo(message.chat),
      threadId: threadOf(message as Message),
      from: sender(query.from),
      date: new Date(message.date * 1000),
      buttonId: query.id,
      data: query.data,
      messageId: message.message_id,
    };
  }
  const message = update.message;
  if (message?.migrate_to_chat_id && message.from) {
    return {
      type: 'chat-migrated',
      updateId: String(update.update_id),
      platform: 'TELEGRAM',
      chat: chatInfo(message.chat),
      threadId: 0,
      from: sender(message.from),
      date: new Date(message.date * 1000),
      newChatId: String(message.migrate_to_chat_id),
    };
  }
  if (!message?.from || message.from.is_bot) return null;
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const commandEntity = entities.find((entity) => entity.type === 'bot_command' && entity.offset === 0);
  let command: string | null = null;
  let body = text;
  if (commandEntity) {
    const [name = '', target] = text.slice(1, commandEntity.length).split('@');
    // "/status@otherbot" is for another bot in the group.
    if (target && target.toLowerCase() !== botUsername.toLowerCase()) return null;
    // An unknown command keeps its name so the router can say it is unknown in private chats.
    command = findCommand(name)?.name ?? name.toLowerCase();
    body = text.slice(commandEntity.length).trim();
  }
  return {
    type: 'message',
    updateId: String(update.update_id),
    platform: 'TELEGRAM',
    chat: chatInfo(message.chat),
    threadId: threadOf(message),
    from: sender(message.from),
    date: new Date(message.date * 1000),
    messageId: message.message_id,
    text: body,
    command,
    file: fileOf(message),
    replyTo: repliedOf(message, botId),
    mentions: entities.flatMap((entity) => (entity.type === 'text_mention' ? [sender(entity.user)] : [])),
  };
}

function chatInfo(chat: Message['chat']): ChatInfo {
  const kinds: Record<string, ChatKind> = { private: 'PRIVATE', group: 'GROUP', supergroup: 'SUPERGROUP', channel: 'CHANNEL' };
  const title = 'title' in chat && chat.title ? chat.title : 'first_name' in chat ? vietnameseName(chat.first_name ?? '', chat.last_name) : null;
  return { id: String(chat.id), kind: kinds[chat.type] ?? 'GROUP', title, isForum: 'is_forum' in chat && chat.is_forum === true };
}

/**
 * The forum topic a message belongs to. Outside forums, Telegram also sets message_thread_id
 * on replies (the reply thread), which is not a topic: those count as the whole chat.
 */
function threadOf(message: Message): number {
  const isForum = 'is_forum' in message.chat && message.chat.is_forum === true;
  return isForum && message.is_topic_message && message.message_thread_id ? message.message_thread_id : 0;
}

/** Who wrote, named in Vietnamese order (see {@link vietnameseName}). */
function sender(user: NonNullable<Message['from']>): Sender {
  return {
    id: String(user.id),
    displayName: vietnameseName(user.first_name, user.last_name),
    username: user.username ?? null,
    languageCode: user.language_code ?? null,
  };
}

function fileOf(message: Message): IncomingFile | null {
  const document = message.document;
  if (!document) return null;
  return { fileId: document.file_id, fileName: document.file_name ?? 'tep', size: document.file_size ?? null, mimeType: document.mime_type ?? null };
}

function repliedOf(message: Message, botId: number): RepliedMessage | null {
  const replied = message.reply_to_message;
  // In a forum every message "replies" to its topic's creation message; that is not a reply.
  if (!replied || replied.forum_topic_created) return null;
  return {
    messageId: replied.message_id,
    fromThisBot: replied.from?.id === botId,
    text: replied.text ?? replied.caption ?? '',
    file: fileOf(replied),
    ...(replied.from ? { from: sender(replied.from) } : {}),
  };
}
