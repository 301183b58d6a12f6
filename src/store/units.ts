import { inferUnitKind, UNIT_KINDS, type UnitKind } from '../domain/routing/index.js';
import { unitKey } from '../parser/index.js';
import type { Db } from './database.js';
import { forgetPlaces } from './places.js';

/** The registered (not removed) units of an office, with aliases and channels, in a stable order. */
export function listUnits(db: Db, officeId: string) {
  return db.unit.findMany({
    where: { officeId, removedAt: null },
    include: { aliases: true, channels: { include: { chat: true } } },
    orderBy: [{ createdAt: 'asc' }, { name: 'asc' }],
  });
}

export type UnitWithChannels = Awaited<ReturnType<typeof listUnits>>[number];

/**
 * A unit's kind: as stored, or inferred from its name for units registered before kinds
 * existed (their column is null, and the migration leaves the rules to `inferUnitKind` rather
 * than copy them into SQL that cannot fold Vietnamese diacritics the same way on both databases).
 */
export function unitKindOf(unit: { name: string; kind: string | null }): UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(unit.kind ?? '') ? (unit.kind as UnitKind) : inferUnitKind(unit.name);
}

/** Sets the kind of a unit, as the secretary chose it with `/unit kind`. */
export function setUnitKind(db: Db, unitId: string, kind: UnitKind) {
  return db.unit.update({ where: { id: unitId }, data: { kind } });
}

/** The unit a chat (or a topic of it) belongs to, with its office and channels. A topic falls back to its whole group. */
export async function findUnitByChannel(db: Db, chatId: string, threadId: number) {
  const channels = await db.unitChannel.findMany({
    where: { chatId, threadId: { in: threadId === 0 ? [0] : [threadId, 0] }, unit: { removedAt: null } },
    include: { unit: { include: { office: true, channels: { include: { chat: true } } } } },
  });
  return (channels.find((channel) => channel.threadId === threadId) ?? channels[0])?.unit ?? null;
}

/** The unit exactly this chat or topic is linked to (no fallback from a topic to its group), with its office and the office's group. */
export async function unitOfChannel(db: Db, chatId: string, threadId: number) {
  const channel = await db.unitChannel.findUnique({
    where: { chatId_threadId: { chatId, threadId } },
    include: { unit: { include: { office: { include: { homeChat: true } } } } },
  });
  return channel && !channel.unit.removedAt ? channel.unit : null;
}

/**
 * Links a chat or topic to a unit of the office, creating the unit when no unit of that name
 * (diacritics folded) exists, with its kind inferred from the name. A channel belongs to one
 * unit; linking it again moves it, so the caller decides first whether it may (see /join).
 */
export async function linkChannel(db: Db, input: { officeId: string; unitName: string; chatId: string; threadId: number; actorId: string }) {
  // The matcher's key (diacritics folded, abbreviations spelled out), so that "Phòng TN&MT"
  // joining after "Phòng Tài nguyên và Môi trường" finds the same unit.
  const foldedName = unitKey(input.unitName);
  const linked = await db.$transaction(async (tx) => {
    const unit = await tx.unit.upsert({
      where: { officeId_foldedName: { officeId: input.officeId, foldedName } },
      create: { officeId: input.officeId, name: input.unitName.trim(), foldedName, kind: inferUnitKind(input.unitName) },
      update: { removedAt: null },
    });
    await tx.unitChannel.upsert({
      where: { chatId_threadId: { chatId: input.chatId, threadId: input.threadId } },
      create: { unitId: unit.id, chatId: input.chatId, threadId: input.threadId },
      update: { unitId: unit.id },
    });
    await tx.auditLog.create({ data: { officeId: input.officeId, actorId: input.actorId, action: 'unit.join', subject: unit.id, details: { chatId: input.chatId, threadId: input.threadId } } });
    return unit;
  });
  forgetPlaces(db);
  return linked;
}

/** Renames a unit; its kind stays as it was (the secretary changes it with `/unit kind`). */
export async function renameUnit(db: Db, unitId: string, name: string) {
  const unit = await db.unit.update({ where: { id: unitId }, data: { name: name.trim(), foldedName: unitKey(name) } });
  forgetPlaces(db);
  return unit;
}

/** Adds another name the unit is known by (`Phòng TN&MT`), once. */
export async function addAlias(db: Db, unitId: string, alias: string) {
  const foldedAlias = unitKey(alias);
  return db.unitAlias.upsert({ where: { unitId_foldedAlias: { unitId, foldedAlias } }, create: { unitId, alias: alias.trim(), foldedAlias }, update: {} });
}

/** Removes a unit from routing; its history and assignments stay for the statistics. */
export async function removeUnit(db: Db, unitId: string) {
  await db.$transaction([db.unit.update({ where: { id: unitId }, data: { removedAt: new Date() } }), db.unitChannel.deleteMany({ where: { unitId } })]);
  forgetPlaces(db);
}

/** Mutes or unmutes the reminders of a unit's chat or topic. */
export async function setChannelMuted(db: Db, chatId: string, threadId: number, muted: boolean) {
  await db.unitChannel.update({ where: { chatId_threadId: { chatId, threadId } }, data: { remindersMuted: muted } });
  forgetPlaces(db);
}
