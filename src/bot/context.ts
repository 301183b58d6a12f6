import type { Logger } from '../logger.js';
import type { Locale, Translate } from '../i18n.js';
import type { Address, IncomingEvent, Messenger, OutgoingMessage, Platform, Sent } from '../messaging/port.js';
import type { Provider } from '../store/database-url.js';
import type { Db } from '../store/database.js';
import type { Place } from '../store/places.js';
import type { Acknowledgements } from './acknowledgements.js';
import { splitMessage } from './html.js';

/** What every feature can use, shared by all events of a running bot. */
export interface BotServices {
  db: Db;
  /** Which database `db` is, for the few statements written in SQL. */
  provider: Provider;
  messengers: Map<Platform, Messenger>;
  logger: Logger;
  timeZone: string;
  defaultLocale: Locale;
  /** The clock; tests and the sandbox move it. */
  now(): Date;
  /** Hours an invite code stays valid. */
  inviteTtlHours: number;
  /** Status acknowledgements, sent without making the chat's next update wait. */
  acknowledgements: Acknowledgements;
  /** Links to the web draft editor for the preview's button; absent where no page is served (unit tests). */
  draftEditor?: DraftEditorLinks;
}

/**
 * The port through which the bot hands out links to the web draft editor; the HTTP side
 * decides how the chat opens it (a Telegram Mini App in a private chat, a signed link elsewhere).
 */
export interface DraftEditorLinks {
  /** A button's address for editing `noticeId` as `personId`, in a chat of that platform and kind. */
  linkFor(request: { noticeId: string; personId: string; platform: Platform; privateChat: boolean }): { url: string; webApp: boolean };
}

type Chat = Awaited<ReturnType<Db['chat']['upsert']>>;
type Person = Awaited<ReturnType<Db['person']['upsert']>>;

/** One incoming event with everything the router resolved about where it came from. */
export interface BotContext<E extends IncomingEvent = IncomingEvent> {
  event: E;
  services: BotServices;
  messenger: Messenger;
  /** Translates for this event's platform (Zalo's wording on Zalo, see `platformTranslator`). */
  t: Translate;
  /** Translates for a message that goes to a chat on `platform`, which may not be this event's. */
  tFor(platform: Platform): Translate;
  locale: Locale;
  chat: Chat;
  person: Person;
  /** The office whose home group this is. */
  office: Place['office'];
  /** The unit this chat or topic belongs to, with its office and its channels. */
  unit: Place['unit'];
  /** The chat (and topic) the event came from. */
  here: Address;
  /** Sends HTML to the chat and topic the event came from, split on line boundaries when long. */
  reply(html: string, options?: Omit<OutgoingMessage, 'html'>): Promise<Sent>;
}

/** Sends a possibly long HTML text as several messages; buttons go on the last one. */
export async function sendLong(messenger: Messenger, to: Address, html: string, options: Omit<OutgoingMessage, 'html'> = {}): Promise<Sent> {
  const parts = splitMessage(html);
  let sent: Sent | undefined;
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    sent = await messenger.send(to, {
      html: part,
      replyToMessageId: index === 0 ? options.replyToMessageId : undefined,
      buttons: last ? options.buttons : undefined,
      forceReply: last ? options.forceReply : undefined,
    });
  }
  return sent!;
}
