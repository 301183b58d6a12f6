import { describe, expect, it } from 'vitest';
import { matchUnit, unitKey, type RegisteredUnit } from '../../../src/domain/routing/unit-matcher.js';

const units: RegisteredUnit[] = [
  { id: 'tnmt', name: 'Phòng Tài nguyên và Môi trường', aliases: ['Phòng TN&MT'] },
  { id: 'nn', name: 'Phòng Nông nghiệp và Phát triển nông thôn', aliases: [] },
  { id: 'ktht', name: 'Phòng Kinh tế - Hạ tầng', aliases: [] },
  { id: 'ldtbxh', name: 'Phòng Lao động - Thương binh và Xã hội', aliases: [] },
  { id: 'vpntm', name: 'Văn phòng Điều phối nông thôn mới huyện', aliases: ['Văn phòng NTM huyện'] },
  { id: 'binhson', name: 'UBND xã Bình Sơn', aliases: [] },
  { id: 'dangthuan', name: 'Đảng ủy xã Thuận', aliases: [] },
];

describe('matchUnit', () => {
  it('matches a registered name exactly and says so', () => {
    expect(matchUnit('Phòng Tài nguyên và Môi trường', units)).toEqual({ unit: units[0], score: 1, reason: 'trùng tên "Phòng Tài nguyên và Môi trường"' });
  });

  it('matches an alias, and an abbreviation however it is spaced', () => {
    expect(matchUnit('VP NTM huyện', units)).toMatchObject({ unit: { id: 'vpntm' }, score: 0.95, reason: 'khớp bí danh "Văn phòng NTM huyện"' });
    expect(matchUnit('Phòng TN & MT', units)).toMatchObject({ unit: { id: 'tnmt' }, score: 1 });
  });

  it('expands abbreviations on both sides', () => {
    expect(matchUnit('Phòng NN&PTNT', units).unit?.id).toBe('nn');
    expect(matchUnit('Phòng KT-HT', units).unit?.id).toBe('ktht');
    expect(matchUnit('Phòng LĐ-TB&XH', units).unit?.id).toBe('ldtbxh');
    expect(matchUnit('Ủy ban nhân dân xã Bình Sơn', units)).toMatchObject({ unit: { id: 'binhson' }, score: 1 });
  });

  it('ignores diacritics, case, NFD and tone placement', () => {
    expect(matchUnit('ĐẢNG UỶ XÃ THUẬN'.normalize('NFD'), units)).toMatchObject({ unit: { id: 'dangthuan' }, score: 1 });
    expect(matchUnit('van phong ntm huyen', units)).toMatchObject({ unit: { id: 'vpntm' }, score: 0.95 });
  });

  it('scores a phrase that contains a unit name lower than an exact match, and explains it', () => {
    const match = matchUnit('Đảng ủy xã Thuận và các đoàn thể', units);
    expect(match.unit?.id).toBe('dangthuan');
    expect(match.score).toBeGreaterThan(0.5);
    expect(match.score).toBeLessThan(1);
    expect(match.reason).toBe('cụm từ chứa tên "Đảng ủy xã Thuận"');
  });

  it('routes nothing when no unit is close, and says so', () => {
    expect(matchUnit('Công an huyện', units)).toMatchObject({ unit: null, reason: 'không tìm thấy đơn vị nào khớp "Công an huyện"' });
  });

  it('spells out the abbreviations of government writing however they are joined', () => {
    expect(unitKey('Phòng KH&ĐT')).toBe('phong ke hoach va dau tu');
    expect(unitKey('Phòng GD-ĐT')).toBe('phong giao duc va dao tao');
    expect(unitKey('Phòng TC-KH')).toBe('phong tai chinh ke hoach');
    expect(unitKey('Phòng VH-TT')).toBe('phong van hoa va thong tin');
    expect(unitKey('Phòng LĐ-TB&XH')).toBe('phong lao dong thuong binh va xa hoi');
    expect(unitKey('BCĐ xây dựng NTM')).toBe('ban chi dao xay dung nong thon moi');
    expect(unitKey('UBMTTQ huyện')).toBe('uy ban mat tran to quoc huyen');
  });

  it('reads CA and QS only in capitals, where they are Công an and quân sự', () => {
    expect(unitKey('CA huyện')).toBe('cong an huyen');
    expect(unitKey('Ban CHQS xã')).toBe('ban chi huy quan su xa');
    expect(unitKey('Ban chỉ huy QS huyện')).toBe('ban chi huy quan su huyen');
    expect(unitKey('cả hệ thống')).toBe('ca he thong');
  });

  it('keeps "Đông" and "chi bộ" in a name: only "đồng chí" and "liên quan" are filler', () => {
    const villages: RegisteredUnit[] = [
      { id: 'dong', name: 'Chi bộ thôn Đông', aliases: [] },
      { id: 'tay', name: 'Chi bộ thôn Tây', aliases: [] },
    ];
    expect(matchUnit('Chi bộ thôn Đông', villages)).toMatchObject({ unit: { id: 'dong' }, score: 1 });
    expect(matchUnit('Chi bộ thôn', villages).score).toBeLessThan(0.8);
  });

  it('keys keep no accents but the stored names do', () => {
    expect(unitKey('Phòng TN&MT')).toBe('phong tai nguyen va moi truong');
    expect(units[0]!.name).toBe('Phòng Tài nguyên và Môi trường');
  });
});
