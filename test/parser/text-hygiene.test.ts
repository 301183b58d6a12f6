import { describe, expect, it } from 'vitest';
import { normalizeNoticeText } from '../../src/parser/normalize-text.js';
import { foldVietnamese, unifyTonePlacement } from '../../src/domain/vietnamese-text.js';

describe('text hygiene', () => {
  it('turns NFD into NFC and puts tone marks in one place', () => {
    expect(normalizeNoticeText('Huyện uỷ và Uỷ ban hoà giải'.normalize('NFD'))).toBe('Huyện ủy và Ủy ban hòa giải');
  });

  it('leaves closed syllables and "qu" alone', () => {
    expect(unifyTonePlacement('hoàng quý khuỷu hoạch toán')).toBe('hoàng quý khuỷu hoạch toán');
  });

  it('drops markdown bold, non-breaking spaces, page numbers and web artefacts', () => {
    const raw = '**Kết luận**\u00a0của\u00a0UBND\f- 3 -\nTrang 2/4\nXem thêm\nLượt xem: 1.204\nloading....\nhết';
    expect(normalizeNoticeText(raw)).toBe('Kết luận của UBND\n\nhết');
  });
});

describe('tables and emphasis copied as text', () => {
  it('turns the tabs of a copied table row into cell bars and keeps other tabs as spaces', () => {
    expect(normalizeNoticeText('1\tRà soát hồ sơ\t\tPhòng Nội vụ\n\tThụt đầu dòng')).toBe('1 | Rà soát hồ sơ | | Phòng Nội vụ\nThụt đầu dòng');
  });

  it('drops markdown italics and links but keeps their words', () => {
    expect(normalizeNoticeText('Chủ tịch yêu cầu *xã An Phú* xem [Kế hoạch 12](https://example.vn/kh12).')).toBe('Chủ tịch yêu cầu xã An Phú xem Kế hoạch 12.');
  });
});

describe('foldVietnamese', () => {
  it('gives one key for every spelling of a word', () => {
    const spellings = ['Ủy ban', 'Uỷ ban', 'ỦY BAN', 'Uy ban', 'Ủy ban'.normalize('NFD')];
    expect(new Set(spellings.map(foldVietnamese))).toEqual(new Set(['uy ban']));
    expect(foldVietnamese('Đảng ủy xã Đông Sơn')).toBe('dang uy xa dong son');
  });
});
