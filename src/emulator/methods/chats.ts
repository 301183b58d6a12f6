import type { ChatMember, User } from 'grammy/types';
import { badRequest } from '../api-error.js';
import type { Method } from '../bot-api.js';
import type { ChatState, MemberStatus } from '../state.js';
import { postBotMessage, targetChat } from './sending.js';

/** getChat: the chat's full info, with the fields Telegram always includes. */
export const getChat: Method = (params, api) => {
  const state = api.world.resolveChat(params.chatId());
  const common = { accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } };
  if (state.chat.type === 'private') return { ...state.chat, ...common };
  return {
    ...state.chat,
    ...common,
    permissions: {
      can_send_messages: true, can_send_audios: true, can_send_documents: true, can_send_photos: true,
      can_send_videos: true, can_send_video_notes: true, can_send_voice_notes: true, can_send_polls: true,
      can_send_other_messages: true, can_add_web_page_previews: true, can_change_info: false,
      can_invite_users: true, can_pin_messages: false, can_manage_topics: false,
    },
  };
};

/** getChatMember: any user's status in the chat ("left" for a known user who is not in it). */
export const getChatMember: Method = (params, api) => {
  const state = api.world.resolveChat(params.chatId());
  const userId = params.integer('user_id');
  if (userId === undefined) throw badRequest('invalid user_id specified');
  const user = userId === api.world.bot.id ? api.world.bot : api.world.users.get(userId)?.user;
  if (!user) throw badRequest('user not found');
  return chatMember(state, user, state.members.get(userId) ?? 'left');
};

/** getChatAdministrators: the creator and administrators of a group, the bot included when it is one. */
export const getChatAdministrators: Method = (params, api) => {
  const state = api.world.resolveChat(params.chatId());
  if (state.chat.type === 'private') throw badRequest('there are no administrators in the private chat');
  return [...state.members]
    .filter(([, status]) => status === 'creator' || status === 'administrator')
    .map(([id, status]) => chatMember(state, id === api.world.bot.id ? api.world.bot : api.world.user(id), status));
};

/** getChatMemberCount: members present now (not those who left or were banned). */
export const getChatMemberCount: Method = (params, api) => {
  const state = api.world.resolveChat(params.chatId());
  return [...state.members.values()].filter((status) => status !== 'left' && status !== 'kicked').length;
};

/** leaveChat: the bot leaves a group; it can no longer send there. */
export const leaveChat: Method = (params, api) => {
  const state = targetChat(params, api);
  if (state.chat.type === 'private') throw badRequest('chat member status can\'t be changed in private chats');
  state.members.set(api.world.bot.id, 'left');
  api.world.emit({ kind: 'world' });
  return true;
};

/** createForumTopic: a new topic in a forum where the bot may manage topics. */
export const createForumTopic: Method = (params, api) => {
  const state = targetChat(params, api);
  if (state.chat.type !== 'supergroup' || !state.chat.is_forum) throw badRequest('the chat is not a forum');
  if (!api.world.isAdmin(state, api.world.bot.id)) throw badRequest('not enough rights to create a topic');
  const name = params.string('name') ?? '';
  if (name.length < 1 || name.length > 128) throw badRequest('TOPIC_TITLE_EMPTY');
  const iconColor = params.integer('icon_color') ?? 0x6fb9f0;
  const root = postBotMessage(params, api, state, { forum_topic_created: { name, icon_color: iconColor } });
  const topic = { threadId: root.message_id, name, iconColor, root };
  // The creation message is itself the first message of its topic.
  Object.assign(root, { message_thread_id: root.message_id, is_topic_message: true });
  state.topics.set(topic.threadId, topic);
  api.world.emit({ kind: 'world' });
  return { message_thread_id: topic.threadId, name, icon_color: iconColor };
};

/** A ChatMember object for a status, with an administrator's rights as Telegram lists them. */
export function chatMember(state: ChatState, user: User, status: MemberStatus): ChatMember {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator':
      return {
        status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
        can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
        can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
        can_pin_messages: true, can_send_welcome_messages: false,
        ...(state.chat.type === 'supergroup' && state.chat.is_forum ? { can_manage_topics: true } : {}),
      };
    case 'kicked':
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}
