import type { Chat, InlineKeyboardButton, Message, MessageEntity, User } from 'grammy/types';
import type { BotApi } from './bot-api.js';
import type { Faults } from './faults.js';
import { withDetectedEntities } from './message-text.js';
import { chatMember } from './methods/chats.js';
import { botSees } from './privacy.js';
import { type CallbackAnswer, type ChatState, type MemberStatus, type MessageDraft, type StoredMessage } from './state.js';
import { threadFields } from './threads.js';

/** A chat or its id, wherever the driver asks for one. */
export type ChatRef = Chat | number;
/** A user or their id. */
export type UserRef = User | number;

/** How a group is set up by {@link Driver.createGroup}. */
export interface GroupSpec {
  title: string;
  /** `group` (the default) or `supergroup`; `forum: true` makes a supergroup with topics. */
  type?: 'group' | 'supergroup';
  forum?: boolean;
  /** Public username, making `@username` usable as chat_id. */
  username?: string;
  /** The creator; defaults to the first admin, then the first member. */
  owner?: User;
  admins?: User[];
  members?: User[];
  /** Whether the bot is an administrator (then privacy mode does not filter what it sees). */
  botIsAdmin?: boolean;
  /** Create the group without telling the bot it was added (no my_chat_member, no service message). */
  silent?: boolean;
}

/** Where a user's message goes: a forum topic, a reply. */
export interface SendOptions {
  threadId?: number;
  replyTo?: Message | number;
  /**
   * Members the text mentions by name, as Telegram clients do for someone without a @username
   * picked from the mention list: the first "first_name last_name" in the text becomes a
   * `text_mention` entity carrying the user.
   */
  mentions?: User[];
}

/** What to wait for in {@link Driver.waitForBotMessage}. */
export interface WaitOptions {
  /** Text (or caption) must match: a RegExp, a substring, or a predicate on the message. */
  match?: RegExp | string | ((message: Message) => boolean);
  /** Only messages in this forum topic. */
  threadId?: number;
  /** Only messages after this event number (default: after the driver's last user action). */
  since?: number;
  timeoutMs?: number;
}

/** A button press, with the bot's answer to come. */
export interface ButtonPress {
  readonly queryId: string;
  /** Resolves with the bot's `answerCallbackQuery`. */
  waitForAnswer(timeoutMs?: number): Promise<CallbackAnswer>;
}

/** Counters for tests and benchmarks. */
export interface EmulatorStats {
  /** Calls per method name. */
  calls: Record<string, number>;
  /** 429 answers in total and per chat id. */
  total429: number;
  byChat429: Record<number, number>;
  pendingUpdates: number;
}

/**
 * The test driver: builds the world (users, groups, forum topics, admins) and plays its people
 * (they send text, commands, replies, documents and button presses), then reads and waits for
 * what the bot did. A user's message is stored in the chat and becomes an update only if the bot
 * would see it on Telegram (privacy mode).
 *
 * ```ts
 * await driver.sendText(secretary, office, '/setup');
 * const reply = await driver.waitForBotMessage(office, { match: /văn phòng/ });
 * await driver.pressButton(secretary, reply, 'confirm');
 * ```
 */
export class Driver {
  private lastActionSeq = 0;

  constructor(private readonly api: BotApi) {}

  /** Fault injection: failing calls, duplicate webhook deliveries, slow calls. */
  get faults(): Faults {
    return this.api.faults;
  }

  /** The bot as a user (for mentions and membership checks). */
  get bot(): User {
    return this.api.world.bot;
  }

  /** The number of the latest world event, to pass as `since` in waits. */
  mark(): number {
    return this.api.world.lastSeq;
  }

  /** Adds a user. Users speak Vietnamese unless told otherwise. */
  createUser(profile: { firstName: string; lastName?: string; username?: string; languageCode?: string }): User {
    return this.api.world.createUser({
      first_name: profile.firstName,
      ...(profile.lastName ? { last_name: profile.lastName } : {}),
      ...(profile.username ? { username: profile.username } : {}),
      ...(profile.languageCode ? { language_code: profile.languageCode } : {}),
    });
  }

