import { describe, expect, it } from 'vitest';
import { vietnameseName } from '../../src/domain/person-name.js';

describe('vietnameseName', () => {
  it('puts the family name first when the given name was typed as the first name', () => {
    expect(vietnameseName('Quốc', 'Lê Phú')).toBe('Lê Phú Quốc');
    expect(vietnameseName('Hoa', 'Phạm Thị')).toBe('Phạm Thị Hoa');
    expect(vietnameseName('Hùng', 'Nguyễn')).toBe('Nguyễn Hùng');
  });

  it('keeps names typed in Vietnamese order as they are', () => {
    expect(vietnameseName('Lê Phú', 'Quốc')).toBe('Lê Phú Quốc');
    expect(vietnameseName('Nguyễn Văn An', null)).toBe('Nguyễn Văn An');
    expect(vietnameseName('Lê', 'Mai')).toBe('Lê Mai');
    expect(vietnameseName('Nguyễn', 'Hà Linh')).toBe('Nguyễn Hà Linh');
  });

  it('reads a given name that is also a family name by the middle name after the family name', () => {
    expect(vietnameseName('Mai', 'Nguyễn Thị')).toBe('Nguyễn Thị Mai');
    expect(vietnameseName('Hà', 'Trần Thu')).toBe('Trần Thu Hà');
  });

  it('leaves names that are not Vietnamese, and roles typed as names, in the order typed', () => {
    expect(vietnameseName('John', 'Smith')).toBe('John Smith');
    expect(vietnameseName('Cán bộ', 'TNMT')).toBe('Cán bộ TNMT');
    expect(vietnameseName('Thư', 'Ký')).toBe('Thư Ký');
  });

  it('matches family names whatever the case and Unicode form', () => {
    expect(vietnameseName('Quốc', 'LÊ PHÚ')).toBe('LÊ PHÚ Quốc');
    expect(vietnameseName('Quốc'.normalize('NFD'), 'Lê Phú'.normalize('NFD'))).toBe('Lê Phú Quốc');
  });
});
