import type { Db } from './database.js';

/**
 * Who in an office hears of a blocker at once: its home group, and each leader who has a
 * private chat with the bot (a leader often sits in no group). Chats the bot was removed from
 * are left out; a leader reachable on two platforms is told on each. Null when the office is gone.
 */
export async function blockerRecipients(db: Db, officeId: string) {
  const office = await db.office.findUnique({
    where: { id: officeId },
    include: { homeChat: true, memberships: { where: { role: 'LEADER' }, include: { person: { include: { privateChat: true } } } } },
  });
  if (!office) return null;
  const chats = [office.homeChat, ...office.memberships.map((membership) => membership.person.privateChat)].filter((chat) => chat !== null && chat.blockedAt === null);
  const unique = [...new Map(chats.map((chat) => [chat!.id, chat!])).values()];
  return { office, chats: unique };
}
