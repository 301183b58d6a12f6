/**
 * The accuracy corpus of issue #15 (`test/fixtures/corpus/`, format in its README.md): notices
 * written for the project in the shapes real ones take, each with what a careful secretary would
 * read from it. Read by the parser-accuracy bench and by the corpus guard-rail test.
 *
 * Every expected file goes through a strict zod schema and a few cross-checks (unit ids exist,
 * each `textStart` is in the notice), so a fixture with a typo fails loudly here instead of
 * quietly lowering a score.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseNotice, readNoticeFile } from '../../src/parser/index.js';
import { routeNotice } from '../../src/domain/routing/index.js';
import { buildDocx } from '../parser/notice-file-builders.js';
import { foldForMatch, scoreNotice, type NoticeScore } from './corpus-score.js';

/** Where the corpus lives. */
export const corpusDir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const unitKind = z.enum(['commune', 'department', 'mass-org', 'school', 'other']);
const flagKind = z.enum(['unmatched', 'ambiguous', 'qualified-collective', 'person', 'no-lead']);

const expectedSchema = z.strictObject({
  source: z.string().regex(/\.(txt|docx\.json)$/),
  classes: z.array(z.string().min(1)).min(1),
  units: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string().min(1)), kind: unitKind.optional() })).min(1),
  people: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), title: z.string().nullable().optional() })).default([]),
  notice: z.strictObject({
    number: z.string().min(1).nullable(),
    issuedOn: isoDate.nullable(),
    meetingOn: isoDate.nullable(),
    signer: z.string().min(1).nullable(),
    locality: z.string().min(1).nullable(),
  }),
  directives: z.array(z.strictObject({
    ordinal: z.string().min(1),
    textStart: z.string().min(8),
    lead: z.array(z.string()),
    support: z.array(z.string()),
    persons: z.array(z.string().min(1)).default([]),
    due: isoDate.nullable(),
    flags: z.array(flagKind).default([]),
  })).min(1),
  schedules: z.array(z.strictObject({ daysOfMonth: z.array(z.number().int().min(1).max(31)), rule: z.string().min(1) })).default([]),
});

/** What a secretary reads from one corpus notice (contract C's `<id>.expected.json`). */
export type ExpectedNotice = z.infer<typeof expectedSchema>;

const blockSchema = z.union([
  z.strictObject({ p: z.string(), numbered: z.union([z.literal(0), z.literal(1)]).optional() }),
  z.strictObject({ table: z.array(z.array(z.string())).min(1) }),
]);
const docxSpecSchema = z.strictObject({ blocks: z.array(blockSchema).min(1) });

/** One notice of the corpus, read as the bot would read the uploaded file. */
export interface CorpusNotice {
  id: string;
  /** The fixture file the text came from (`07-….txt` or `07-….docx.json`). */
  source: string;
  /** The text the parser receives: the .txt as stored, or what the file reader extracts from the built .docx. */
  text: string;
  expected: ExpectedNotice;
}

/** Loads every notice of the corpus in id order; throws, naming the file, on any malformed fixture. */
export async function loadCorpus(dir: string = corpusDir): Promise<CorpusNotice[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.expected.json')).sort();
  return Promise.all(files.map((file) => loadNotice(dir, file.replace(/\.expected\.json$/, ''))));
}

async function loadNotice(dir: string, id: string): Promise<CorpusNotice> {
  const where = `${dir}${id}.expected.json`;
  const raw = JSON.parse(await readFile(where, 'utf8')) as unknown;
  const checked = expectedSchema.safeParse(raw);
  if (!checked.success) throw new Error(`${where}: ${z.prettifyError(checked.error)}`);
  const expected = checked.data;
  if (!expected.source.startsWith(id)) throw new Error(`${where}: source ${expected.source} is not this notice's file`);
  const { text, written } = expected.source.endsWith('.docx.json')
    ? await readDocxFixture(`${dir}${expected.source}`)
    : await readFile(`${dir}${expected.source}`, 'utf8').then((content) => ({ text: content, written: content }));
  checkConsistency(where, expected, written);
  return { id, source: expected.source, text, expected };
}

/** Builds the Word file the spec describes and reads it back through the bot's own file intake. */
async function readDocxFixture(path: string): Promise<{ text: string; written: string }> {
  const checked = docxSpecSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!checked.success) throw new Error(`${path}: ${z.prettifyError(checked.error)}`);
  const { blocks } = checked.data;
  const bytes = await buildDocx(blocks);
  const written = blocks.map((block) => ('p' in block ? block.p : block.table.map((row) => row.join(' ')).join('\n'))).join('\n');
  return { text: await readNoticeFile(bytes, path.replace(/\.json$/, '')), written };
}

/** Mistakes a fixture author makes that the schema cannot see. */
function checkConsistency(where: string, expected: ExpectedNotice, written: string): void {
  const unitIds = new Set(expected.units.map((unit) => unit.id));
  if (unitIds.size !== expected.units.length) throw new Error(`${where}: duplicate unit ids`);
  const folded = foldForMatch(written);
  for (const directive of expected.directives) {
    for (const id of [...directive.lead, ...directive.support]) {
      if (!unitIds.has(id)) throw new Error(`${where}: directive ${directive.ordinal} names unit ${id}, which is not in units`);
    }
    if (!folded.includes(foldForMatch(directive.textStart))) {
      throw new Error(`${where}: directive ${directive.ordinal}'s textStart is not in the notice: "${directive.textStart}"`);
    }
  }
}

/** Parses and routes every notice as the bot would (contract B's `routeNotice`), and scores each against its expected reading. */
export function evaluateCorpus(notices: readonly CorpusNotice[]): NoticeScore[] {
  return notices.map((notice) => {
    const parsed = parseNotice(notice.text);
    return scoreNotice(notice.id, notice.expected, parsed, routeNotice(parsed, notice.expected.units, notice.expected.people));
  });
}
