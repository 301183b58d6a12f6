import type { BotCommand } from 'grammy/types';
import { badRequest } from '../api-error.js';
import type { BotApi, Method } from '../bot-api.js';
import { textLimits } from '../message-text.js';
import type { Params } from '../params.js';

/** getMe: the bot's user, with what it may do (privacy mode shows as `can_read_all_group_messages`). */
export const getMe: Method = (_params, api) => ({
  ...api.world.bot,
  can_join_groups: true,
  can_read_all_group_messages: !api.world.privacyMode,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
});

/** answerCallbackQuery: once per press, within the query's lifetime, text up to 200 characters. */
export const answerCallbackQuery: Method = (params, api) => {
  const query = api.world.callbackQueries.get(params.string('callback_query_id') ?? '');
  const expired = !query || query.answer !== undefined || Date.now() - query.createdAt > api.options.callbackQueryTtlMs;
  if (expired) throw badRequest('query is too old and response timeout expired or query ID is invalid');
  const text = params.string('text');
  if (text !== undefined && text.length > textLimits.callbackAnswer) throw badRequest('MESSAGE_TOO_LONG');
  const url = params.string('url');
  query.answer = { showAlert: params.boolean('show_alert'), ...(text ? { text } : {}), ...(url ? { url } : {}) };
  api.world.emit({ kind: 'callback_answer', queryId: query.id, answer: query.answer });
  return true;
};

const scopeTypes = new Set([
  'default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member',
]);

/** The storage key of a command list: its scope (with the chat resolved to an id) and language. */
function commandsKey(params: Params, api: BotApi): string {
  const scope = params.json<{ type?: string; chat_id?: number | string; user_id?: number }>('scope', "can't parse BotCommandScope JSON object") ?? {
    type: 'default',
  };
  if (typeof scope.type !== 'string' || !scopeTypes.has(scope.type)) throw badRequest('wrong bot command scope type specified');
  let chatId: number | undefined;
  if (scope.type.startsWith('chat')) chatId = api.world.resolveChat(scope.chat_id).chat.id;
  if (scope.type === 'chat_member' && !api.world.users.has(Number(scope.user_id))) throw badRequest('user not found');
  const language = params.string('language_code') ?? '';
  if (language !== '' && !/^[a-z]{2}$/.test(language)) throw badRequest('invalid language code specified');
  return JSON.stringify([scope.type, chatId ?? null, scope.type === 'chat_member' ? Number(scope.user_id) : null, language]);
}

/** setMyCommands: up to 100 commands named `[a-z0-9_]{1,32}` with 1–256 character descriptions. */
export const setMyCommands: Method = (params, api) => {
  const commands = params.json<unknown[]>('commands', "can't parse commands JSON object") ?? [];
  if (!Array.isArray(commands)) throw badRequest('Field "commands" must be of type Array');
  if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  const validated = commands.map(validateCommand);
  const key = commandsKey(params, api);
  if (validated.length === 0) api.commands.delete(key);
  else api.commands.set(key, validated);
  return true;
};

function validateCommand(value: unknown): BotCommand {
  if (typeof value !== 'object' || value === null) throw badRequest("can't parse BotCommand: expected an Object");
  const { command, description } = value as Record<string, unknown>;
  if (typeof command !== 'string') throw badRequest('can\'t parse BotCommand: Can\'t find field "command"');
  if (typeof description !== 'string') throw badRequest('can\'t parse BotCommand: Can\'t find field "description"');
  if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
  if (description.trim() === '') throw badRequest('command description must be non-empty');
  if (description.length > 256) throw badRequest('command description is too long');
  return { command, description };
}

/** getMyCommands: the list stored for exactly this scope and language (empty when none). */
export const getMyCommands: Method = (params, api) => api.commands.get(commandsKey(params, api)) ?? [];

/** deleteMyCommands: forgets the list of this scope and language. */
export const deleteMyCommands: Method = (params, api) => {
  api.commands.delete(commandsKey(params, api));
  return true;
};
