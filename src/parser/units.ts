/**
 * Who a directive is for: the lead units (chủ trì) and the coordinating units (phối hợp), as the
 * phrases the notice writes. Vietnamese puts the unit before its verb (`Giao Phòng Kinh tế -
 * Hạ tầng tham mưu …`, `UBND các xã, thị trấn kiểm tra …`), so a unit phrase runs from a word
 * that opens a unit name to the first verb after it.
 */

/** Words that open a unit or person phrase. The guards keep out verbs spelled alike (`ban hành`, `phòng, chống`). */
const unitOpening = new RegExp(
  String.raw`^(?:UBND|HĐND|MTTQ|BCĐ|BCH|HUV|Ủy ban|Hội đồng|Mặt trận|Văn phòng|Phòng(?!,? (?:chống|ngừa|tránh))|Ban(?! hành)|Sở|Công an|Đảng ủy|Đảng bộ|Huyện ủy|Thành ủy|Thị ủy|Tỉnh ủy|Chi bộ|Huyện đoàn|Thành đoàn|Đoàn(?! kết)|Hội(?! nghị| thảo| diễn| thi)|Liên đoàn|Trung tâm|Chi cục|Kho bạc|Bảo hiểm|Ngân hàng|Trường(?! hợp)|Bệnh viện|Hạt|Đội(?! ngũ)|Chi nhánh|Công ty|Viện|Tòa án|Điện lực|Bộ chỉ huy|Ban chỉ huy|Thường trực|Thường vụ|Cơ quan|Lãnh đạo(?= (?:\p{Lu}|các|xã|huyện|phòng|ban))|(?:Phó )?Chủ tịch|(?:Phó )?Bí thư|(?:Phó )?Trưởng|Giám đốc|Thủ trưởng|Chánh|Cấp ủy|Chính quyền|Thanh tra|Đài|Trạm|Tổ (?:công tác|dân phố|giúp việc|kiểm tra)|Bộ phận|Đoàn công tác|Hợp tác xã|Xã(?! hội)|Phường|Thị trấn|Thôn|(?:Các )?đồng chí|Các (?:ban|phòng|ngành|xã|thị trấn|phường|đơn vị|cơ quan|địa phương|chi|chi bộ|đảng bộ|tổ chức|hội|đoàn thể|trường|thành viên|sở|thôn|tổ|cấp ủy|doanh nghiệp|hợp tác xã|ủy ban|UBND|trạm|trung tâm|phó|chủ đầu tư|thủ trưởng|lực lượng|hộ))(?![\p{L}])`,
  'iu',
);

/** Verbs and modal words that end a unit phrase. Lower case only: inside a name they are capitalised (`Ban Tổ chức`). */
const phraseEnders = [
  'chủ trì', 'phối hợp', 'tham mưu', 'hướng dẫn', 'kiểm tra', 'rà soát', 'xây dựng', 'triển khai', 'tổ chức', 'thực hiện',
  'theo dõi', 'báo cáo', 'chỉ đạo', 'kiện toàn', 'bám sát', 'nghiên cứu', 'đẩy mạnh', 'đẩy nhanh', 'tăng cường', 'quan tâm',
  'hoàn thành', 'hoàn thiện', 'chuẩn bị', 'lập', 'ban hành', 'phân công', 'giám sát', 'tuyên truyền', 'vận động', 'đề xuất',
  'trình', 'xử lý', 'giải quyết', 'cung cấp', 'thẩm định', 'bố trí', 'đảm bảo', 'bảo đảm', 'duy trì', 'nắm bắt', 'làm việc',
  'tiến hành', 'tổng hợp', 'gửi', 'nộp', 'cập nhật', 'xác định', 'thành lập', 'huy động', 'chịu trách nhiệm', 'có trách nhiệm',
  'khắc phục', 'đánh giá', 'phê duyệt', 'tích cực', 'sớm', 'ưu tiên', 'cử', 'phân bổ', 'bổ sung', 'điều chỉnh', 'lựa chọn',
  'phải', 'cần', 'nên', 'được', 'sẽ', 'đã', 'đang', 'khẩn trương', 'tập trung', 'tiếp tục', 'chủ động', 'căn cứ',
  'thường xuyên', 'kịp thời', 'đôn đốc', 'phát động', 'chấn chỉnh', 'quán triệt', 'thống kê', 'điều tra', 'giải ngân',
  'hỗ trợ', 'tạo điều kiện', 'xem xét', 'thông báo', 'làm', 'đề nghị', 'yêu cầu', 'thống nhất', 'nâng cao', 'phát huy',
  'sửa chữa', 'nâng cấp', 'thu hồi', 'tiếp nhận', 'đấu mối', 'liên hệ', 'soạn thảo', 'dự thảo', 'thẩm tra', 'tổng kết',
  'sơ kết', 'kê khai', 'điều hành', 'tuần tra', 'ra quân', 'tổng dọn', 'xử phạt', 'cưỡng chế', 'chi trả', 'quyết toán',
  'rút kinh nghiệm', 'nghiêm túc', 'cân đối', 'quản lý', 'sắp xếp', 'tháo gỡ', 'đối chiếu', 'thu thập', 'kiểm soát', 'trước', 'theo', 'để', 'nhằm', 'trên cơ sở', 'với', 'vào', 'định kỳ',
  'hằng tháng', 'hàng tháng', 'mỗi tháng', 'hằng quý', 'hàng quý', 'lãnh đạo',
  // `trong` also joins names (`các đồng chí trong Ban chấp hành`), so it ends a phrase only before a time.
  'trong(?= (?:tháng|quý|năm|ngày|thời gian|tuần|đợt|quá trình|việc|công tác))',
];
const enders = phraseEnders.join('|');
const enderPattern = new RegExp(String.raw`[:.!?()\n“”"]|;|,(?=\s*(?<next>${enders})(?![\p{L}]))|(?<![\p{L}])(?:${enders})(?![\p{L}])`, 'gu');

