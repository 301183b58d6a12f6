/**
 * The platform-neutral messaging port. Bot features receive {@link IncomingEvent}s and answer
 * through a {@link Messenger}; the Telegram adapter (grammY) and the Zalo adapter translate
 * to and from their platforms, so features never see a platform type.
 */

export type Platform = 'TELEGRAM' | 'ZALO';
export type ChatKind = 'PRIVATE' | 'GROUP' | 'SUPERGROUP' | 'CHANNEL';

/** Where a message goes: a chat, and in a forum supergroup one of its topics (threadId > 0). */
export interface Address {
  platform: Platform;
  chatId: string;
  /** 0 for a chat without topics, or the General topic. */
  threadId: number;
}

/** A key naming one chat or topic, for grouping and queueing sends per destination. */
export function addressKey(to: Address): string {
  return `${to.platform}:${to.chatId}#${to.threadId}`;
}

export interface ChatInfo {
  id: string;
  kind: ChatKind;
  title: string | null;
  isForum: boolean;
}

export interface Sender {
  id: string;
  displayName: string;
  username: string | null;
  languageCode: string | null;
}

export interface IncomingFile {
  fileId: string;
  fileName: string;
  /** Bytes, when the platform says; used to refuse files over the limit before downloading. */
  size: number | null;
  mimeType: string | null;
}

/** The message a message replies to, as far as the platform tells. */
export interface RepliedMessage {
  messageId: number;
  fromThisBot: boolean;
  text: string;
  file: IncomingFile | null;
  /** Who wrote the replied message, where the platform says (Telegram does). */
  from?: Sender;
}

interface EventBase {
  /** Unique per platform; webhooks are retried, so features must not act twice on one id. */
  updateId: string;
  platform: Platform;
  chat: ChatInfo;
  threadId: number;
  from: Sender;
  /** When the platform received it. */
  date: Date;
}

/** A text or file message, with the command already split off when it is one. */
export interface MessageEvent extends EventBase {
  type: 'message';
  messageId: number;
  /** The text or the caption, without the command. */
  text: string;
  /** `notice` for `/notice`, `/notice@dondoc_bot`, or a Vietnamese alias already resolved by the adapter; null for plain text. */
  command: string | null;
  file: IncomingFile | null;
  replyTo: RepliedMessage | null;
  /**
   * People the text names by a mention that carries the user (Telegram's `text_mention`, made
   * when a member without a @username is picked from the list), in order.
   */
  mentions?: Sender[];
}

/** A press on an inline button (Telegram) or a numbered choice (Zalo's text fallback). */
export interface ButtonEvent extends EventBase {
  type: 'button';
  /** Answer it with {@link Messenger.answerButton}, or the user's client keeps spinning. */
  buttonId: string;
  data: string;
  /** The message that carries the button. */
  messageId: number;
}

/**
 * A group became a supergroup and changed its id (Telegram does this when a group gets topics or
 * admin features); everything linked to the old id must follow it.
 */
export interface ChatMigratedEvent extends EventBase {
  type: 'chat-migrated';
  newChatId: string;
}

export type IncomingEvent = MessageEvent | ButtonEvent | ChatMigratedEvent;

export interface Button {
  text: string;
  /** At most 64 bytes, Telegram's callback_data limit. */
  data: string;
}

/**
 * A button that opens a page instead of coming back to the bot. On Telegram it is a URL button,
 * or with `webApp` a Mini App (Telegram takes those in private chats only, and only over https);
 * on Zalo, which has no buttons, the address is written out in the message.
 */
export interface LinkButton {
  text: string;
  url: string;
  webApp?: boolean;
}

/** Any button a message can carry. */
export type KeyboardButton = Button | LinkButton;

/** A message to send. `html` uses the Telegram HTML subset (b, i, u, s, code, pre, a, blockquote); text in it must be escaped. */
export interface OutgoingMessage {
  html: string;
  buttons?: KeyboardButton[][];
  replyToMessageId?: number;
  /** Ask the client to open a reply box to this message, so a group under privacy mode sees the answer. */
  forceReply?: boolean;
}

export interface OutgoingDocument {
  bytes: Uint8Array;
  fileName: string;
  captionHtml?: string;
  replyToMessageId?: number;
}

/** The outcome of a send: the platform's message id. */
export interface Sent {
  messageId: number;
}

/**
 * What features can do on a platform. Implementations pace and retry sends so that a feature
 * can simply await them; a send that still fails throws a {@link DeliveryError}.
 */
export interface Messenger {
  readonly platform: Platform;
  send(to: Address, message: OutgoingMessage): Promise<Sent>;
  edit(to: Address, messageId: number, message: OutgoingMessage): Promise<void>;
  /**
   * Takes the buttons off a message the bot sent, keeping its text; a message already without
   * buttons, or gone, is left as it is. Absent where a sent message cannot be changed (Zalo).
   */
  removeButtons?(to: Address, messageId: number): Promise<void>;
  sendDocument(to: Address, document: OutgoingDocument): Promise<Sent>;
  /**
   * Sends a PNG or JPEG to be shown as a picture in the chat, not as a file to open. Where the
   * platform refuses it as a picture (Telegram: too tall or too narrow), it goes as a document.
   */
  sendPhoto(to: Address, photo: OutgoingDocument): Promise<Sent>;
  answerButton(buttonId: string, text?: string, alert?: boolean): Promise<void>;
  downloadFile(file: IncomingFile): Promise<Uint8Array>;
  /** Whether the user administers the chat (creator or administrator). */
  isChatAdmin(chatId: string, userId: string): Promise<boolean>;
  /**
   * Whether the user is in the chat now. A public group's messages, and their buttons, reach
   * people who never joined it, and a custom client can press any button it sees.
   */
  isChatMember(chatId: string, userId: string): Promise<boolean>;
}

/** Why a send failed, in terms a feature can act on. */
export type DeliveryFailure = 'blocked' | 'chat-not-found' | 'too-long' | 'bad-request' | 'unavailable';

/** A send that failed after the adapter's retries. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly reason: DeliveryFailure,
    readonly to: Address,
    description: string,
  ) {
    super(description);
  }
}
