import { randomUUID } from 'node:crypto';
import { lastByKey } from '../domain/group-by.js';
import type { ChatInfo, Platform, Sender } from '../messaging/port.js';
import type { Provider } from './database-url.js';
import type { Db } from './database.js';
import { batchWhileBusyPerDatabase } from './batch-while-busy.js';
import { jsonRows } from './json-rows.js';
import { forgetPlaces } from './places.js';

type ChatRow = Awaited<ReturnType<Db['chat']['upsert']>>;
type PersonRow = Awaited<ReturnType<Db['person']['upsert']>>;

/**
 * Rows of chats and people seen recently, so that the common case (the same group, the same
 * official, nothing renamed) costs no write. On a reporting day every update would otherwise
 * rewrite two unchanged rows, and SQLite has a single writer.
 */
class RecentRows<T> {
  private readonly rows = new Map<string, T>();
  constructor(private readonly capacity: number) {}
  get(key: string): T | undefined {
    return this.rows.get(key);
  }
  delete(key: string): void {
    this.rows.delete(key);
  }
  set(key: string, row: T): void {
    this.rows.delete(key);
    this.rows.set(key, row);
    if (this.rows.size > this.capacity) this.rows.delete(this.rows.keys().next().value!);
  }
}

const recentChats = new WeakMap<Db, RecentRows<ChatRow>>();
const recentPeople = new WeakMap<Db, RecentRows<PersonRow>>();

function cacheOf<T>(caches: WeakMap<Db, RecentRows<T>>, db: Db): RecentRows<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new RecentRows<T>(10_000)));
  return cache;
}

/** The row of a chat the bot already knows, without recording it: a stranger's chat must leave no row behind. */
export async function findChat(db: Db, platform: Platform, externalId: string): Promise<ChatRow | null> {
  const cache = cacheOf(recentChats, db);
  const key = `${platform}:${externalId}`;
  const known = cache.get(key) ?? (await db.chat.findUnique({ where: { platform_externalId: { platform, externalId } } }));
  if (known) cache.set(key, known);
  return known ?? null;
}

/** Whether the bot already knows a person, without recording them. */
export async function isKnownPerson(db: Db, platform: Platform, externalId: string): Promise<boolean> {
  if (cacheOf(recentPeople, db).get(`${platform}:${externalId}`)) return true;
  return (await db.person.count({ where: { platform, externalId } })) > 0;
}

/** Records a chat the bot has seen (or refreshes its title) and returns its row. */
export async function upsertChat(db: Db, platform: Platform, chat: ChatInfo): Promise<ChatRow> {
  const cache = cacheOf(recentChats, db);
  const key = `${platform}:${chat.id}`;
  const known = cache.get(key);
  if (known && known.type === chat.kind && known.title === chat.title && known.isForum === chat.isForum && !known.blockedAt) return known;
  const row = await db.chat.upsert({
    where: { platform_externalId: { platform, externalId: chat.id } },
    create: { platform, externalId: chat.id, type: chat.kind, title: chat.title, isForum: chat.isForum },
    // A chat that writes to the bot has not blocked it (any more).
    update: { type: chat.kind, title: chat.title, isForum: chat.isForum, blockedAt: null },
  });
  cache.set(key, row);
  return row;
}

/**
 * Records a person the bot has seen. A message in a private chat also records that chat as
 * theirs: only then may the bot write to them first (Telegram refuses otherwise).
 */
export async function upsertPerson(db: Db, provider: Provider, platform: Platform, sender: Sender, privateChatId?: string): Promise<PersonRow> {
  const cache = cacheOf(recentPeople, db);
  const key = `${platform}:${sender.id}`;
  const known = cache.get(key);
  const unchanged =
    known &&
    known.displayName === sender.displayName &&
    known.username === sender.username &&
    known.locale === sender.languageCode &&
    (!privateChatId || known.privateChatId === privateChatId);
  if (unchanged) return known;
  const row = await commitPeople(db, provider, { platform, sender, privateChatId: privateChatId ?? null });
  cache.set(key, row);
  return row;
}

interface PersonSeen {
  platform: Platform;
  sender: Sender;
  privateChatId: string | null;
}

/**
 * On a reporting day many people write for the first time since the bot started, so the
 * people seen together are written together: one upsert statement, which keeps a private
 * chat already known when this message came from a group.
 */
const commitPeople = batchWhileBusyPerDatabase(async (db: Db, provider: Provider, seen: readonly PersonSeen[]): Promise<PersonRow[]> => {
  const rows = jsonRows(provider, [
    ['id', 'text'], ['platform', { enum: 'Platform' }], ['externalId', 'text'], ['displayName', 'text'], ['username', 'text'], ['locale', 'text'], ['privateChatId', 'text'], ['createdAt', 'timestamp'],
  ]);
  // One row per person (PostgreSQL refuses to upsert a row twice in one statement); the latest details win.
  const latest = lastByKey(seen, (person) => `${person.platform} ${person.sender.id}`);
  const now = new Date();
  const saved = await db.$queryRawUnsafe<(Omit<PersonRow, 'createdAt'> & { createdAt: Date | string })[]>(
    `INSERT INTO "Person" ("id", "platform", "externalId", "displayName", "username", "locale", "privateChatId", "createdAt")
     ${rows.selectAll()}
     ON CONFLICT ("platform", "externalId") DO UPDATE SET "displayName" = excluded."displayName", "username" = excluded."username", "locale" = excluded."locale",
       "privateChatId" = COALESCE(excluded."privateChatId", "Person"."privateChatId")
     RETURNING "id", "platform", "externalId", "displayName", "username", "locale", "privateChatId", "createdAt"`,
    rows.encode(latest.map(({ platform, sender, privateChatId }) => [randomUUID(), platform, sender.id, sender.displayName, sender.username, sender.languageCode, privateChatId, now])),
  );
  const byKey = new Map(saved.map((row) => [`${row.platform} ${row.externalId}`, { ...row, createdAt: new Date(row.createdAt) } as PersonRow]));
  return seen.map((person) => byKey.get(`${person.platform} ${person.sender.id}`)!);
});

/** Finds a person by @username (case-insensitively), among people the bot has seen. */
export async function findPersonByUsername(db: Db, platform: Platform, username: string) {
  const candidates = await db.person.findMany({ where: { platform, username: { not: null } } });
  return candidates.find((person) => person.username?.toLowerCase() === username.toLowerCase()) ?? null;
}

/**
 * Moves a chat to its new id after Telegram upgraded a group to a supergroup, keeping its office
 * and unit links. A row the bot may already have made for the new id (a message seen there
 * first) carries no links yet and gives way.
 */
export async function migrateChat(db: Db, platform: Platform, oldId: string, newId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const old = await tx.chat.findUnique({ where: { platform_externalId: { platform, externalId: oldId } } });
    if (!old) return;
    await tx.chat.deleteMany({ where: { platform, externalId: newId, homeOf: null, unitChannels: { none: {} } } });
    await tx.chat.update({ where: { id: old.id }, data: { externalId: newId, type: 'SUPERGROUP' } });
  });
  const cache = cacheOf(recentChats, db);
  cache.delete(`${platform}:${oldId}`);
  cache.delete(`${platform}:${newId}`);
  forgetPlaces(db);
}

/** The platform id of a person's private chat with the bot, if they ever wrote there and have not blocked it. */
export async function privateChatOf(db: Db, personId: string): Promise<string | null> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { privateChat: { select: { externalId: true, blockedAt: true } } } });
  const chat = person?.privateChat;
  return chat && !chat.blockedAt ? chat.externalId : null;
}
