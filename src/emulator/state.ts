import { randomBytes } from 'node:crypto';
import type { Chat, Message, User } from 'grammy/types';
import { badRequest, forbidden } from './api-error.js';
import type { ResolvedOptions } from './options.js';

/** A chat member's status as `getChatMember` reports it. */
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'left' | 'kicked';

/** The chats the emulator knows: channels are not emulated. */
export type EmulatedChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

/** A forum topic; its id is the message id of its `forum_topic_created` service message. */
export interface Topic {
  readonly threadId: number;
  name: string;
  readonly iconColor: number;
  readonly root: Message;
}

/** One stored message: its current state (after edits) and bookkeeping for the driver. */
export interface StoredMessage {
  message: Message;
  /** World event number of its creation; the driver waits for messages after a given number. */
  readonly seq: number;
  readonly fromBot: boolean;
  deleted: boolean;
}

/** Everything the emulator knows about one chat. */
export interface ChatState {
  chat: EmulatedChat;
  /** Member statuses by user id, the bot's included. */
  readonly members: Map<number, MemberStatus>;
  readonly messages: Map<number, StoredMessage>;
  lastMessageId: number;
  readonly topics: Map<number, Topic>;
  /** `chat_instance` of callback queries from this chat: stable per chat, as on Telegram. */
  readonly instance: string;
}

/** A user of the emulated world and their relation to the bot. */
export interface UserState {
  readonly user: User;
  /** The user opened a private chat with the bot; until then the bot may not write to them. */
  started: boolean;
  blocked: boolean;
}

/** Something that happened in the world, for the driver's waits and the sandbox page's live view. */
export type WorldEvent =
  | { kind: 'message'; seq: number; chatId: number; message: Message; fromBot: boolean }
  | { kind: 'edit'; seq: number; chatId: number; message: Message }
  | { kind: 'delete'; seq: number; chatId: number; messageId: number }
  | { kind: 'callback_answer'; seq: number; queryId: string; answer: CallbackAnswer }
  | { kind: 'chat_action'; seq: number; chatId: number; action: string; threadId?: number }
  | { kind: 'world'; seq: number };

/** The bot's answer to a button press, as the pressing user's client shows it. */
export interface CallbackAnswer {
  text?: string;
  showAlert: boolean;
  url?: string;
}

/** A pending button press waiting for `answerCallbackQuery`. */
export interface CallbackQueryState {
  readonly id: string;
  readonly createdAt: number;
  readonly userId: number;
  readonly chatId: number;
  readonly messageId: number;
  answer?: CallbackAnswer;
}

/** Distributive Omit, so that building a message keeps the union members' fields apart. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The fields of a new message that the world does not assign itself. */
export type MessageDraft = DistributiveOmit<Message, 'message_id' | 'date' | 'chat'>;

/**
 * The emulated Telegram: users, chats, members, messages and topics, with Telegram's id
 * conventions (users positive, basic groups negative, supergroups `-100…`) and per-chat message
 * ids. Methods and the driver change it; listeners hear every change as a {@link WorldEvent}.
 */
export class World {
  readonly bot: User;
  readonly users = new Map<number, UserState>();
  readonly chats = new Map<number, ChatState>();
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  privacyMode: boolean;
  private seq = 0;
  private nextUserId = 100_000_001;
  private nextGroupId = 1;
  private nextCallbackId = BigInt(Date.now()) * 1000n;
  private readonly listeners = new Set<(event: WorldEvent) => void>();

  constructor(readonly options: ResolvedOptions) {
    const botId = Number(options.token.split(':')[0]);
    this.bot = { id: botId, is_bot: true, first_name: options.botName, username: options.botUsername };
    this.privacyMode = options.privacyMode;
  }

