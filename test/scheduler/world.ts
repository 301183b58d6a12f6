/**
 * Seeds a database with offices whose units each have a group and open work on a published
 * notice with the seed 004 schedule (units report on the 14th and 28th, the office consolidates
 * on the 15th and 30th). Used by the scheduler's integration tests and benchmarks, with
 * createMany so that 100,000 assignments seed in seconds.
 */
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/logger.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';

export interface WorldSpec {
  offices: number;
  unitsPerOffice: number;
  /** Open assignments per unit (directives of the notice, each given to every unit). */
  assignmentsPerUnit: number;
  /** Deadline of the directives: one for all, or per office and directive. */
  dueAt: Date | ((office: number, directive: number) => Date);
  /** When the notice was published. */
  publishedAt: Date;
  /** Makes the Telegram chat id of a group (an emulator's group, say); consecutive negative ids by default. */
  chatId?: (title: string) => number;
}

/** What was seeded: the Telegram chat ids of the unit groups, office homes first. */
export interface World {
  officeChatIds: number[];
  unitChatIds: number[];
}

/** Applies the migrations to `url` and opens it. */
export async function openMigrated(url: string): Promise<Database> {
  await applyMigrations(parseDatabaseUrl(url), createLogger({ level: 'silent' }));
  return openDatabase(url);
}

/** Seeds offices, unit groups, one published notice per office and its schedules. */
export async function seedWorld({ db }: Database, spec: WorldSpec): Promise<World> {
  const world: World = { officeChatIds: [], unitChatIds: [] };
  let nextChat = -1_000_000_000_000;
  const chatIdOf = spec.chatId ?? (() => nextChat--);
  const chats: { id: string; platform: 'TELEGRAM'; externalId: string; type: 'SUPERGROUP'; title: string }[] = [];
  const offices: { id: string; name: string; homeChatId: string; deadlineOffsets: number[] }[] = [];
  const units: { id: string; officeId: string; name: string; foldedName: string }[] = [];
  const channels: { unitId: string; chatId: string }[] = [];
  const notices: { id: string; officeId: string; state: 'PUBLISHED'; number: string; recipients: string[]; warnings: string[]; publishedAt: Date }[] = [];
  const directives: { id: string; noticeId: string; position: number; ordinal: string; text: string; dueAt: Date; unmatched: string[] }[] = [];
  const assignments: { directiveId: string; unitId: string; role: 'LEAD'; dueAt: Date; originalDueAt: Date }[] = [];
  const schedules: { officeId: string; noticeId: string; kind: 'REPORT' | 'CONSOLIDATE'; text: string; daysOfMonth: number[]; rule: string }[] = [];

  const newChat = (title: string) => {
    const id = randomUUID();
    const externalId = chatIdOf(title);
    chats.push({ id, platform: 'TELEGRAM', externalId: String(externalId), type: 'SUPERGROUP', title });
    return { id, externalId };
  };
  for (let o = 0; o < spec.offices; o++) {
    const home = newChat(`Văn phòng ${o}`);
    world.officeChatIds.push(home.externalId);
    const officeId = randomUUID();
    offices.push({ id: officeId, name: `Văn phòng NTM ${o}`, homeChatId: home.id, deadlineOffsets: [-3, -1, 0] });
    const noticeId = randomUUID();
    notices.push({ id: noticeId, officeId, state: 'PUBLISHED', number: `${o + 1}/TB-BCĐ`, recipients: [], warnings: [], publishedAt: spec.publishedAt });
    schedules.push({ officeId, noticeId, kind: 'REPORT', text: 'báo cáo ngày 14 và 28 hằng tháng', daysOfMonth: [14, 28], rule: 'monthly' });
    schedules.push({ officeId, noticeId, kind: 'CONSOLIDATE', text: 'tổng hợp ngày 15 và 30 hằng tháng', daysOfMonth: [15, 30], rule: 'monthly' });
    const directiveIds = Array.from({ length: spec.assignmentsPerUnit }, (_, d) => {
      const id = randomUUID();
      const dueAt = typeof spec.dueAt === 'function' ? spec.dueAt(o, d) : spec.dueAt;
      directives.push({ id, noticeId, position: d + 1, ordinal: String(d + 1), text: `Nhiệm vụ ${d + 1}`, dueAt, unmatched: [] });
      return { id, dueAt };
    });
    for (let u = 0; u < spec.unitsPerOffice; u++) {
      const unitId = randomUUID();
      const name = `UBND xã số ${o}-${u}`;
      units.push({ id: unitId, officeId, name, foldedName: `ubnd xa so ${o}-${u}` });
      const group = newChat(name);
      world.unitChatIds.push(group.externalId);
      channels.push({ unitId, chatId: group.id });
      for (const { id: directiveId, dueAt } of directiveIds) assignments.push({ directiveId, unitId, role: 'LEAD', dueAt, originalDueAt: dueAt });
    }
  }
  const chunked = async <T,>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 5_000) await write(rows.slice(i, i + 5_000));
  };
  await chunked(chats, (data) => db.chat.createMany({ data }));
  await chunked(offices, (data) => db.office.createMany({ data }));
  await chunked(units, (data) => db.unit.createMany({ data }));
  await chunked(channels, (data) => db.unitChannel.createMany({ data }));
  await chunked(notices, (data) => db.notice.createMany({ data }));
  await chunked(directives, (data) => db.directive.createMany({ data }));
  await chunked(assignments, (data) => db.assignment.createMany({ data }));
  await chunked(schedules, (data) => db.reportingSchedule.createMany({ data }));
  return world;
}
