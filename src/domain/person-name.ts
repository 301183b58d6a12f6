/**
 * People's names in the order Vietnamese readers expect: family name, middle names, given
 * name ("Lê Phú Quốc"). Telegram asks for a first and a last name the Western way, and many
 * Vietnamese users type their given name as the first name ("Quốc" + "Lê Phú"), so joining the
 * two as typed gives "Quốc Lê Phú".
 */

/** Common Vietnamese family names (họ), lower case NFC. */
const FAMILY_NAMES = new Set(
  [
    'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh', 'trịnh',
    'lương', 'đào', 'mai', 'cao', 'lâm', 'tạ', 'hà', 'đoàn', 'trương', 'vương', 'tô', 'chu', 'châu', 'quách', 'thái', 'đàm', 'kiều', 'lưu',
    'tăng', 'triệu', 'nông', 'lò', 'hứa', 'doãn', 'phùng', 'mạc', 'khúc', 'lại', 'thân', 'nghiêm', 'tôn', 'đồng', 'giang', 'tống', 'lã',
    'đậu', 'khổng', 'ninh', 'cù', 'diệp', 'văn', 'hầu', 'quan', 'âu', 'từ', 'vi', 'la', 'lục', 'đới', 'viên', 'ông', 'khương', 'kha',
  ].map((name) => name.normalize('NFC')),
);

/**
 * Middle names that follow a family name. Many family names are also given names (Mai, Hà,
 * Lâm), so when both parts start with one, a middle name after it tells which part holds the
 * family name ("Mai" + "Nguyễn Thị" is Nguyễn Thị Mai; "Nguyễn" + "Hà Linh" stays as typed).
 */
const MIDDLE_NAMES = new Set(
  ['thị', 'văn', 'hữu', 'đức', 'đình', 'công', 'quang', 'minh', 'thu', 'ngọc', 'xuân', 'thanh', 'bá', 'trọng', 'duy', 'phú', 'quốc', 'tiến', 'mạnh', 'huy', 'hồng', 'kim', 'anh', 'thế', 'trung'].map((name) =>
    name.normalize('NFC'),
  ),
);

const wordsOf = (text: string) => text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
const isFamilyName = (word: string | undefined) => word !== undefined && FAMILY_NAMES.has(word.toLocaleLowerCase('vi'));

/**
 * A person's full name from a platform's first and last names: `"Quốc", "Lê Phú"` →
 * `"Lê Phú Quốc"`. The parts are swapped when the last name starts with a family name and the
 * first name does not (or does, but the last name goes on with a middle name and the first
 * name is one word); otherwise they are joined as typed, which is also right for names that
 * are not Vietnamese.
 */
export function vietnameseName(first: string, last?: string | null): string {
  const given = wordsOf(first);
  const family = wordsOf(last ?? '');
  if (given.length === 0 || family.length === 0) return [...given, ...family].join(' ');
  const lastLeads = isFamilyName(family[0]) && (!isFamilyName(given[0]) || (given.length === 1 && family.length > 1 && MIDDLE_NAMES.has(family[1]!.toLocaleLowerCase('vi'))));
  return (lastLeads ? [...family, ...given] : [...given, ...family]).join(' ');
}
