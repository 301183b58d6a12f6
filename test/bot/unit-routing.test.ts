import { describe, expect, it } from 'vitest';
import { unitArgs } from '../../commands/arguments.js';
import { knownPeople, resolveTypedUnits } from '../../src/bot/unit-routing.js';
import type { UnitWithChannels } from '../../src/store/units.js';

const unit = (id: string, name: string, aliases: string[] = [], kind: string | null = null) =>
  ({ id, name, kind, aliases: aliases.map((alias) => ({ alias })), channels: [] }) as unknown as UnitWithChannels;

describe('routing in the bot', () => {
  it('knows a leader by the family-first name a notice writes, whatever order the profile has', () => {
    const names = knownPeople([{ id: 'p1', displayName: 'Quốc Lê Phú' }]).map((person) => person.name);
    expect(names).toContain('Lê Phú Quốc');
    expect(knownPeople([{ id: 'p2', displayName: 'Lê Phú Quốc' }]).map((person) => person.name)).toContain('Lê Phú Quốc');
    expect(new Set(knownPeople([{ id: 'p1', displayName: 'Quốc Lê Phú' }]).map((person) => person.id))).toEqual(new Set(['p1']));
  });

  it('resolves the names a secretary types through aliases and abbreviations, and names the ones it cannot', () => {
    const units = [unit('u1', 'Phòng Tài nguyên và Môi trường', ['Phòng TN&MT']), unit('u2', 'UBND xã Bình Sơn')];
    expect(resolveTypedUnits(['Phòng TN&MT', 'ubnd xa binh son'], units)).toEqual({ ids: ['u1', 'u2'], unknown: [] });
    expect(resolveTypedUnits(['Phòng Nội vụ'], units).unknown).toEqual([expect.stringContaining('Phòng Nội vụ')]);
  });

  it('reads /unit kind with Vietnamese words, with or without diacritics', () => {
    expect(unitArgs.parse('kind 2 xã')).toMatchObject({ action: 'kind', index: 2, kind: 'commune' });
    expect(unitArgs.parse('kind 1 phong')).toMatchObject({ kind: 'department' });
    expect(unitArgs.parse('kind 3 Đoàn thể')).toMatchObject({ kind: 'mass-org' });
    expect(unitArgs.parse('kind 4 trường')).toMatchObject({ kind: 'school' });
    expect(unitArgs.parse('kind 5 khác')).toMatchObject({ kind: 'other' });
    expect(unitArgs.safeParse('kind 5 huyện').success).toBe(false);
    expect(unitArgs.parse('rename 1 Phòng Nội vụ')).toMatchObject({ action: 'rename', text: 'Phòng Nội vụ', kind: null });
  });
});