  /** Creates a group with its members and the bot in it, and tells the bot it was added. */
  createGroup(spec: GroupSpec): Chat.GroupChat | Chat.SupergroupChat {
    const world = this.api.world;
    const state = world.createGroup({
      title: spec.title,
      type: spec.forum ? 'supergroup' : (spec.type ?? 'group'),
      ...(spec.forum ? { forum: true } : {}),
      ...(spec.username ? { username: spec.username } : {}),
    });
    const owner = spec.owner ?? spec.admins?.[0] ?? spec.members?.[0] ?? this.createUser({ firstName: 'Chủ nhóm' });
    state.members.set(owner.id, 'creator');
    for (const admin of spec.admins ?? []) if (admin.id !== owner.id) state.members.set(admin.id, 'administrator');
    for (const member of spec.members ?? []) if (!state.members.has(member.id)) state.members.set(member.id, 'member');
    const botStatus: MemberStatus = spec.botIsAdmin ? 'administrator' : 'member';
    if (spec.silent) state.members.set(world.bot.id, botStatus);
    else this.changeBotStatus(state, botStatus, owner);
    return state.chat as Chat.GroupChat | Chat.SupergroupChat;
  }

  /** Opens a forum topic, as its creator would: a `forum_topic_created` message that starts the thread. */
  createTopic(chat: ChatRef, name: string, by?: UserRef): { message_thread_id: number; name: string } {
    const state = this.chatState(chat);
    if (state.chat.type !== 'supergroup' || !state.chat.is_forum) throw new Error(`emulator: chat ${state.chat.id} is not a forum`);
    const creator = by !== undefined ? this.user(by) : this.ownerOf(state);
    const iconColor = 0x6fb9f0;
    const stored = this.post(state, creator, { from: creator, forum_topic_created: { name, icon_color: iconColor } } as MessageDraft, {
      beforeDelivery: (message) => Object.assign(message, { message_thread_id: message.message_id, is_topic_message: true }),
    });
    state.topics.set(stored.message.message_id, { threadId: stored.message.message_id, name, iconColor, root: stored.message });
    this.api.world.emit({ kind: 'world' });
    return { message_thread_id: stored.message.message_id, name };
  }

  /** Adds a user to a group (as a member or an administrator), with the service message Telegram posts. */
  addMember(chat: ChatRef, user: UserRef, options: { admin?: boolean } = {}): void {
    const state = this.chatState(chat);
    const member = this.user(user);
    state.members.set(member.id, options.admin ? 'administrator' : 'member');
    this.post(state, member, { from: member, new_chat_members: [member], new_chat_member: member, new_chat_participant: member } as MessageDraft);
  }

  /** Makes the bot an administrator of a group: it then sees every message. */
  promoteBot(chat: ChatRef): void {
    this.changeBotStatus(this.chatState(chat), 'administrator');
  }

  /** Makes the bot a plain member again. */
  demoteBot(chat: ChatRef): void {
    this.changeBotStatus(this.chatState(chat), 'member');
  }

  /** Removes and bans the bot from a group: sending there is then `403 bot was kicked`. */
  kickBot(chat: ChatRef): void {
    this.changeBotStatus(this.chatState(chat), 'kicked');
  }

  /** Switches the bot's privacy mode (BotFather's /setprivacy). */
  setPrivacyMode(on: boolean): void {
    this.api.world.privacyMode = on;
  }

  /** The user blocks the bot: sending to them is then `403 bot was blocked by the user`. */
  blockBot(user: UserRef): void {
    const state = this.userState(user);
    state.blocked = true;
    this.api.queue.push({ my_chat_member: this.botMemberUpdate(this.api.world.privateChat(state.user.id), state.user, 'member', 'kicked') });
  }

  /** The private chat of a user with the bot (it exists for the driver before the user opens it). */
  privateChat(user: UserRef): Chat.PrivateChat {
    return this.api.world.privateChat(this.user(user).id).chat as Chat.PrivateChat;
  }

