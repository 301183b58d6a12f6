import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = path.resolve('bin/dondoc.js');
const seed004 = path.resolve('test/fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-route-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Writes a file in the work directory and returns its path. */
function file(name: string, content: string): string {
  const where = path.join(workDir, name);
  writeFileSync(where, content);
  return where;
}

/** Runs the real CLI in a clean directory. */
function dondoc(args: string[]) {
  return spawnSync(process.execPath, [cli, 'route', ...args], { cwd: workDir, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 60_000 });
}

/** The units seed 004's office registers (issue 15). */
const seedUnits = file(
  'units.json',
  JSON.stringify([
    { id: 'u01', name: 'UBND xã Bình Sơn', aliases: [] },
    { id: 'u02', name: 'Phòng Tài nguyên và Môi trường', aliases: ['Phòng TN&MT'] },
    { id: 'u03', name: 'Phòng Kinh tế - Hạ tầng', aliases: [] },
    { id: 'u04', name: 'Văn phòng NTM huyện', aliases: [] },
    { id: 'u05', name: 'Văn phòng Huyện ủy', aliases: [] },
  ]),
);
const seedPeople = file('people.json', JSON.stringify([{ id: 'p01', name: 'Lê Phú Quốc' }]));

interface RouteJson {
  directives: { ordinal: string; text: string; routes: { unitId: string; role: 'lead' | 'support'; score: number; reason: string }[]; flags: string[] }[];
  expansions: { phrase: string; unitIds: string[] }[];
}

describe('dondoc route', () => {
  it('routes seed 004 as a reader would, without help', () => {
    const result = dondoc([seed004, '--units', seedUnits, '--people', seedPeople, '--json']);
    expect(result.stderr.replace(/^dondoc: compiled.*\n/m, '')).toBe('');
    expect(result.status).toBe(0);
    const routing = JSON.parse(result.stdout) as RouteJson;
    const byOrdinal = new Map(routing.directives.map((d) => [d.ordinal, d]));
    const units = (ordinal: string, role?: string) => byOrdinal.get(ordinal)!.routes.filter((r) => !role || r.role === role).map((r) => r.unitId).sort();
    expect([...byOrdinal.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    // 1, 2, 3, 5, 6, 9: the commune the working session was with, and nobody else.
    for (const ordinal of ['1', '2', '3', '5', '6', '9']) expect(units(ordinal), `directive ${ordinal}`).toEqual(['u01']);
    expect(units('4')).toEqual(['u01', 'u02']);
    expect(units('4', 'lead')).toContain('u01');
    expect(units('7')).toEqual(['u03']);
    expect(units('8')).toEqual(['u02', 'u03']);
    expect(units('10')).toEqual(['u01', 'u04']);
    expect(units('11', 'lead')).toEqual(['u04']);
    expect(units('11', 'support')).toEqual(['u05']);
    // Nothing left for the secretary but the one person named to follow 9.
    for (const d of routing.directives) expect(d.flags, `directive ${d.ordinal}`).toHaveLength(d.ordinal === '9' ? 1 : 0);
    expect(byOrdinal.get('9')!.flags[0]).toMatch(/^Đồng chí Lê Phú Quốc .*đã có trong danh sách lãnh đạo/u);
    for (const d of routing.directives) {
      for (const r of d.routes) expect(Object.keys(r).sort()).toEqual(['reason', 'role', 'score', 'unitId']);
      for (const flag of d.flags) expect(typeof flag).toBe('string');
    }
    expect(routing.expansions).toEqual([{ phrase: expect.stringMatching(/^các ban, phòng, ngành cấp huyện$/iu), unitIds: ['u02', 'u03'] }]);
  });

  it('takes --units=FILE and --people=FILE too', () => {
    const result = dondoc([seed004, `--units=${seedUnits}`, `--people=${seedPeople}`, '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as RouteJson).directives).toHaveLength(11);
  });

  it('prints a table a secretary reads, then the groups it expanded and what to check', () => {
    const result = dondoc([seed004, '--units', seedUnits]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\| STT \| Nhiệm vụ +\| Chủ trì +\| Phối hợp +\| Cần kiểm tra +\|$/m);
    expect(result.stdout).toMatch(/^\| 11 +\| Giao Văn phòng NTM huyện chủ trì.*\| Văn phòng NTM huyện +\| Văn phòng Huyện ủy +\|/m);
    expect(result.stdout).toMatch(/^Nhóm đơn vị:\n- .*→ 2 đơn vị: Phòng Tài nguyên và Môi trường; Phòng Kinh tế - Hạ tầng$/m);
    expect(result.stdout).toMatch(/^- 9: Đồng chí Lê Phú Quốc .*chưa có trong danh sách/m);
  });

  it('infers each unit\'s kind when the units file does not give it, and takes it when it does', () => {
    const notice = file('collective.txt', 'THÔNG BÁO\n\nKết luận như sau:\n\n1. Giao các phòng, ban, ngành cấp huyện rà soát hồ sơ trước ngày 30/11/2024.\n');
    const units = file('kinds.json', JSON.stringify([
      { id: 'a', name: 'Phòng Tư pháp', aliases: [] },
      { id: 'b', name: 'Văn phòng HĐND và UBND huyện', aliases: [], kind: 'department' },
      { id: 'c', name: 'Văn phòng Huyện ủy', aliases: [] },
    ]));
    const routing = JSON.parse(dondoc([notice, '--units', units, '--json']).stdout) as RouteJson;
    expect(routing.directives[0]!.routes.map((r) => r.unitId)).toEqual(['a', 'b']);
    expect(routing.expansions).toEqual([{ phrase: expect.stringMatching(/^các phòng, ban, ngành cấp huyện$/iu), unitIds: ['a', 'b'] }]);
  });

  it.each([
    ['a missing notice', () => [path.join(workDir, 'none.txt'), '--units', seedUnits], /^dondoc route: none\.txt: Không tìm thấy tệp\.$/],
    ['a missing units file', () => [seed004, '--units', path.join(workDir, 'none.json')], /^dondoc route: none\.json: không tìm thấy tệp\.$/],
    ['a units file that is not JSON', () => [seed004, '--units', file('bad.json', '[{"id": "u01",')], /^dondoc route: bad\.json: không phải JSON hợp lệ\.$/],
    ['a unit without a name', () => [seed004, '--units', file('noname.json', '[{"id": "u01", "name": "UBND xã Bình Sơn"}, {"id": "u02", "aliases": []}]')], /^dondoc route: noname\.json: đơn vị thứ 2 có trường "name" không hợp lệ hoặc bị thiếu\.$/],
    ['a unit of an unknown kind', () => [seed004, '--units', file('kind.json', '[{"id": "u01", "name": "UBND xã Bình Sơn", "kind": "village"}]')], /^dondoc route: kind\.json: đơn vị thứ 1 có trường "kind"/],
    ['units that are not a list', () => [seed004, '--units', file('object.json', '{"id": "u01"}')], /^dondoc route: object\.json: cần một danh sách đơn vị/],
    ['a people file with a person without a name', () => [seed004, '--units', seedUnits, '--people', file('people-bad.json', '[{"id": "p01"}]')], /^dondoc route: people-bad\.json: người thứ 1 có trường "name" không hợp lệ hoặc bị thiếu\.$/],
    ['an unknown option', () => [seed004, '--units', seedUnits, '--csv'], /^dondoc: route: unknown option --csv; usage: dondoc route FILE --units UNITS\.json/],
    ['no units at all', () => [seed004], /^dondoc: route: usage: dondoc route FILE --units UNITS\.json/],
  ])('answers %s with one line and exit code 2', (_, args, message) => {
    const result = dondoc(args());
    expect(result.status).toBe(2);
    const lines = result.stderr.replace(/^dondoc: compiled.*\n/m, '').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
