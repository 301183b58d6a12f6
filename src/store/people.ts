import type { ChatInfo, Platform, Sender } from '../messaging/port.js';
import type { Db } from './database.js';

/** Records a chat the bot has seen (or refreshes its title) and returns its row. */
export function upsertChat(db: Db, platform: Platform, chat: ChatInfo) {
  return db.chat.upsert({
    where: { platform_externalId: { platform, externalId: chat.id } },
    create: { platform, externalId: chat.id, type: chat.kind, title: chat.title, isForum: chat.isForum },
    update: { type: chat.kind, title: chat.title, isForum: chat.isForum },
  });
}

/**
 * Records a person the bot has seen. A message in a private chat also records that chat as
 * theirs: only then may the bot write to them first (Telegram refuses otherwise).
 */
export function upsertPerson(db: Db, platform: Platform, sender: Sender, privateChatId?: string) {
  const details = { displayName: sender.displayName, username: sender.username, locale: sender.languageCode };
  return db.person.upsert({
    where: { platform_externalId: { platform, externalId: sender.id } },
    create: { platform, externalId: sender.id, ...details, privateChatId },
    update: privateChatId ? { ...details, privateChatId } : details,
  });
}

/** Finds a person by @username (case-insensitively), among people the bot has seen. */
export async function findPersonByUsername(db: Db, platform: Platform, username: string) {
  const candidates = await db.person.findMany({ where: { platform, username: { not: null } } });
  return candidates.find((person) => person.username?.toLowerCase() === username.toLowerCase()) ?? null;
}