  /** The number of the latest event; pass it to a driver wait to see only what comes after. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Subscribes to world events; returns the unsubscribe function. */
  subscribe(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Numbers an event and tells every listener. */
  emit(event: DistributiveOmit<WorldEvent, 'seq'>): WorldEvent {
    const full = { ...event, seq: ++this.seq } as WorldEvent;
    for (const listener of this.listeners) listener(full);
    return full;
  }

  /** Adds a user; ids are assigned in order unless given. */
  createUser(profile: { first_name: string; last_name?: string; username?: string; language_code?: string; id?: number }): User {
    const id = profile.id ?? this.nextUserId++;
    const user: User = { id, is_bot: false, first_name: profile.first_name };
    if (profile.last_name) user.last_name = profile.last_name;
    if (profile.username) user.username = profile.username;
    user.language_code = profile.language_code ?? 'vi';
    this.users.set(id, { user, started: false, blocked: false });
    this.emit({ kind: 'world' });
    return user;
  }

  /** Adds a group or supergroup (a forum is a supergroup) with the given members and statuses. */
  createGroup(spec: { title: string; type: 'group' | 'supergroup'; forum?: boolean; username?: string }): ChatState {
    const n = this.nextGroupId++;
    const chat: EmulatedChat =
      spec.type === 'group'
        ? { id: -(4_000_000_000 + n), type: 'group', title: spec.title }
        : {
            id: -(1_002_000_000_000 + n),
            type: 'supergroup',
            title: spec.title,
            ...(spec.username ? { username: spec.username } : {}),
            ...(spec.forum ? { is_forum: true as const } : {}),
          };
    const state = this.addChat(chat);
    // Message id 1 of a forum is the General topic's creation, so thread id 1 always means General.
    if (spec.forum) state.lastMessageId = 1;
    this.emit({ kind: 'world' });
    return state;
  }

  /** The private chat between the bot and a user, created on first use. */
  privateChat(userId: number): ChatState {
    const existing = this.chats.get(userId);
    if (existing) return existing;
    const user = this.user(userId);
    const chat: Chat.PrivateChat = { id: user.id, type: 'private', first_name: user.first_name };
    if (user.last_name) chat.last_name = user.last_name;
    if (user.username) chat.username = user.username;
    const state = this.addChat(chat);
    state.members.set(user.id, 'member');
    state.members.set(this.bot.id, 'member');
    return state;
  }

  private addChat(chat: EmulatedChat): ChatState {
    const state: ChatState = {
      chat,
      members: new Map(),
      messages: new Map(),
      lastMessageId: 0,
      topics: new Map(),
      instance: String(BigInt.asIntN(64, BigInt(`0x${randomBytes(8).toString('hex')}`))),
    };
    this.chats.set(chat.id, state);
    return state;
  }

  /** A known user, or an error for the driver's caller (not a Bot API answer). */
  user(userId: number): User {
    const state = this.users.get(userId);
    if (!state) throw new Error(`emulator: no user ${userId}`);
    return state.user;
  }

  /** A known chat, or an error for the driver's caller (not a Bot API answer). */
  chat(chatId: number): ChatState {
    const state = this.chats.get(chatId);
    if (!state) throw new Error(`emulator: no chat ${chatId}`);
    return state;
  }

  /**
   * Resolves a `chat_id` parameter for a bot call: an id, or the `@username` of a public group.
   * A private chat the user never opened does not exist for the bot yet, but Telegram still
   * knows the user, so that case is the 403 of {@link assertBotCanWrite}, not "chat not found".
   */
  resolveChat(ref: number | string | undefined): ChatState {
    if (ref === undefined) throw badRequest('chat_id is empty');
    if (typeof ref === 'string') {
      const name = ref.replace(/^@/, '').toLowerCase();
      for (const state of this.chats.values()) {
        if (state.chat.type !== 'private' && state.chat.username?.toLowerCase() === name) return state;
      }
      throw badRequest('chat not found');
    }
    const state = this.chats.get(ref) ?? (this.users.has(ref) ? this.privateChat(ref) : undefined);
    if (!state) throw badRequest('chat not found');
    return state;
  }

  /** Throws Telegram's 403 when the bot may not send into the chat. */
  assertBotCanWrite(state: ChatState): void {
    if (state.chat.type === 'private') {
      const user = this.users.get(state.chat.id);
      if (user?.blocked) throw forbidden('bot was blocked by the user');
      if (!user?.started) throw forbidden("bot can't initiate conversation with a user");
      return;
    }
    const kind = state.chat.type === 'group' ? 'group chat' : 'supergroup chat';
    const status = state.members.get(this.bot.id);
    if (status === 'kicked') throw forbidden(`bot was kicked from the ${kind}`);
    if (status === undefined || status === 'left') throw forbidden(`bot is not a member of the ${kind}`);
  }

  /** Whether a member (the bot included) is the group's creator or an administrator. */
  isAdmin(state: ChatState, userId: number): boolean {
    const status = state.members.get(userId);
    return status === 'creator' || status === 'administrator';
  }

  /** Stores a new message with the next id of its chat and the current Unix time, and tells listeners. */
  addMessage(chatId: number, draft: MessageDraft, fromBot: boolean): StoredMessage {
    const state = this.chat(chatId);
    const message = {
      message_id: ++state.lastMessageId,
      ...draft,
      chat: state.chat,
      date: unixNow(),
    } as Message;
    // Stored before listeners hear of it (with the number the event is about to get), so a
    // waiting driver finds it when woken.
    const stored: StoredMessage = { message, seq: this.seq + 1, fromBot, deleted: false };
    state.messages.set(message.message_id, stored);
    this.emit({ kind: 'message', chatId, message, fromBot });
    return stored;
  }

  /** A message that exists and was not deleted, or undefined. */
  findMessage(chatId: number, messageId: number | undefined): StoredMessage | undefined {
    if (messageId === undefined) return undefined;
    const stored = this.chats.get(chatId)?.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  /** Replaces a message's content after an edit, and tells listeners. */
  replaceMessage(chatId: number, stored: StoredMessage, message: Message): void {
    stored.message = message;
    this.emit({ kind: 'edit', chatId, message });
  }

  /** Registers a button press; the id is what `answerCallbackQuery` must quote. */
  createCallbackQuery(userId: number, chatId: number, messageId: number): CallbackQueryState {
    const query: CallbackQueryState = { id: String(this.nextCallbackId++), createdAt: Date.now(), userId, chatId, messageId };
    this.callbackQueries.set(query.id, query);
    return query;
  }
}

/** The current time in Unix seconds, the unit of every Bot API date. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * The copy of a message that goes into another message's `reply_to_message`: Telegram nests
 * one level only, so the copy has no `reply_to_message` of its own.
 */
export function replyCopy(message: Message): Message {
  const { reply_to_message: _nested, ...rest } = message;
  return rest as Message;
}