/** An ender that belongs to a name: `Ban chỉ đạo`, `Ủy ban kiểm tra`, `các đồng chí lãnh đạo`, `Ban Quản lý dự án đầu tư xây dựng`. */
function isPartOfName(text: string, at: number, ender: string): boolean {
  const before = text.slice(Math.max(0, at - 5), at);
  if (/(?:^|\s)(?:[Bb]an|[Cc]ác)\s$/u.test(before) && /^(?:chỉ đạo|kiểm tra|tổ chức|quản lý|chỉ huy|lãnh đạo)$/u.test(ender)) return true;
  if (ender === 'lãnh đạo' && /(?:đồng chí|cán bộ)\s$/u.test(text.slice(Math.max(0, at - 10), at))) return true;
  if (ender !== 'xây dựng') return false;
  return /^xây dựng\s+(?:nông thôn|NTM|Đảng|đô thị|chính quyền)/u.test(text.slice(at, at + 24)) || /đầu tư\s$/u.test(text.slice(Math.max(0, at - 8), at));
}

const MAX_PHRASE = 220;

/**
 * A unit name ends with its locality (`… phường`, `… xã Bình Sơn`), so a lower-case word right
 * after one is the verb even when it is not in `phraseEnders` (`… phường nạo vét …`). Plural
 * `các xã` may take a qualifier (`UBND các xã có dự án đi qua`) and `qua`, `và`, `thuộc` join
 * two names.
 */
const localityEnd = /(?<![\p{L}])(?<!các )(?:xã|phường|huyện|thị trấn|tỉnh|thị xã|thành phố)(?:\s+\p{Lu}\p{L}*)*(?=\s+(?!(?:qua|và|thuộc|trực thuộc|của|cùng|hoặc|với)(?![\p{L}]))(\p{Ll}+))/gu;

/** A unit phrase and the verb after it (null when punctuation ended it). */
interface ScannedPhrase {
  phrase: string;
  end: number;
  verb: string | null;
  /** `Phòng Y phối hợp` (the phrase's units coordinate), unlike `X, phối hợp với Y`. */
  coordinates: boolean;
}

/**
 * Reads the unit phrase that starts at `start`: up to the first verb or clause punctuation.
 * `semicolons` lets an addressee list run over `;` (`UBND huyện, …; Đảng bộ, chính quyền xã`).
 */
