/**
 * The wire types of Zalo's official Bot API (https://bot.zaloplatforms.com/docs), as far as
 * dondoc uses them. Ids are strings and `date` is in milliseconds, unlike Telegram.
 */

/** Every answer of the Bot API: `{ok: true, result}` or `{ok: false, error_code, description}`. */
export type ZaloResponse<T> = { ok: true; result: T } | { ok: false; error_code: number; description: string };

/**
 * What `getMe` returns. There is no display name: `account_name` is a handle such as
 * `bot.VDKyGxQvc`, not the name Zalo users see and write after "@".
 */
export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type?: string;
  can_join_groups?: boolean;
}

/** The kinds of update Zalo delivers; everything a bot cannot read arrives as "unsupported". */
export type ZaloEventName = 'message.text.received' | 'message.image.received' | 'message.sticker.received' | 'message.unsupported.received';

/** A message from a user, in a private chat or (limited beta) a group where the bot was @mentioned. */
export interface ZaloMessage {
  message_id: string;
  /** The documentation's samples name the sender `display_name` in some places and `first_name` in others. */
  from: { id: string; display_name?: string; first_name?: string; is_bot?: boolean };
  chat: { id: string; chat_type: 'PRIVATE' | 'GROUP' };
  text?: string;
  /** Images: newer docs say `photo_url`, older ones `photo`. */
  photo_url?: string;
  photo?: string;
  caption?: string;
  /** Milliseconds since the epoch. */
  date: number;
}

/** One update: `getUpdates` returns exactly one, and a webhook receives one per request. */
export interface ZaloUpdate {
  /** Missing in the documentation's getUpdates sample, present in its webhook samples. */
  event_name?: ZaloEventName;
  message: ZaloMessage;
}

/** What `sendMessage` returns. */
export interface ZaloSentMessage {
  message_id: string;
  date: number;
}