  /** The user opens the bot and presses Start, which sends `/start` in the private chat. */
  startBot(user: UserRef): Message {
    return this.sendText(user, this.privateChat(user), '/start');
  }

  /** A user sends a text message; commands, mentions and links get their entities as on Telegram. */
  sendText(user: UserRef, chat: ChatRef, text: string, options: SendOptions = {}): Message {
    const from = this.user(user);
    const mentions = (options.mentions ?? []).flatMap((user): MessageEntity[] => {
      const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
      const offset = text.indexOf(name);
      return offset < 0 ? [] : [{ type: 'text_mention', offset, length: name.length, user }];
    });
    const formatted = withDetectedEntities({ text, entities: mentions });
    const draft = { from, text: formatted.text, ...(formatted.entities.length ? { entities: formatted.entities } : {}) };
    return this.post(this.chatState(chat), from, draft as MessageDraft, options).message;
  }

  /**
   * A user sends a command. In a group, `addressed: true` writes it as `/cmd@botname`, which is
   * how Telegram clients send a command picked from the menu when several bots are present.
   */
  sendCommand(user: UserRef, chat: ChatRef, command: string, options: SendOptions & { addressed?: boolean } = {}): Message {
    const text = command.startsWith('/') ? command : `/${command}`;
    const addressed = options.addressed ? text.replace(/^(\/[A-Za-z0-9_]+)(?!@)/, `$1@${this.bot.username}`) : text;
    return this.sendText(user, chat, addressed, options);
  }

  /** A user replies to a message, in its chat and thread. */
  reply(user: UserRef, to: Message, text: string): Message {
    return this.sendText(user, to.chat.id, text, {
      replyTo: to,
      ...(to.is_topic_message && to.message_thread_id !== undefined ? { threadId: to.message_thread_id } : {}),
    });
  }

  /** A user sends a file as a document, with an optional caption. */
  sendDocument(
    user: UserRef,
    chat: ChatRef,
    file: { data: Buffer | Uint8Array | string; fileName: string; mimeType?: string; caption?: string },
    options: SendOptions = {},
  ): Message {
    const from = this.user(user);
    const data = typeof file.data === 'string' ? Buffer.from(file.data) : Buffer.from(file.data);
    const stored = this.api.files.add(data, 'document', { fileName: file.fileName, ...(file.mimeType ? { mimeType: file.mimeType } : {}) });
    const document = {
      file_name: file.fileName,
      mime_type: stored.mimeType,
      file_id: stored.fileId,
      file_unique_id: stored.fileUniqueId,
      file_size: data.length,
    };
    const caption = file.caption ? withDetectedEntities({ text: file.caption, entities: [] }) : undefined;
    const draft = {
      from,
      document,
      ...(caption ? { caption: caption.text, ...(caption.entities.length ? { caption_entities: caption.entities } : {}) } : {}),
    };
    return this.post(this.chatState(chat), from, draft as MessageDraft, options).message;
  }

  /** A user edits their own text message; the bot gets an `edited_message` if it saw the original. */
  editText(user: UserRef, message: Message, text: string): Message {
    const state = this.chatState(message.chat.id);
    const stored = this.storedMessage(state, message.message_id);
    if (stored.message.from?.id !== this.user(user).id) throw new Error('emulator: users can only edit their own messages');
    const formatted = withDetectedEntities({ text, entities: [] });
    const { entities: _old, ...rest } = stored.message;
    const edited = { ...rest, text: formatted.text, ...(formatted.entities.length ? { entities: formatted.entities } : {}), edit_date: Math.floor(Date.now() / 1000) } as Message;
    this.lastActionSeq = this.mark();
    this.api.world.replaceMessage(state.chat.id, stored, edited);
    if (botSees(this.api.world, state, edited)) this.api.queue.push({ edited_message: edited });
    return edited;
  }

