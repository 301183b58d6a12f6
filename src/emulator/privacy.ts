import type { Message, MessageEntity } from 'grammy/types';
import type { ChatState, World } from './state.js';

/** Fields that make a message a service message, which bots always receive. */
const serviceFields = [
  'new_chat_members', 'left_chat_member', 'new_chat_title', 'new_chat_photo', 'delete_chat_photo',
  'group_chat_created', 'supergroup_chat_created', 'migrate_to_chat_id', 'migrate_from_chat_id',
  'pinned_message', 'forum_topic_created', 'forum_topic_edited', 'forum_topic_closed', 'forum_topic_reopened',
  'general_forum_topic_hidden', 'general_forum_topic_unhidden', 'message_auto_delete_timer_changed',
] as const;

/**
 * Whether the bot receives a message sent in a chat. In private chats it sees everything. In
 * groups with privacy mode on, and unless it is an administrator, it sees only commands meant
 * for it (`/cmd` or `/cmd@thisbot`, never `/cmd@otherbot`), replies to its own messages,
 * messages that mention it, and service messages.
 */
export function botSees(world: World, state: ChatState, message: Message): boolean {
  if (state.chat.type === 'private') return true;
  if (!world.privacyMode || world.isAdmin(state, world.bot.id)) return true;
  if (serviceFields.some((field) => field in message)) return true;
  const reply = message.reply_to_message;
  // In a forum every topic message "replies" to the topic's first message; that is not a reply.
  const implicitTopicReply = message.is_topic_message && reply?.message_id === message.message_thread_id;
  if (reply?.from?.id === world.bot.id && !implicitTopicReply) return true;
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const username = (world.bot.username ?? '').toLowerCase();
  return entities.some((entity) => isForBot(entity, text, username, world.bot.id));
}

function isForBot(entity: MessageEntity, text: string, username: string, botId: number): boolean {
  const value = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
  if (entity.type === 'bot_command') {
    if (entity.offset !== 0) return false;
    const at = value.indexOf('@');
    return at === -1 || value.slice(at + 1) === username;
  }
  if (entity.type === 'mention') return value === `@${username}`;
  if (entity.type === 'text_mention') return entity.user.id === botId;
  return false;
}
