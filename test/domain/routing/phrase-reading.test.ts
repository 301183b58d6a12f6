import { describe, expect, it } from 'vitest';
import { readPhrase } from '../../../src/domain/routing/phrase-reading.js';

describe('readPhrase', () => {
  it.each([
    ['UBND các xã, thị trấn', ['commune'], true],
    ['các xã', ['commune'], true],
    ['các phường', ['commune'], true],
    ['Các xã, thị trấn trên địa bàn huyện', ['commune'], true],
    ['các phòng, ban, ngành cấp huyện', ['department'], false],
    ['các phòng, ban, ngành (cấp huyện)', ['department'], false],
    ['Các ban, phòng, ngành cấp huyện', ['department'], false],
    ['các sở, ban, ngành', ['department'], null],
    ['các đoàn thể', ['mass-org'], null],
    ['MTTQ và các đoàn thể', ['mass-org'], null],
    ['các đoàn thể xã', ['mass-org'], true],
    ['các trường', ['school'], null],
    ['Các trường học trên địa bàn xã', ['school'], true],
    ['các ban, phòng, ngành, MTTQ, đoàn thể cấp huyện', ['department', 'mass-org'], false],
  ])('reads "%s" as a collective of %j (commune level: %s)', (phrase, kinds, communeLevel) => {
    expect(readPhrase(phrase)).toMatchObject({ type: 'collective', kinds, qualified: false, communeLevel, districts: false });
  });

  it.each([
    ['UBND các xã, thị trấn', 'government'],
    ['Các đảng ủy xã, thị trấn', 'party'],
    ['Các đảng bộ xã, thị trấn', 'party'],
    ['các xã', null],
  ])('reads in "%s" which organ of each commune is meant (%s)', (phrase, organ) => {
    expect(readPhrase(phrase)).toMatchObject({ type: 'collective', kinds: ['commune'], organ, qualified: false });
  });

  it.each([
    ['UBND các huyện, thị xã, thành phố', 'government'],
    ['các huyện ủy, thị ủy, thành ủy', 'party'],
    ['các huyện, thị xã', null],
  ])('reads "%s" as the districts of a province (organ %s)', (phrase, organ) => {
    expect(readPhrase(phrase)).toMatchObject({ type: 'collective', kinds: [], districts: true, organ, qualified: false });
  });

  it.each([
    ['Các chi bộ thôn', 'chi bộ thôn'],
    ['các Tiểu ban', 'Tiểu ban'],
    ['Trưởng các thôn', 'thôn'],
  ])('reads "%s" as every unit named after "%s"', (phrase, head) => {
    expect(readPhrase(phrase)).toEqual({ type: 'group', head });
  });

  it.each(['các đồng chí thành viên Ban chỉ đạo xây dựng NTM huyện', 'các thành viên Ban chỉ đạo', 'Các cán bộ'])('reads "%s" as people, not a unit', (phrase) => {
    expect(readPhrase(phrase)).toEqual({ type: 'people' });
  });

  it.each(['huyện Bắc Mỹ', 'thị xã An Sơn', 'Thành phố Hà Nguyên'])('reads "%s" alone as the place, whose government acts', (phrase) => {
    expect(readPhrase(phrase)).toEqual({ type: 'place', localities: [phrase], commune: false });
  });

  it.each(['các xã có dự án đi qua', 'các xã chưa đạt chuẩn nông thôn mới', 'các đơn vị liên quan', 'các địa phương có liên quan', 'các cơ quan, đơn vị', 'địa phương liên quan', 'UBND các xã có đường dây 500kV đi qua'])(
    'reads "%s" as a collective with a condition, which only the secretary can apply',
    (phrase) => {
      expect(readPhrase(phrase)).toMatchObject({ type: 'collective', qualified: true });
    },
  );

  it.each([
    ['đồng chí Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện', 'Lê Phú Quốc'],
    ['đồng chí Nguyễn Văn An, Chủ tịch UBND xã', 'Nguyễn Văn An'],
    ['Đồng chí Trần Thị Bình', 'Trần Thị Bình'],
    ['đ/c Lê Văn Cường (Phó Chủ tịch)', 'Lê Văn Cường'],
  ])('reads "%s" as the person %s', (phrase, name) => {
    expect(readPhrase(phrase)).toEqual({ type: 'person', name });
  });

  it('reads a name the parser listed among the directive\'s persons as that person', () => {
    expect(readPhrase('Lê Phú Quốc', ['Lê Phú Quốc'])).toEqual({ type: 'person', name: 'Lê Phú Quốc' });
  });

  it.each(['đồng chí Phó Chủ tịch UBND huyện', 'đồng chí Trưởng Ban chỉ đạo', 'đồng chí Bí thư Huyện ủy'])('does not take the post in "%s" for a person\'s name', (phrase) => {
    expect(readPhrase(phrase).type).not.toBe('person');
  });

  it.each([
    ['Đảng ủy xã Bình Sơn', ['xã Bình Sơn']],
    ['UBND xã Bình Sơn', ['xã Bình Sơn']],
    ['Ban chỉ đạo NTM xã Bình Sơn', ['xã Bình Sơn']],
    ['lãnh đạo xã Bình Sơn', ['xã Bình Sơn']],
    ['Chủ tịch UBND xã Bình Sơn', ['xã Bình Sơn']],
    ['Các đồng chí lãnh đạo xã Bình Sơn', ['xã Bình Sơn']],
    ['Các đồng chí Bí thư, Phó Bí thư, Chủ tịch UBND xã và Ban chấp hành Đảng bộ xã Bình Sơn', ['xã Bình Sơn']],
    ['Đảng ủy phường Tân Định', ['phường Tân Định']],
  ])('reads "%s" as an organ of %j', (phrase, localities) => {
    expect(readPhrase(phrase)).toEqual({ type: 'place', localities, commune: true });
  });

  it.each(['xã', 'Xã', 'của xã', 'UBND xã', 'Ban chỉ đạo xây dựng NTM của xã'])('reads "%s" as the commune the notice is about', (phrase) => {
    expect(readPhrase(phrase)).toEqual({ type: 'place', localities: [], commune: true });
  });

  it.each(['địa phương', 'chính quyền địa phương', 'cấp ủy, chính quyền địa phương'])('reads "%s" as the place the notice is about, at whatever level', (phrase) => {
    expect(readPhrase(phrase)).toEqual({ type: 'place', localities: [], commune: false });
  });

  it.each(['UBND huyện', 'Huyện ủy', 'Ban chỉ đạo NTM huyện', 'Phòng TN&MT', 'Trạm Y tế xã Bình Sơn', 'Hội Nông dân xã Bình Sơn', 'Văn phòng Huyện ủy', 'Công an xã Phú Cường', 'Văn phòng HĐND và UBND xã'])(
    'reads "%s" as one unit to find by its name',
    (phrase) => {
      expect(readPhrase(phrase)).toEqual({ type: 'unit' });
    },
  );
});