export function scanUnitPhrase(text: string, start: number, semicolons = false): ScannedPhrase | null {
  const opening = text.slice(start, start + 40);
  // `xã` names a unit only with the commune's name after it: `xã Bình Sơn`, not `Xã phấn đấu …`.
  if (!unitOpening.test(opening) || /^(?:[Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hôn)\s+(?!\p{Lu})/u.test(opening)) return null;
  localityEnd.lastIndex = start;
  const locality = localityEnd.exec(text);
  enderPattern.lastIndex = start;
  for (let match = enderPattern.exec(text); match; match = enderPattern.exec(text)) {
    if (match.index - start > MAX_PHRASE) return null;
    if (locality && locality.index + locality[0].length < match.index) {
      const end = locality.index + locality[0].length;
      return { phrase: cleanPhrase(text.slice(start, end)), end, verb: locality[1]!, coordinates: false };
    }
    const ender = match[0];
    if (ender === ';' && semicolons) continue;
    if (match.index === start || isPartOfName(text, match.index, ender)) continue;
    const phrase = cleanPhrase(text.slice(start, match.index));
    const verb = match.groups?.next ?? (/^\p{L}/u.test(ender) ? ender : null);
    const coordinates = ender === 'phối hợp' && !/^phối hợp\s+(?:chặt chẽ\s+)?(?:với|cùng)\s/u.test(text.slice(match.index, match.index + 30));
    return phrase ? { phrase, end: match.index, verb, coordinates } : null;
  }
  const rest = text.length - start <= MAX_PHRASE ? cleanPhrase(text.slice(start)) : '';
  return rest ? { phrase: rest, end: text.length, verb: null, coordinates: false } : null;
}

function cleanPhrase(phrase: string): string {
  return phrase.replace(/\s+/gu, ' ').replace(/^(?:cho|là)\s+/u, '').replace(/(?:[\s,;-]+|\s+(?:và|cùng))+$/u, '').trim();
}

/** The locality a unit name ends with (`… xã Bình Sơn`), which earlier units of the same list share. */
const localityTail = /\s((?:xã|phường|thị trấn|huyện|thị xã|thành phố)\s+\p{Lu}[\p{L}\s]*)$/u;

/**
 * Splits a phrase naming several units into unit names. `Các ban, phòng, ngành cấp huyện`
 * stays whole (a collective unit); a person keeps their roles (`đồng chí Lê Phú Quốc - HUV,
 * Phó Chủ tịch UBND huyện`); `Đảng bộ, chính quyền xã Bình Sơn` gives both units the locality.
 */
export function splitUnitList(phrase: string): string[] {
  const units: string[] = [];
  for (const group of phrase.split(/\s*;\s*/u)) {
    if (/^(?:các\s+)?đồng chí\s/iu.test(group)) {
      units.push(...group.split(/,\s*(?=(?:và\s+)?(?:các\s+)?đồng chí\s)|\s+và\s+(?=(?:các\s+)?đồng chí\s)/iu).map(cleanPhrase));
      continue;
    }
    units.push(...withSharedLocality(mergeCollectives(group.split(/\s*,\s*|\s+và\s+(?=\S)/u), group)));
  }
  return units.filter((unit) => unit.length > 1);
}

/** Rejoins the pieces of `Các ban, phòng, ngành …` and keeps `Phòng Tài nguyên và Môi trường` whole. */
function mergeCollectives(pieces: string[], group: string): string[] {
  const merged: string[] = [];
  let searchFrom = 0;
  for (const piece of pieces.map((p) => p.trim()).filter(Boolean)) {
    const at = group.indexOf(piece, searchFrom);
    const joiner = /^\s*và\s*$/u.test(group.slice(searchFrom, at)) ? ' và ' : ', ';
    searchFrom = at + piece.length;
    const previous = merged[merged.length - 1];
    const opensUnit = unitOpening.test(piece) && !/^(?:phòng|ban|ngành|hội|đoàn thể|xã|thị trấn|phường)$/iu.test(piece);
    // `các ban, phòng, ngành, MTTQ, đoàn thể cấp huyện` goes on until a piece opens a new `các …` or a named unit.
    const continuesCollective = previous !== undefined && /(?:^|\s)các\s/iu.test(previous) && !/^các\s/iu.test(piece) && (/^\p{Ll}/u.test(piece) || /^[\p{Lu}&-]+$/u.test(piece));
    if (previous !== undefined && (continuesCollective || !opensUnit)) merged[merged.length - 1] = previous + joiner + piece;
    else merged.push(piece);
  }
  return merged;
}

function withSharedLocality(units: string[]): string[] {
  const locality = localityTail.exec(units[units.length - 1] ?? '')?.[1];
  if (!locality || units.length < 2) return units;
  return units.map((unit) => (unit.split(' ').length <= 2 && !/(?:xã|phường|thị trấn|huyện|tỉnh)/iu.test(unit) ? `${unit} ${locality}` : unit));
}

/** Lead and coordinating unit phrases of one directive. */
export interface DirectiveUnits {
  lead: string[];
  support: string[];
}

const assignCue = /(?<![\p{L}])(?:[Gg]iao(?: nhiệm vụ)?(?: cho)?|[Đđ]ề nghị|[Yy]êu cầu)\s+/gu;
const supportCue = /(?<![\p{L}])phối hợp(?: chặt chẽ)?(?: với| cùng)\s+/gu;
const clauseStart = /(?:^|[.;:!?]\s+|\n)(?:Đối với\s+(?<concerned>[^,.;:]{3,160}),\s*)?/gu;

/** Finds the lead (chủ trì) and coordinating (phối hợp) unit phrases in a directive's text. */
export function findDirectiveUnits(text: string): DirectiveUnits {
  // Found cue by cue (assignment, clause subject, coordination), then put back in the order the text names them.
  const lead: { at: number; units: string[] }[] = [];
  const support: { at: number; units: string[] }[] = [];
  const add = (scanned: ScannedPhrase | null, at: number, asLead: boolean) => {
    if (scanned) (asLead && !scanned.coordinates ? lead : support).push({ at, units: splitUnitList(scanned.phrase) });
  };
  for (const match of text.matchAll(assignCue)) {
    const start = match.index + match[0].length;
    add(scanUnitPhrase(text, start), start, true);
  }
  for (const match of text.matchAll(clauseStart)) {
    const concerned = match.groups?.concerned;
    if (concerned && unitOpening.test(concerned)) lead.push({ at: match.index, units: [cleanPhrase(concerned)] });
    const start = match.index + match[0].length;
    const scanned = scanUnitPhrase(text, start);
    // A clause's subject counts only when a verb follows it: `UBND các xã kiểm tra …`.
    if (scanned?.verb) add(scanned, start, true);
  }
  // `X chủ trì, Phòng Y phối hợp …`: a unit after a comma that coordinates.
  for (const match of text.matchAll(/,\s+/gu)) {
    const start = match.index + match[0].length;
    const scanned = scanUnitPhrase(text, start);
    if (scanned?.coordinates) add(scanned, start, false);
  }
  for (const match of text.matchAll(supportCue)) {
    const start = match.index + match[0].length;
    add(scanUnitPhrase(text, start), start, false);
  }
  const inOrder = (found: { at: number; units: string[] }[]) => unique(found.sort((a, b) => a.at - b.at).flatMap((f) => f.units));
  const leadUnits = inOrder(lead);
  const leadKeys = new Set(leadUnits.map((unit) => unit.toLowerCase()));
  return { lead: leadUnits, support: inOrder(support).filter((unit) => !leadKeys.has(unit.toLowerCase())) };
}

/**
 * The body a notice asks to act, from its lead-in (`… đề nghị Đảng ủy xã Thuận tập trung …`,
 * `yêu cầu UBND huyện, …; Đảng bộ, chính quyền xã Bình Sơn thực hiện …`) or, failing that, its
 * closing (`… thông báo để UBND huyện, các ban, phòng, ngành … thực hiện`). The last request in
 * the lead-in wins, because it is the one that introduces the directives.
 */
export function findAddressee(leadIn: string, closing: string): string[] {
  return lastRequested(leadIn, /(?<![\p{L}])(?:đề nghị|yêu cầu|giao(?: cho)?)\s+/giu) ?? lastRequested(closing, /(?<![\p{L}])(?:đề nghị|yêu cầu|giao(?: cho)?|để|đến)\s+/giu) ?? [];
}

function lastRequested(text: string, cue: RegExp): string[] | null {
  let addressee: string[] | null = null;
  for (const match of text.matchAll(cue)) {
    const scanned = scanUnitPhrase(text, match.index + match[0].length, true);
    if (scanned) addressee = splitUnitList(scanned.phrase);
  }
  return addressee;
}

function unique(phrases: string[]): string[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => {
    const key = phrase.toLowerCase();
    if (phrase.length < 2 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
