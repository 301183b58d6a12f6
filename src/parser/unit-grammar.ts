/**
 * The grammar of unit phrases. A Vietnamese unit name is a head (`Phòng`, `Sở`, `UBND`, `Ban chỉ
 * đạo`, `Công an` …), then its name (capitalised words, abbreviations such as `TN&MT`, joiners
 * inside the name: `Tài nguyên và Môi trường`, `Kinh tế - Hạ tầng`, and the few lower-case
 * words standard names use: `Giao thông vận tải`, `xây dựng nông thôn mới`), then an optional
 * level or locality (`huyện`, `cấp huyện`, `xã Bình Sơn`, `các xã, thị trấn`). The phrase ends
 * where the name ends, whatever word follows, so no list of verbs is needed to stop it.
 *
 * The scanner reads tokens lazily from the start position and never backtracks further than a
 * run of tentative name words, so one scan is linear in the length of the phrase it reads.
 */

/** A unit phrase found by the grammar. */
export interface UnitSpan {
  /** The phrase as written, spaces collapsed, `của` before a level dropped (`… NTM của xã` → `… NTM xã`). */
  text: string;
  start: number;
  end: number;
  /** `person` for a named person (`đồng chí Lê Phú Quốc - HUV, …`), `collective` for `các xã, thị trấn` and its kin. */
  kind: 'unit' | 'collective' | 'person' | 'locality';
  /** For a person: the person's name (`Lê Phú Quốc`). */
  name?: string;
}

/** A list of unit phrases and what follows it. */
export interface UnitListScan {
  units: UnitSpan[];
  /** Offset just after the last unit. */
  end: number;
  /** The lower-case word right after the list (its verb), or null when punctuation or nothing follows. */
  next: string | null;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
  /** Starts with a capital letter (or a digit: `Ban chỉ đạo 389`, `phường 5`). */
  cap: boolean;
}

/** Hard bound of one scan, so that a long paragraph without punctuation costs no more than this. */
const MAX_SCAN = 320;
/** Spacing other than one space between two tokens, which `source` collapses. */
const spaceRun = /[\t\u00a0]| {2}/u;
const tokenPattern = /[ \t\u00a0]*(?:(\n)|([\p{L}\p{N}]+(?:[&\-–][\p{L}\p{N}]+)*)|(\S))/uy;

/** Tokens read on demand from one start position; a newline ends them. */
class Tokens {
  private readonly list: Token[] = [];
  private pos: number;
  private done = false;
  private readonly limit: number;

  constructor(readonly text: string, start: number) {
    this.pos = start;
    this.limit = Math.min(text.length, start + MAX_SCAN);
  }

  at(i: number): Token | undefined {
    while (this.list.length <= i && !this.done) this.read();
    return this.list[i];
  }

  private read(): void {
    if (this.pos >= this.limit) {
      this.done = true;
      return;
    }
    tokenPattern.lastIndex = this.pos;
    const m = tokenPattern.exec(this.text);
    if (!m || m[1]) {
      this.done = true;
      return;
    }
    const text = m[2] ?? m[3]!;
    const end = m.index + m[0].length;
    this.pos = end;
    const word = m[2] !== undefined;
    const lower = text.toLowerCase();
    // A capital or a digit: the first character changes under lower-casing, or is 0-9.
    const cap = word && (lower.charCodeAt(0) !== text.charCodeAt(0) || (text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57));
    this.list.push({ text, lower: word ? normaliseUy(lower) : text, start: end - text.length, end, word, cap });
  }
}

type HeadKind = 'named' | 'standalone' | 'topic' | 'title' | 'person' | 'level';

/**
 * Heads, lower case, longest first within a first word. `named` heads need a name or a level
 * after them (`Phòng` alone is `phòng, chống`, `Hội` alone is `Hội nghị`); `standalone` ones are
 * units by themselves (`Công an`, `UBND`); `topic` ones may take a lower-case subject
 * (`Ban chỉ đạo xây dựng nông thôn mới`); `title` ones are offices held by people.
 */
