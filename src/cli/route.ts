/**
 * `dondoc route FILE --units UNITS.json [--people PEOPLE.json] [--json]`: the routing twin of
 * `dondoc parse`. It shows which registered units each directive of a notice would be sent to,
 * through the same routing core as the bot's preview, so a secretary or an integrator can check
 * routing without a chat. Bad input gives one line and exit code 2.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from './usage-error.js';
import { parseNoticeFile } from './notice-input.js';
import { renderTable, truncate } from './text-table.js';
import { NoticeFileError, type ParsedNotice } from '../parser/index.js';
import { routeNotice, UNIT_KINDS, type KnownPerson, type NoticeRouting, type RoutableUnit, type Route } from '../domain/routing/index.js';

const USAGE = 'usage: dondoc route FILE --units UNITS.json [--people PEOPLE.json] [--json]';
const TASK_COLUMN = 40;
const UNIT_COLUMN = 30;
const CHECK_COLUMN = 36;

/** A collective of at least this many units is shown in the table by its phrase and count. */
const COLLAPSE_FROM = 3;

const unitsSchema = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string().trim().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    kind: z.enum(UNIT_KINDS).optional(),
  }),
);
const peopleSchema = z.array(z.object({ id: z.string().min(1), name: z.string().trim().min(1), title: z.string().nullable().optional() }));

/** An input file the command cannot use; its message is the one line the user sees. */
class InputError extends Error {
  override name = 'InputError';
}

/** Runs `dondoc route`; returns the exit code (2 for bad input, after one line on stderr). */
export async function run(args: string[]): Promise<number> {
  const options = readArguments(args);
  try {
    const units: RoutableUnit[] = await readJson(options.units, unitsSchema, 'đơn vị');
    const people: KnownPerson[] = options.people ? await readJson(options.people, peopleSchema, 'người') : [];
    const routing = routeNotice(await readNotice(options.file), units, people);
    console.log(options.json ? JSON.stringify(toJson(routing), null, 2) : renderRouting(routing, units));
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`dondoc route: ${error.message}`);
    return 2;
  }
}

/** The notice, parsed; a file the intake refuses is an input error like a bad units file. */
async function readNotice(file: string): Promise<ParsedNotice> {
  try {
    return await parseNoticeFile(file);
  } catch (error) {
    if (error instanceof NoticeFileError) throw new InputError(`${path.basename(file)}: ${error.message}`);
    throw error;
  }
}

function readArguments(args: string[]): { file: string; units: string; people: string | null; json: boolean } {
  const files: string[] = [];
  const values: Record<'--units' | '--people', string | null> = { '--units': null, '--people': null };
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--json' && inline === undefined) json = true;
    else if (flag === '--units' || flag === '--people') {
      const value = inline ?? args[(i += 1)];
      if (!value) throw new UsageError(`route: ${flag} needs a file; ${USAGE}`);
      values[flag] = value;
    } else if (flag.startsWith('-')) throw new UsageError(`route: unknown option ${flag}; ${USAGE}`);
    else files.push(args[i]!);
  }
  if (files.length !== 1 || !values['--units']) throw new UsageError(`route: ${USAGE}`);
  return { file: files[0]!, units: values['--units'], people: values['--people'], json };
}

/** Reads and validates a JSON list; any problem is one line naming the file and what is wrong. */
async function readJson<T>(file: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const name = path.basename(file);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputError(`${name}: không tìm thấy tệp.`);
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${name}: không phải JSON hợp lệ.`);
  }
  const checked = schema.safeParse(data);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  const [index, field] = issue.path;
  if (typeof index !== 'number') throw new InputError(`${name}: cần một danh sách ${what} [{"id", "name", …}].`);
  throw new InputError(`${name}: ${what} thứ ${index + 1} ${field === undefined ? 'không hợp lệ' : `có trường "${String(field)}" không hợp lệ hoặc bị thiếu`}.`);
}

/** The JSON of the issue: flags as their Vietnamese messages, collectives expanded one route per unit. */
function toJson(routing: NoticeRouting) {
  return {
    directives: routing.directives.map((d) => ({
      ordinal: d.ordinal,
      text: d.text,
      routes: d.routes.map(({ unitId, role, score, reason }) => ({ unitId, role, score, reason })),
      flags: d.flags.map((flag) => flag.message),
    })),
    expansions: routing.expansions,
  };
}

/** The table a secretary reads, then each expansion and each flag in full. */
function renderRouting(routing: NoticeRouting, units: readonly RoutableUnit[]): string {
  const name = new Map(units.map((unit) => [unit.id, unit.name]));
  const cell = (routes: Route[]) => {
    const shown: string[] = [];
    for (const route of routes) {
      const group = route.via ? routing.expansions.find((e) => e.phrase === route.via) : undefined;
      const label = group && group.unitIds.length >= COLLAPSE_FROM ? `${group.phrase} (${group.unitIds.length} đơn vị)` : name.get(route.unitId)!;
      if (!shown.includes(label)) shown.push(label);
    }
    return shown.join('; ');
  };
  const table = renderTable(
    ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Cần kiểm tra'],
    routing.directives.map((d) => [
      d.ordinal,
      truncate(d.text.replace(/\s+/g, ' '), TASK_COLUMN),
      truncate(cell(d.routes.filter((r) => r.role === 'lead')), UNIT_COLUMN),
      truncate(cell(d.routes.filter((r) => r.role === 'support')), UNIT_COLUMN),
      truncate(d.flags.map((f) => (f.kind === 'person' ? `đ/c ${f.phrase}` : f.phrase ? `"${f.phrase}"` : 'chưa có chủ trì')).join('; '), CHECK_COLUMN),
    ]),
  );
  const lines = [table];
  if (routing.expansions.length > 0) {
    lines.push('', 'Nhóm đơn vị:', ...routing.expansions.map((e) => `- ${e.phrase} → ${e.unitIds.length} đơn vị: ${e.unitIds.map((id) => name.get(id)).join('; ')}`));
  }
  const flagged = routing.directives.filter((d) => d.flags.length > 0);
  if (flagged.length > 0) lines.push('', 'Cần kiểm tra:', ...flagged.flatMap((d) => d.flags.map((f) => `- ${d.ordinal}: ${f.message}`)));
  return lines.join('\n');
}