  /**
   * A user presses an inline button of a message. The button must exist on the message as it is
   * now; the bot gets a `callback_query` with the message, the chat's `chat_instance` and the data.
   */
  pressButton(user: UserRef, message: Message, data: string): ButtonPress {
    const from = this.user(user);
    const state = this.chatState(message.chat.id);
    const stored = this.storedMessage(state, message.message_id);
    const found = this.buttons(stored.message).some((button) => 'callback_data' in button && button.callback_data === data);
    if (!found) throw new Error(`emulator: message ${message.message_id} has no button with callback_data ${JSON.stringify(data)}`);
    this.lastActionSeq = this.mark();
    const query = this.api.world.createCallbackQuery(from.id, state.chat.id, message.message_id);
    this.api.queue.push({ callback_query: { id: query.id, from, message: stored.message, chat_instance: state.instance, data } });
    return {
      queryId: query.id,
      waitForAnswer: (timeoutMs = 10_000) =>
        this.waitUntil(() => query.answer, timeoutMs, () => `an answer to callback query ${query.id}`),
    };
  }

  /** The inline buttons of a message, row by row flattened. */
  buttons(message: Message): InlineKeyboardButton[] {
    return message.reply_markup?.inline_keyboard.flat() ?? [];
  }

  /** Every message in a chat as it is now (edits applied, deleted ones left out), oldest first. */
  messages(chat: ChatRef, options: { threadId?: number } = {}): Message[] {
    return [...this.chatState(chat).messages.values()]
      .filter((stored) => !stored.deleted && (options.threadId === undefined || stored.message.message_thread_id === options.threadId))
      .map((stored) => stored.message);
  }

  /** The bot's messages in a chat as they are now, oldest first. */
  botMessages(chat: ChatRef, options: { threadId?: number } = {}): Message[] {
    return this.messages(chat, options).filter((message) => message.from?.id === this.bot.id);
  }

  /**
   * Waits for the bot to send a message in a chat (optionally a topic) matching `match`, among
   * those sent after the driver's last user action unless `since` says otherwise. Resolves with
   * the message as it is now.
   */
  waitForBotMessage(chat: ChatRef, options: WaitOptions = {}): Promise<Message> {
    const state = this.chatState(chat);
    const since = options.since ?? this.lastActionSeq;
    const find = () => {
      for (const stored of state.messages.values()) {
        if (!stored.fromBot || stored.deleted || stored.seq <= since) continue;
        if (options.threadId !== undefined && stored.message.message_thread_id !== options.threadId) continue;
        if (matches(stored.message, options.match)) return stored.message;
      }
      return undefined;
    };
    return this.waitUntil(find, options.timeoutMs ?? 10_000, () => {
      const recent = this.botMessages(chat).slice(-5).map((m) => JSON.stringify(m.text ?? m.caption ?? '[media]'));
      return `a bot message in chat ${state.chat.id}${options.match ? ` matching ${String(options.match)}` : ''}; its last ones: ${recent.join(', ') || 'none'}`;
    });
  }

  /** Waits until the bot edits a message (after the driver's last user action) so that it matches. */
  waitForEdit(message: Message, options: Omit<WaitOptions, 'threadId'> = {}): Promise<Message> {
    const state = this.chatState(message.chat.id);
    const since = options.since ?? this.lastActionSeq;
    let lastEditSeq = 0;
    const unsubscribe = this.api.world.subscribe((event) => {
      if (event.kind === 'edit' && event.chatId === state.chat.id && event.message.message_id === message.message_id) lastEditSeq = event.seq;
    });
    const find = () => {
      const current = state.messages.get(message.message_id)?.message;
      return current && lastEditSeq > since && matches(current, options.match) ? current : undefined;
    };
    return this.waitUntil(find, options.timeoutMs ?? 10_000, () => `an edit of message ${message.message_id}`).finally(unsubscribe);
  }

  /** A user's status in a chat, as `getChatMember` would report it. */
  memberStatus(chat: ChatRef, user: UserRef): string {
    const state = this.chatState(chat);
    const member = this.user(user);
    return chatMember(state, member, state.members.get(member.id) ?? 'left').status;
  }