const HEADS: Record<Exclude<HeadKind, 'level'>, string[]> = {
  named: [
    'phòng', 'sở', 'ban', 'văn phòng', 'trung tâm', 'chi cục', 'cục', 'hội', 'liên đoàn', 'trường', 'bệnh viện', 'đài', 'hạt', 'trạm',
    'đội', 'chi nhánh', 'công ty', 'viện', 'hợp tác xã', 'htx', 'bộ phận', 'tổ', 'ngân hàng', 'tòa án', 'khu', 'tiểu ban', 'đoàn', 'công chức',
    'ủy ban', 'ban quản lý', 'ban qlda', 'chi hội', 'nhà văn hóa', 'phân hiệu', 'đồn', 'bưu điện',
  ],
  standalone: [
    'ubnd', 'ủy ban nhân dân', 'hđnd', 'hội đồng nhân dân', 'công an', 'thanh tra', 'mttq', 'ubmttq', 'ủy ban mttq', 'mặt trận tổ quốc việt nam',
    'mặt trận tổ quốc', 'mặt trận', 'ủy ban mặt trận tổ quốc việt nam', 'ủy ban mặt trận tổ quốc', 'đảng ủy', 'huyện ủy', 'tỉnh ủy', 'thành ủy',
    'thị ủy', 'đảng bộ', 'đảng đoàn', 'chi bộ', 'huyện đoàn', 'tỉnh đoàn', 'thành đoàn', 'đoàn thanh niên', 'ban chỉ huy quân sự', 'bộ chỉ huy quân sự',
    'ban chấp hành', 'bch', 'ban thường vụ', 'btv', 'thường trực', 'ban thường trực', 'bảo hiểm xã hội', 'bhxh', 'kho bạc nhà nước', 'kho bạc',
    'kbnn', 'chi cục thuế', 'điện lực', 'hạt kiểm lâm', 'ủy ban kiểm tra', 'ubkt', 'cấp ủy', 'chính quyền', 'ban cán sự đảng', 'ban tổ chức',
    'ban tuyên giáo', 'ban dân vận', 'ban nội chính', 'liên đoàn lao động', 'hội nông dân', 'hội phụ nữ', 'hội liên hiệp phụ nữ',
    'hội cựu chiến binh', 'hội chữ thập đỏ', 'viện kiểm sát nhân dân', 'viện kiểm sát', 'tòa án nhân dân', 'ngân hàng chính sách xã hội',
    'ban chỉ huy', 'bộ chỉ huy', 'quân sự', 'ban pháp chế', 'ban kinh tế - xã hội', 'ban văn hóa - xã hội',
    'ban tiếp công dân', 'bộ phận một cửa',
  ],
  topic: [
    'ban chỉ đạo', 'bcđ', 'ban quản lý', 'hội đồng', 'tổ công tác', 'đoàn công tác', 'đoàn kiểm tra', 'đoàn giám sát', 'tổ giúp việc',
    'tổ kiểm tra', 'văn phòng điều phối', 'ban an toàn giao thông', 'tiểu ban', 'ban điều hành', 'ban vận động', 'ban quản lý dự án',
  ],
  title: [
    'chủ tịch', 'phó chủ tịch', 'bí thư', 'phó bí thư', 'giám đốc', 'phó giám đốc', 'thủ trưởng', 'lãnh đạo', 'trưởng', 'phó trưởng',
    'chánh văn phòng', 'phó chánh văn phòng', 'chánh thanh tra',
    'chỉ huy trưởng', 'hiệu trưởng', 'ủy viên', 'thành viên', 'pct', 'pbt', 'huv', 'tuv', 'uvbtv', 'ubtv', 'chủ nhiệm', 'người đứng đầu',
    'trưởng thôn', 'cán bộ', 'thường trực', 'phó', 'tổng giám đốc', 'chi hội trưởng', 'tổ trưởng',
  ],
  person: ['đồng chí', 'các đồng chí', 'đ/c', 'ông', 'bà'],
};

