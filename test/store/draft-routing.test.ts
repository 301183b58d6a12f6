import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import {
  addLeadUnit,
  applyRouting,
  createDraftNotice,
  listOpenDrafts,
  loadNotice,
  saveDraftContent,
  setDirectiveUnits,
  storedFlags,
  storedPhrases,
  type DraftDirective,
} from '../../src/store/notices.js';
import { linkChannel, listUnits, setUnitKind, unitKindOf } from '../../src/store/units.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from '../support/databases.js';
import { draftContentWith } from '../support/draft-content.js';

const providers = await providersUnderTest();

const directive = (ordinal: string, lead: string[], flags: DraftDirective['flags'] = []): DraftDirective => ({
  ordinal,
  text: `Nhiệm vụ ${ordinal}`,
  dueAt: null,
  dueText: null,
  dueKind: 'NONE',
  recurrence: null,
  phrases: { lead: [`đơn vị ${ordinal}`], support: [], persons: ordinal === '2' ? ['Lê Phú Quốc'] : [], leadSource: 'text' },
  lead,
  support: [],
  flags,
  persons: ordinal === '2' ? [{ name: 'Lê Phú Quốc', personId: null }] : [],
});

describe.each(providers)('drafts routed and routed again on %s', (provider) => {
  let testDb: TestDatabase;
  let database: Database;
  let officeId: string;
  let units: { commune: string; department: string; legacy: string };

  beforeAll(async () => {
    testDb = await createTestDatabase(provider);
    await applyMigrations(parseDatabaseUrl(testDb.url));
    database = await openDatabase(testDb.url);
    const { db } = database;
    const office = await db.office.create({ data: { name: 'Văn phòng NTM huyện', deadlineOffsets: [-3, -1, 0] } });
    officeId = office.id;
    const founder = await db.person.create({ data: { platform: 'TELEGRAM', externalId: '1', displayName: 'Thư Ký' } });
    const chat = (id: string) => db.chat.create({ data: { platform: 'TELEGRAM', externalId: id, type: 'GROUP' } });
    const commune = await linkChannel(db, { officeId, unitName: 'UBND xã Bình Sơn', chatId: (await chat('-1')).id, threadId: 0, actorId: founder.id });
    const department = await linkChannel(db, { officeId, unitName: 'Phòng TN&MT', chatId: (await chat('-2')).id, threadId: 0, actorId: founder.id });
    // A unit registered before kinds existed has none stored.
    const legacy = await db.unit.create({ data: { officeId, name: 'Hội Nông dân huyện', foldedName: 'hoi nong dan huyen' } });
    units = { commune: commune.id, department: department.id, legacy: legacy.id };
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('gives a joining unit the kind its name says, reads an older unit’s kind from its name, and keeps the kind the secretary sets', async () => {
    const { db } = database;
    const kinds = async () => Object.fromEntries((await listUnits(db, officeId)).map((unit) => [unit.name, unitKindOf(unit)]));
    expect(await kinds()).toEqual({ 'UBND xã Bình Sơn': 'commune', 'Phòng TN&MT': 'department', 'Hội Nông dân huyện': 'mass-org' });
    expect((await db.unit.findUniqueOrThrow({ where: { id: units.legacy } })).kind).toBeNull();
    await setUnitKind(db, units.legacy, 'other');
    expect((await kinds())['Hội Nông dân huyện']).toBe('other');
  });

  it('keeps what routing read, routes again every directive but those the secretary routed, and never loses a tapped suggestion', async () => {
    const { db } = database;
    const notice = await createDraftNotice(db, { officeId, createdById: (await db.person.findFirstOrThrow()).id, chatId: (await db.chat.findFirstOrThrow()).id, sourceText: '…' });
    const suggestion = { kind: 'ambiguous' as const, phrase: 'Phòng', message: 'Chủ trì "Phòng": cần chọn.', suggestions: [{ unitId: units.department, score: 0.6, reason: 'gần giống' }] };
    await saveDraftContent(db, notice.id, officeId, draftContentWith({
      locality: 'xã Bình Sơn',
      addressee: ['UBND xã Bình Sơn'],
      expansions: [{ phrase: 'các phòng, ban', unitIds: [units.department] }],
      directives: [directive('1', []), directive('2', [units.commune]), directive('3', [], [suggestion])],
    }));

    const [draft] = await listOpenDrafts(db, officeId);
    expect(draft!.locality).toBe('xã Bình Sơn');
    expect(draft!.addressee).toEqual(['UBND xã Bình Sơn']);
    expect(storedPhrases(draft!.directives[1]!.phrases)).toEqual({ lead: ['đơn vị 2'], support: [], persons: ['Lê Phú Quốc'], leadSource: 'text' });
    expect(draft!.directives[1]!.persons).toEqual([{ name: 'Lê Phú Quốc', personId: null }]);
    expect(storedFlags(draft!.directives[2]!.unmatched)).toEqual([suggestion]);

    // The secretary routes 1 by /assign and taps the suggestion of 3.
    const [first, , third] = draft!.directives;
    await setDirectiveUnits(db, first!.id, [units.commune], [units.department]);
    await addLeadUnit(db, third!.id, units.department);

    // Routing again would send everything to the department: only directive 2 follows.
    const everywhere = { lead: [units.department], support: [], flags: [], persons: [] };
    await applyRouting(db, notice.id, new Map(draft!.directives.map((d) => [d.id, everywhere])), []);

    const loaded = await loadNotice(db, notice.id);
    const routed = loaded.directives.map((d) => ({ ordinal: d.ordinal, handRouted: d.handRouted, units: d.assignments.map((a) => `${a.role}:${a.unit.name}`).sort() }));
    expect(routed).toEqual([
      { ordinal: '1', handRouted: true, units: ['LEAD:UBND xã Bình Sơn', 'SUPPORT:Phòng TN&MT'] },
      { ordinal: '2', handRouted: false, units: ['LEAD:Phòng TN&MT'] },
      { ordinal: '3', handRouted: true, units: ['LEAD:Phòng TN&MT'] },
    ]);
    // The tapped suggestion settled its flag; the expansions are the last routing's.
    expect(storedFlags(loaded.directives[2]!.unmatched)).toEqual([]);
    expect(loaded.expansions).toEqual([]);
  });
});