  /** Call counts and 429 counts. */
  stats(): EmulatorStats {
    return {
      calls: Object.fromEntries(this.api.calls),
      total429: this.api.limiter.stats.total429,
      byChat429: Object.fromEntries(this.api.limiter.stats.byChat),
      pendingUpdates: this.api.queue.size,
    };
  }

  /** Stores a user's message and hands it to the bot if the bot would see it. */
  private post(
    state: ChatState,
    from: User,
    draft: MessageDraft,
    options: SendOptions & { beforeDelivery?: (message: Message) => void } = {},
  ): StoredMessage {
    const world = this.api.world;
    if (state.chat.type === 'private') {
      if (state.chat.id !== from.id) throw new Error(`emulator: ${from.first_name} cannot write in another user's private chat`);
      const userState = this.userState(from);
      userState.started = true;
      userState.blocked = false;
    } else {
      const status = state.members.get(from.id);
      if (status === undefined || status === 'left' || status === 'kicked') {
        throw new Error(`emulator: ${from.first_name} is not a member of chat ${state.chat.id}`);
      }
    }
    const replyId = typeof options.replyTo === 'number' ? options.replyTo : options.replyTo?.message_id;
    const replyTo = replyId !== undefined ? this.storedMessage(state, replyId) : undefined;
    const thread = threadFields(state, options.threadId, replyTo);
    this.lastActionSeq = world.lastSeq;
    const stored = world.addMessage(state.chat.id, { ...thread, ...draft } as MessageDraft, false);
    options.beforeDelivery?.(stored.message);
    if (botSees(world, state, stored.message)) this.api.queue.push({ message: stored.message });
    return stored;
  }

  private changeBotStatus(state: ChatState, status: MemberStatus, by?: User): void {
    const world = this.api.world;
    const old = state.members.get(world.bot.id) ?? 'left';
    if (old === status) return;
    state.members.set(world.bot.id, status);
    const actor = by ?? this.ownerOf(state);
    this.lastActionSeq = world.lastSeq;
    this.api.queue.push({ my_chat_member: this.botMemberUpdate(state, actor, old, status) });
    if (old === 'left' || old === 'kicked') {
      if (status === 'member' || status === 'administrator') {
        const message = world.addMessage(state.chat.id, { from: actor, new_chat_members: [world.bot], new_chat_member: world.bot, new_chat_participant: world.bot } as MessageDraft, false).message;
        this.api.queue.push({ message });
      }
    }
    world.emit({ kind: 'world' });
  }

  private botMemberUpdate(state: ChatState, actor: User, old: MemberStatus, status: MemberStatus) {
    const bot = this.api.world.bot;
    return {
      chat: state.chat,
      from: actor,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: chatMember(state, bot, old),
      new_chat_member: chatMember(state, bot, status),
    };
  }

  private ownerOf(state: ChatState): User {
    const owner = [...state.members].find(([, status]) => status === 'creator');
    if (!owner) throw new Error(`emulator: chat ${state.chat.id} has no creator`);
    return this.api.world.user(owner[0]);
  }

  private storedMessage(state: ChatState, messageId: number): StoredMessage {
    const stored = this.api.world.findMessage(state.chat.id, messageId);
    if (!stored) throw new Error(`emulator: no message ${messageId} in chat ${state.chat.id}`);
    return stored;
  }

  private chatState(chat: ChatRef): ChatState {
    return this.api.world.chat(typeof chat === 'number' ? chat : chat.id);
  }

  private user(user: UserRef): User {
    return this.api.world.user(typeof user === 'number' ? user : user.id);
  }

  private userState(user: UserRef) {
    const id = typeof user === 'number' ? user : user.id;
    const state = this.api.world.users.get(id);
    if (!state) throw new Error(`emulator: no user ${id}`);
    return state;
  }

  /** Resolves as soon as `find` returns something, re-checking after every world event. */
  private waitUntil<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const now = find();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const unsubscribe = this.api.world.subscribe(() => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(found);
      });
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
    });
  }
}

function matches(message: Message, match: WaitOptions['match']): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(message);
  const text = message.text ?? message.caption ?? '';
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}