/** Levels and localities: `huyện`, `xã Bình Sơn`, `thị trấn`. */
const LEVELS = ['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'thành phố', 'tp', 'tỉnh', 'thôn', 'bản', 'khu phố', 'tổ dân phố', 'đặc khu', 'khối phố'];

/** What a collective lists: `các ban, phòng, ngành, MTTQ, đoàn thể cấp huyện`. */
const KINDS = [
  'ban', 'phòng', 'ngành', 'sở', 'đơn vị', 'cơ quan', 'địa phương', 'xã', 'thị trấn', 'phường', 'huyện', 'thị xã', 'thành phố', 'quận',
  'mttq', 'mặt trận', 'mặt trận tổ quốc', 'đoàn thể', 'hội', 'hội đoàn thể', 'tổ chức', 'tổ chức chính trị - xã hội', 'tổ chức đảng',
  'tổ chức cơ sở đảng', 'trường', 'trường học', 'chi bộ', 'đảng bộ', 'đảng bộ cơ sở', 'chi', 'thôn', 'bản', 'khu phố', 'tổ dân phố',
  'doanh nghiệp', 'hợp tác xã', 'thành viên', 'chủ đầu tư', 'nhà trường', 'cấp ủy', 'trạm', 'trung tâm', 'tổ', 'hộ', 'hộ gia đình',
  'lực lượng', 'cơ sở', 'ủy ban', 'ubnd', 'chi hội', 'cơ sở giáo dục', 'ban quản lý', 'ban chỉ đạo', 'phòng ban', 'ban ngành', 'sở ngành',
  'đơn vị sự nghiệp', 'cơ quan chuyên môn', 'bệnh viện', 'tổ công tác', 'cấp', 'ngành chức năng', 'lực lượng chức năng', 'đoàn',
  'cơ quan, đơn vị', 'tập thể', 'khu dân cư', 'chi đoàn', 'trạm y tế', 'đảng ủy', 'ủy ban nhân dân', 'hđnd', 'hội đồng nhân dân',
  'ban chỉ huy quân sự', 'công an', 'ủy ban mttq',
];

/**
 * Words of unit names, lower case, as they start with a capital in a name (`Nội vụ`, `Tài nguyên`,
 * `Giao thông vận tải`): a capitalised syllable takes the rest of its word from here.
 */
const NAME_WORDS = [
  'nội vụ', 'tư pháp', 'tài chính', 'kế hoạch', 'tài nguyên', 'môi trường', 'kinh tế', 'hạ tầng', 'giáo dục', 'đào tạo', 'lao động',
  'thương binh', 'xã hội', 'nông nghiệp', 'phát triển nông thôn', 'phát triển quỹ đất', 'phát triển', 'xây dựng', 'giao thông vận tải',
  'giao thông', 'vận tải', 'tuyên giáo', 'dân vận', 'tổ chức', 'nội chính', 'liên hiệp', 'phụ nữ', 'nông dân', 'cựu chiến binh',
  'chữ thập đỏ', 'thanh niên', 'thuế', 'khí tượng thủy văn', 'khí tượng', 'quản lý đô thị', 'quản lý thị trường', 'quản lý', 'kiểm lâm',
  'điều phối', 'truyền thanh', 'truyền hình', 'phát thanh', 'hành chính công', 'hành chính', 'nhà nước', 'ngân sách', 'thi hành án',
  'dân sự', 'kiểm sát', 'chính sách xã hội', 'chính sách', 'bảo hiểm', 'điện lực', 'cấp nước', 'quân sự', 'biên phòng', 'phòng cháy',
  'chữa cháy', 'cứu nạn', 'cứu hộ', 'thống kê', 'thú y', 'bảo vệ thực vật', 'trồng trọt', 'chăn nuôi', 'đăng ký đất đai', 'mầm non',
  'tiểu học', 'trung học cơ sở', 'trung học phổ thông', 'dân tộc nội trú', 'dân tộc', 'tôn giáo', 'đa khoa', 'y tế', 'dân số',
  'kiểm soát bệnh tật', 'văn hóa', 'thể thao', 'du lịch', 'thông tin', 'truyền thông', 'khoa học', 'công nghệ', 'công thương', 'ngoại vụ',
  'thanh tra', 'văn phòng', 'thủy lợi', 'thủy sản', 'lâm nghiệp', 'quy hoạch', 'kiến trúc', 'đô thị', 'an ninh', 'trật tự', 'hậu cần',
  'tham mưu', 'chính trị', 'cảnh sát', 'hình sự', 'ma túy', 'pháp chế', 'dịch vụ công ích', 'dịch vụ', 'công ích', 'nước sạch',
  'người cao tuổi', 'khuyến học', 'luật gia', 'doanh nghiệp', 'hợp tác xã', 'việc làm', 'bảo trợ xã hội', 'giáo dục nghề nghiệp',
  'giáo dục thường xuyên', 'hướng nghiệp', 'hải quan', 'phục vụ', 'văn kiện', 'đại hội', 'bộ đội', 'trật tự đô thị', 'nhân dân', 'tổ quốc', 'địa chính', 'tài nguyên và môi trường', 'kho bạc', 'ngân hàng',
  'đất đai', 'quỹ đất', 'liên minh', 'hợp tác', 'đầu tư', 'kế toán', 'tiếp dân', 'tiếp công dân', 'một cửa', 'bưu điện', 'viễn thông',
];

/** Lower-case words that go on after a capitalised name (`Giao thông vận tải`, `Khí tượng thủy văn`, `Thuế khu vực`). Nouns only, never verbs. */
const NAME_TAIL = [
  'vận tải', 'thủy văn', 'xã hội', 'nông thôn', 'nông thôn mới', 'quỹ đất', 'khu vực', 'nhà nước', 'đô thị', 'truyền thông', 'thể thao',
  'du lịch', 'môi trường', 'hạ tầng', 'đào tạo', 'thương binh', 'dân tộc', 'tôn giáo', 'cứu nạn', 'cứu hộ', 'khoa học', 'công nghệ',
  'y tế', 'dân số', 'phụ nữ', 'nông dân', 'cựu chiến binh', 'thanh niên', 'người cao tuổi', 'chữ thập đỏ', 'quân sự', 'kiểm lâm', 'đất đai',
  'công ích', 'nhân dân', 'dân dụng', 'công nghiệp', 'thủy lợi', 'thủy sản', 'lâm nghiệp', 'chính sách', 'thị trường', 'giáo dục',
  'nghề nghiệp', 'phổ thông', 'trung học', 'tiểu học', 'mầm non', 'cơ sở', 'đa khoa', 'dân quân', 'biên phòng', 'chính sách xã hội',
  'hành chính công', 'hành chính', 'trật tự', 'trật tự đô thị', 'hải quan',
];

/**
 * First syllables of common verbs and function words: an unknown capitalised syllable (`Phòng Dân
 * tộc`) takes the next lower-case syllable as the rest of its word unless it is one of these.
 */
const NOT_A_SYLLABLE_OF_A_NAME = new Set([
  'và', 'của', 'các', 'có', 'cần', 'phải', 'được', 'đã', 'sẽ', 'đang', 'là', 'với', 'cho', 'về', 'tại', 'trong', 'theo', 'để', 'khi',
  'thì', 'mà', 'nhưng', 'cũng', 'vẫn', 'chưa', 'không', 'lập', 'gửi', 'nộp', 'cử', 'làm', 'mở', 'nâng', 'giao', 'lấy', 'đưa', 'ra',
  'chủ', 'phối', 'tham', 'thực', 'triển', 'rà', 'kiểm', 'báo', 'hoàn', 'tổ', 'xây', 'chỉ', 'tiếp', 'tăng', 'đẩy', 'khẩn', 'tập', 'quan',
  'hướng', 'tổng', 'xử', 'giải', 'đề', 'bố', 'đảm', 'bảo', 'duy', 'nắm', 'sớm', 'kịp', 'thường', 'chịu', 'phân', 'huy', 'vận', 'tuyên',
  'đôn', 'bám', 'nghiên', 'cung', 'thẩm', 'cập', 'xác', 'thành', 'khắc', 'đánh', 'phê', 'tích', 'ưu', 'bổ', 'điều', 'lựa', 'căn',
  'thu', 'sửa', 'liên', 'soạn', 'dự', 'quyết', 'chi', 'rút', 'nghiêm', 'cân', 'sắp', 'tháo', 'đối', 'trình', 'ban', 'tạo', 'hỗ', 'xem',
  'thông', 'nâng', 'phát', 'đấu', 'ra', 'đi', 'về', 'cùng', 'hoặc', 'ngay', 'trước', 'sau', 'từ', 'đến', 'vào', 'nhằm', 'như', 'tiến',
]);

/** Lower-case words of a steering committee's or project board's subject (`Ban chỉ đạo phòng, chống thiên tai`, `Ban Quản lý dự án đầu tư xây dựng`). */
const TOPIC_WORDS = new Set([
  'xây dựng', 'nông thôn', 'mới', 'nông thôn mới', 'phòng', 'chống', 'phòng chống', 'thiên tai', 'tìm kiếm', 'cứu nạn', 'cứu hộ', 'dịch', 'bệnh',
  'giảm nghèo', 'bền vững', 'chuyển đổi số', 'chuyển đổi', 'số', 'an toàn', 'giao thông', 'vệ sinh', 'thực phẩm', 'chương trình', 'mục tiêu',
  'quốc gia', 'đầu tư', 'dự án', 'công trình', 'dân dụng', 'công nghiệp', 'nông nghiệp', 'thủy lợi', 'khu vực', 'quản lý', 'giải phóng',
  'mặt bằng', 'bồi thường', 'hỗ trợ', 'tái định cư', 'thi đua', 'khen thưởng', 'tuyển sinh', 'tuyển dụng', 'kỷ luật', 'bầu cử', 'dân số',
  'tổng điều tra', 'cải cách', 'hành chính', 'phát triển', 'du lịch', 'văn hóa', 'liên ngành', 'kinh tế', 'xã hội', 'đô thị', 'văn minh',
  'môi trường', 'trật tự', 'an ninh', 'quốc phòng', 'phòng cháy', 'chữa cháy', 'ma túy', 'tội phạm', 'buôn lậu', 'gian lận', 'thương mại',
  'hàng giả', 'lao động', 'việc làm', 'các', 'và', 'nghĩa vụ', 'quân sự', 'tuyển quân', 'gọi công dân nhập ngũ', 'đất đai', 'rừng',
  'bảo vệ', 'phát triển rừng', 'sáp nhập', 'sắp xếp', 'đơn vị hành chính', 'quy hoạch', 'thực hiện', 'quy chế dân chủ', 'cơ sở', 'điều phối',
]);

const SEPARATORS = new Set([',', 'và', ';']);

/** Heads indexed by their first word, longest first. */
const headIndex = (() => {
  const index = new Map<string, { words: string[]; kind: HeadKind }[]>();
  const add = (phrase: string, kind: HeadKind) => {
    const words = phrase.split(' ');
    const list = index.get(words[0]!) ?? [];
    list.push({ words, kind });
    index.set(words[0]!, list);
  };
  for (const [kind, phrases] of Object.entries(HEADS) as [HeadKind, string[]][]) for (const phrase of phrases) add(phrase, kind);
  for (const level of LEVELS) add(level, 'level');
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

const kindIndex = phraseIndex(KINDS);
const tailIndex = phraseIndex(NAME_TAIL);
const nameIndex = phraseIndex(NAME_WORDS);
const topicIndex = phraseIndex([...TOPIC_WORDS]);
const levelIndex = phraseIndex(LEVELS);

function phraseIndex(phrases: string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const phrase of phrases) {
    // `phòng, chống` and `chính trị - xã hội` are written with their punctuation as separate tokens.
    const words = phrase.replace(/([,])/gu, ' $1').split(' ');
    const list = index.get(words[0]!) ?? [];
    list.push(words);
    index.set(words[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

/** Qualifiers of a collective (`các xã có dự án đi qua`, `các phòng, ban phụ trách tiêu chí`) run at most this many words. */
const QUALIFIER_WORDS = 5;
const qualifierCue = new Set(['có', 'chưa', 'đã', 'được', 'không', 'thuộc', 'trực thuộc', 'nằm', 'ven', 'vùng', 'liên quan', 'phụ trách', 'đạt', 'trong', 'trên']);
/** Verbs that end a qualifier: a qualifier is free text, so only here does a word list decide. */
const qualifierStop = /^(?:báo cáo|thực hiện|triển khai|rà soát|kiểm tra|hoàn thành|hoàn thiện|tổ chức|xây dựng|chủ trì|phối hợp|tham mưu|chỉ đạo|tập trung|khẩn trương|tiếp tục|chủ động|tăng cường|đẩy mạnh|cần|phải|lập|gửi|nộp|xử lý|giải quyết|đề xuất|tuyên truyền|vận động|theo dõi|đôn đốc|cung cấp|bố trí|hướng dẫn|quán triệt|thường xuyên|khắc phục|nghiêm túc|quyết liệt|sớm|kịp thời|ngay)$/u;

/** The grammar over one token stream. Each method takes a token index and returns the index after what it read, or -1. */
class Grammar {
  constructor(private readonly t: Tokens) {}

  word(i: number): string | null {
    const token = this.t.at(i);
    return token?.word ? token.lower : null;
  }

  /** Whether the tokens from `i` spell `words`. */
  spells(i: number, words: string[]): boolean {
    for (let k = 0; k < words.length; k += 1) if (this.t.at(i + k)?.lower !== words[k]) return false;
    return true;
  }

  /** Matches one of `index`'s phrases at `i`, returning the index after it, or -1. */
  phraseAt(i: number, index: Map<string, string[][]>): number {
    const first = this.t.at(i);
    const candidates = first && index.get(first.lower);
    if (!candidates) return -1;
    for (const words of candidates) if (this.spells(i, words)) return i + words.length;
    return -1;
  }

  /** The head starting at token `i`, remembered because names and localities ask about the same token several times. */
  head(i: number): { end: number; kind: HeadKind } | null {
    const known = this.heads[i];
    if (known !== undefined) return known;
    return (this.heads[i] = this.readHead(i));
  }

  private readonly heads: ({ end: number; kind: HeadKind } | null)[] = [];

  private readHead(i: number): { end: number; kind: HeadKind } | null {
    const first = this.t.at(i);
    const candidates = first?.word ? headIndex.get(first.lower) : undefined;
    if (!candidates) return null;
    for (const { words, kind } of candidates) {
      if (!this.spells(i, words)) continue;
      // `xã hội` is not a locality; `Ban hành`, `Phòng, chống` are turned away by needing a name.
      if (kind === 'level' && words[0] === 'xã' && this.word(i + 1) === 'hội') continue;
      return { end: i + words.length, kind };
    }
    return null;
  }

  /** A list of units joined by `,`, `và` (and `;` when `semicolons`). */
  list(i: number, semicolons: boolean): { spans: [number, number, UnitSpan['kind'], string?][]; end: number } | null {
    const first = this.unit(i, true);
    if (!first) return null;
    const spans = [first];
    let end = first[1];
    for (;;) {
      let j = end;
      const sep = this.t.at(j);
      if (!sep || !SEPARATORS.has(sep.lower) || (sep.lower === ';' && !semicolons)) break;
      j += 1;
      if (sep.lower === ',' && this.word(j) === 'và') j += 1;
      const next = this.unit(j, false);
      if (!next) break;
      spans.push(next);
      end = next[1];
    }
    return { spans, end };
  }

  /** One unit: a person, a title with its unit, a collective, a unit or a locality. Returns [startIndex, endIndex, kind, personName]. */
  unit(i: number, first: boolean): [number, number, UnitSpan['kind'], string?] | null {
    const token = this.t.at(i);
    if (!token?.word) return null;
    const head = this.head(i);
    if (!head || head.kind !== 'person') {
      if (token.lower === 'các' || token.lower === 'toàn') {
        const end = this.collective(i + (this.word(i + 1) === 'thể' ? 2 : 1));
        return end > 0 ? [i, end, 'collective'] : null;
      }
    }
    if (token.lower === 'địa' && this.word(i + 1) === 'phương' && first && !this.t.at(i + 2)?.cap) {
      // `Địa phương chủ động …` as a subject: the notice's own locality, resolved by the caller.
      return [i, i + 2, 'locality'];
    }
    if (!head) return null;
    if (head.kind === 'person') return this.person(i, head.end);
    if (head.kind === 'title') {
      const end = this.afterTitle(head.end);
      return end > 0 ? [i, end, 'unit'] : null;
    }
    if (head.kind === 'level') {
      // A place as a unit: `xã Bình Sơn`, or a bare `Xã` / `xã` meaning the notice's commune.
      const end = this.placeName(head.end);
      if (end > head.end) return [i, end, 'locality'];
      const after = this.t.at(head.end);
      return first && (!after || !after.cap) ? [i, head.end, 'locality'] : null;
    }
    const end = this.organ(i, head.end, head.kind);
    return end > 0 ? [i, end, 'unit'] : null;
  }

  /** The rest of a unit after its head (tokens `from`…`i`): name, then level or locality. -1 when a named head has neither. */
  organ(from: number, i: number, kind: HeadKind): number {
    let capInHead = false;
    for (let k = from + 1; k < i; k += 1) capInHead ||= !!this.t.at(k)?.cap;
    const named = this.name(i, kind, capInHead);
    const end = this.locality(named);
    if (end === i && kind === 'named') return -1;
    return end;
  }

  /**
   * Name words after a head; returns the index after the last one committed. `capInHead`: the
   * head was written capitalised past its first word (`Kho bạc Nhà nước`, `Chi cục Thuế`), so the
   * name may go on with tails (`khu vực VII`).
   */
  name(i: number, kind: HeadKind, capInHead: boolean): number {
    let committed = i;
    let j = i;
    let sawCap = false;
    // `Văn phòng HĐND và UBND huyện`, `Văn phòng Thường trực Ban Chỉ đạo 389`: organs named inside a name.
    let embedded = false;
    // `Phòng Kinh tế, Hạ tầng và Đô thị`: a comma inside a name, confirmed by the `và` that closes the series.
    let pendingComma = false;
    for (let guard = 0; guard < 40; guard += 1) {
      const token = this.t.at(j);
      if (!token) break;
      if (token.word && token.cap && !this.isLevelAt(j)) {
        const head = this.head(j);
        const embeds = head?.kind === 'standalone' || (embedded && head?.kind === 'topic');
        if (head && !embeds && head.kind !== 'title') break;
        j = embeds ? head!.end : this.capitalisedWord(j);
        embedded = head?.kind === 'standalone';
        if (!pendingComma) committed = j;
        sawCap = true;
        continue;
      }
      if (token.text === '-' || token.text === '–' || token.lower === 'và' || token.text === '&') {
        const after = this.t.at(j + 1);
        const afterHead = after ? this.head(j + 1) : null;
        // `Tài nguyên và Môi trường` joins, `Phòng Y tế và UBND xã` lists two units; `HĐND - UBND`, `HĐND và UBND` inside a name join.
        const joins = after?.word && after.cap && !this.isLevelAt(j + 1) && (!afterHead || (afterHead.kind === 'standalone' && (token.lower !== 'và' || embedded)));
        if (joins && (committed > i || sawCap || capInHead)) {
          if (token.lower === 'và') pendingComma = false;
          j += 1;
          continue;
        }
        // `phòng, chống thiên tai và tìm kiếm cứu nạn`: a lower-case `và` may go on in a subject.
        if (token.lower !== 'và' || sawCap || capInHead) break;
      }
      if (token.text === ',' && (sawCap || capInHead) && !pendingComma && kind !== 'topic') {
        const after = this.t.at(j + 1);
        if (after?.word && after.cap && !this.isLevelAt(j + 1) && !this.head(j + 1)) {
          pendingComma = true;
          j += 1;
          continue;
        }
      }
      if (!token.word) break;
      if ((sawCap || capInHead) && committed === j) {
        const tail = this.phraseAt(j, tailIndex);
        if (tail > 0) {
          j = tail;
          committed = j;
          continue;
        }
      }
      if ((kind === 'topic' || kind === 'named') && (!sawCap || committed < j) && !pendingComma) {
        // Tentative subject words, committed only when a capitalised word, an abbreviation or a level follows.
        const topic = Math.max(this.phraseAt(j, topicIndex), this.phraseAt(j, nameIndex));
        if (topic > 0 && topic - committed <= 12) {
          j = topic;
          if (this.t.at(j)?.text === ',' && this.word(j + 1) === 'chống') j += 1;
          const next = this.t.at(j);
          if (next && (this.isLevelAt(j) || this.word(j) === 'của' || (next.word && next.cap))) committed = j;
          continue;
        }
      }
      break;
    }
    return committed;
  }

  /** A capitalised word: a known name word (`Tài nguyên`, `Giao thông vận tải`), an abbreviation, or a syllable and the one after it. */
  capitalisedWord(j: number): number {
    const known = this.phraseAt(j, nameIndex);
    if (known > 0) return known;
    const token = this.t.at(j)!;
    let end = j + 1;
    if (this.word(end) === 'ủy') return end + 1;
    if (/^[\p{Lu}\p{N}&-]{2,}$/u.test(token.text) || /^\p{N}/u.test(token.text)) return end;
    const next = this.t.at(end);
    if (next?.word && !next.cap && !this.isLevelAt(end) && !NOT_A_SYLLABLE_OF_A_NAME.has(next.lower) && this.phraseAt(end, tailIndex) < 0) end += 1;
    return end;
  }

  isLevelAt(j: number): boolean {
    const token = this.t.at(j);
    return !!token && this.phraseAt(j, levelIndex) > 0 && !(token.lower === 'xã' && this.word(j + 1) === 'hội') && this.word(j + 1) !== 'ủy';
  }

  /** A capitalised head that starts a unit of its own rather than continuing this name. */
  opensSeparateUnit(j: number): boolean {
    const head = this.head(j);
    if (!head) return false;
    if (head.kind === 'standalone' || head.kind === 'level') return false;
    return head.kind !== 'title';
  }

  /** `huyện`, `cấp huyện`, `xã Bình Sơn`, `của xã`, `các xã, thị trấn …`, `trực thuộc Huyện ủy`. */
  locality(i: number): number {
    let j = i;
    if (this.word(j) === 'cấp' && this.phraseAt(j + 1, levelIndex) > 0) return this.phraseAt(j + 1, levelIndex);
    if (this.word(j) === 'cấp' && this.word(j + 1) === 'cơ' && this.word(j + 2) === 'sở') return j + 3;
    if (this.word(j) === 'các') {
      const end = this.collective(j + 1);
      return end > 0 ? end : i;
    }
    if (this.word(j) === 'của' && this.isLevelAt(j + 1)) j += 1;
    if (!this.isLevelAt(j)) return i;
    return this.placeName(this.phraseAt(j, levelIndex));
  }

  /** Capitalised words of a place's name (`Bình Sơn`, `5`), which may be absent. */
  placeName(i: number): number {
    let j = i;
    for (let k = 0; k < 5; k += 1) {
      const token = this.t.at(j);
      if (!token?.word || !token.cap || (this.head(j) && this.head(j)!.kind !== 'level' && k > 0)) break;
      if (this.head(j)?.kind === 'named' || this.head(j)?.kind === 'standalone') break;
      j += 1;
    }
    return j;
  }

  /** After `các`: kinds joined by `,`/`và`, then a level and a qualifier. -1 when no kind follows. */
  collective(i: number): number {
    let end = this.phraseAt(i, kindIndex);
    if (end < 0) return -1;
    for (;;) {
      const sep = this.t.at(end);
      if (!sep || (sep.text !== ',' && sep.lower !== 'và' && sep.text !== '-')) break;
      let j = end + 1;
      if (this.word(j) === 'các') j += 1;
      const next = this.phraseAt(j, kindIndex);
      // A capitalised word after the comma is a named unit of its own (`các xã, Phòng Y`), not a kind.
      if (next < 0 || this.t.at(j)!.cap && this.t.at(j)!.lower !== 'mttq') break;
      end = next;
    }
    const located = this.locality(end);
    let after = located;
    if (after === end) {
      if (this.word(end) === 'liên' && this.word(end + 1) === 'quan') after = end + 2;
      else if (this.word(end) === 'có' && this.word(end + 1) === 'liên' && this.word(end + 2) === 'quan') after = end + 3;
      else if (this.word(end) === 'chức' && this.word(end + 1) === 'năng') after = end + 2;
      else if (this.word(end) === 'chuyên' && this.word(end + 1) === 'môn') after = end + 2;
      else if (this.word(end) === 'trên' && this.word(end + 1) === 'địa' && this.word(end + 2) === 'bàn') after = this.locality(end + 3);
      else after = this.qualifier(end);
    }
    // `các chi, đảng bộ trực thuộc Huyện ủy, cơ quan, ban, ngành, đoàn thể huyện` goes on over more kinds.
    if (after > end && this.t.at(after)?.text === ',' && this.phraseAt(after + 1, kindIndex) > 0 && !this.t.at(after + 1)!.cap) {
      const more = this.collective(after + 1);
      if (more > 0) return more;
    }
    return after;
  }

  /** `có dự án đi qua`, `phụ trách tiêu chí`, `trực thuộc Huyện ủy`: a few words after a cue, up to a verb or punctuation. */
  qualifier(i: number): number {
    let j = i;
    const cue2 = `${this.word(j) ?? ''} ${this.word(j + 1) ?? ''}`;
    if (qualifierCue.has(cue2)) j += 2;
    else if (qualifierCue.has(this.word(j) ?? '')) j += 1;
    else return i;
    // `trực thuộc Huyện ủy`, `thuộc UBND huyện`: a unit after the cue.
    const unit = this.unit(j, false);
    if (unit) return unit[1];
    let end = i;
    for (let k = 0; k < QUALIFIER_WORDS; k += 1) {
      const token = this.t.at(j);
      if (!token?.word) break;
      const pair = `${token.lower} ${this.word(j + 1) ?? ''}`;
      if (qualifierStop.test(token.lower) || qualifierStop.test(pair)) break;
      j += 1;
      end = j;
      if (token.lower === 'qua') break;
    }
    return end;
  }

  /** After a title: the unit it is held in (`Chủ tịch UBND xã`, `Thủ trưởng các cơ quan`), or -1. */
  afterTitle(i: number): number {
    let j = i;
    // `Phó trưởng Ban`, `Phó Chủ tịch`: a second title word.
    const again = this.head(j);
    if (again?.kind === 'title') j = again.end;
    if (this.word(j) === 'các') {
      const end = this.collective(j + 1);
      return end > 0 ? end : -1;
    }
    const unit = this.unit(j, false);
    if (unit && unit[2] !== 'person') return unit[1];
    const placed = this.locality(j);
    return placed > j ? placed : -1;
  }

  /** `đồng chí Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện`, `các đồng chí lãnh đạo xã Bình Sơn`, `các đồng chí Bí thư, …, Ban chấp hành …`. */
  person(i: number, j: number): [number, number, UnitSpan['kind'], string?] | null {
    let k = j;
    const nameStart = k;
    while (k - nameStart < 5 && this.t.at(k)?.cap && this.t.at(k)!.word && !this.head(k) && !/^[\p{Lu}\p{N}&-]{2,}$/u.test(this.t.at(k)!.text)) k += 1;
    if (k - nameStart >= 2) {
      const name = this.textBetween(nameStart, k);
      let end = k;
      // Roles: `- HUV, Phó Chủ tịch UBND huyện, Phó trưởng Ban chỉ đạo … huyện`.
      let r = this.t.at(k)?.text === '-' || this.t.at(k)?.text === '–' || this.t.at(k)?.text === ',' ? k + 1 : -1;
      while (r > 0) {
        const role = this.role(r);
        if (role < 0) break;
        end = role;
        r = this.t.at(role)?.text === ',' || this.t.at(role)?.text === '-' ? role + 1 : -1;
      }
      return [i, end, 'person', name];
    }
    // No name: a group of officials, read as titles and units joined by `,` and `và`.
    if (this.word(k) === 'trong' || this.word(k) === 'là') k += 1;
    let end = this.role(k);
    if (end < 0) return null;
    for (;;) {
      const sep = this.t.at(end);
      if (!sep || (sep.text !== ',' && sep.lower !== 'và')) break;
      const next = this.role(end + 1);
      if (next < 0) break;
      end = next;
    }
    return [i, end, 'unit'];
  }

  /** One role of a person: a title with or without its unit, or a unit. */
  role(i: number): number {
    const head = this.head(i);
    if (!head) return -1;
    if (head.kind === 'title') {
      const after = this.afterTitle(head.end);
      return after > 0 ? after : head.end;
    }
    const unit = this.unit(i, false);
    return unit && unit[2] !== 'person' ? unit[1] : -1;
  }

  textBetween(from: number, to: number): string {
    return this.t.at(from) && this.t.at(to - 1) ? this.source(from, to) : '';
  }

  /** The text of tokens `from`…`to`, with one space wherever spaces parted them (tokens part only at spaces, tabs and no-break spaces). */
  source(from: number, to: number): string {
    if (to <= from) return '';
    const written = this.t.text.slice(this.t.at(from)!.start, this.t.at(to - 1)!.end);
    return spaceRun.test(written) ? written.replace(/[ \t\u00a0]+/gu, ' ') : written;
  }
}

/** `uỷ` and `ủy` are the same word; the normaliser unifies most text, but a name may keep either. */
function normaliseUy(word: string): string {
  return word.includes('uỷ') ? word.replace(/uỷ/gu, 'ủy') : word;
}

/** Every word a unit phrase can start with, to turn most start positions away before reading tokens. */
const openingWords = new Set([...headIndex.keys(), 'các', 'toàn', 'địa']);
const firstWord = /[ \t\u00a0]*([\p{L}\p{N}]+(?:[&\-–][\p{L}\p{N}]+)*)/uy;

const cuaBeforeLevel = /\s+của\s+(?=(?:xã|phường|thị trấn|huyện|tỉnh|thị xã|thành phố|quận)(?![\p{L}]))/gu;

/** `… NTM của xã` → `… NTM xã`: a level after `của` reads as the unit's own. */
function withoutCua(phrase: string): string {
  return phrase.includes('của') ? phrase.replace(cuaBeforeLevel, ' ') : phrase;
}

/** Reads a list of unit phrases starting at `start`, or null when no unit starts there. */
export function scanUnits(text: string, start: number, semicolons = false): UnitListScan | null {
  firstWord.lastIndex = start;
  const opening = firstWord.exec(text);
  if (!opening || !openingWords.has(normaliseUy(opening[1]!.toLowerCase()))) return null;
  const tokens = new Tokens(text, start);
  const grammar = new Grammar(tokens);
  const found = grammar.list(0, semicolons);
  if (!found) return null;
  const units = found.spans.map(([from, to, kind, name]): UnitSpan => ({
    text: withoutCua(grammar.source(from, to)),
    start: tokens.at(from)!.start,
    end: tokens.at(to - 1)!.end,
    kind,
    ...(name ? { name } : {}),
  }));
  const after = tokens.at(found.end);
  return { units, end: units[units.length - 1]!.end, next: after?.word && !after.cap ? after.lower : null };
}
