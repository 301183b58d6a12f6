import type { Method } from '../bot-api.js';
import { answerCallbackQuery, deleteMyCommands, getMe, getMyCommands, setMyCommands } from './bot.js';
import { createForumTopic, getChat, getChatAdministrators, getChatMember, getChatMemberCount, leaveChat } from './chats.js';
import { getFile, sendDocument, sendPhoto } from './media.js';
import {
  deleteMessage, deleteMessages, editMessageCaption, editMessageReplyMarkup, editMessageText, sendChatAction, sendMessage,
} from './messages.js';
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from './updates.js';

const table = {
  getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo,
  sendMessage, editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage, deleteMessages, sendChatAction,
  sendDocument, sendPhoto, getFile,
  answerCallbackQuery, setMyCommands, getMyCommands, deleteMyCommands,
  getChat, getChatMember, getChatAdministrators, getChatMemberCount, leaveChat, createForumTopic,
} satisfies Record<string, Method>;

/** Every emulated method by lower-case name: Telegram matches method names case-insensitively. */
export const methods: Record<string, Method> = Object.fromEntries(
  Object.entries(table).map(([name, method]) => [name.toLowerCase(), method]),
);
