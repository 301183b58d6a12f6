/**
 * Cuts a notice's body into directives (nhiệm vụ). Notices number them `1.`, `1)`, `(1)`,
 * `Thứ nhất,` at a line start or inline in one paragraph, number sections `1.1`, group them
 * under roman sections of which only the tasks section counts, put them under unit headings
 * (`Đối với Sở Xây dựng:`, `Văn phòng UBND tỉnh:`) as `a)`/`b)`, `-` or `+` sub-items, list
 * them as bullets, or assign them row by row in a task table. An item runs to the next item of
 * its level, across blank lines and page breaks.
 */
import { romanNumber } from './calendar-dates.js';
import { findTaskTables, type TaskCells } from './task-table.js';
import { ordinalWordAt, ordinalWordsIn } from './ordinal-words.js';
import { clauseSubject, splitUnitClauses } from './unit-clauses.js';

/** A directive's text before units and deadlines are read from it. */
export interface DirectiveSegment {
  ordinal: string;
  text: string;
  /**
   * For a sub-item: its parent's text before the sub-items (`Giao Phòng Tài chính - Kế hoạch:`,
   * `Đối với Sở Xây dựng:`), which it inherits units and deadline from, with a
   * `Thời gian hoàn thành: …` line written after the sub-items.
   */
  parentText: string | null;
  /** For a row of a task table: its Đơn vị chủ trì, Đơn vị phối hợp and Thời gian hoàn thành cells, which say who and when better than the text. */
  cells?: TaskCells;
}

/** The body cut into its directives, the words that introduce them and the closing paragraph. */
export interface BodySegments {
  directives: DirectiveSegment[];
  /** The body before the first directive (evaluation, then the request that introduces the directives). */
  leadIn: string;
  /** From `Trên đây là …` to the end of the body. */
  closing: string;
}

type Marker = { kind: 'roman' | 'number' | 'sub-number' | 'letter' | 'bullet'; label: string; rest: string };

const romanLine = /^([IVX]{1,5})\s*[.)/-]\s*(.*)$/u;
/** `1.1. Giao …`, `2.3 Về …`: a section number, its text opening with a capital (`1.5 tỷ đồng` is a figure). */
const subNumberLine = /^(\d{1,3})\.(\d{1,2})[.)]?\s+(\p{Lu}.*)$/u;
/** `1.`, `12)`, `1-`, `1/`, `(3)`, up to `999.`; a year (`2024.`) has four digits and `10.000 ha` a digit after the point. */
const numberLine = /^(?:(\d{1,3})\s*(?:\)|\.(?!\d)|\/(?!\d)|-(?=\s*\p{L}))|\((\d{1,3})\))\s*(\S.*)$/u;
const letterLine = /^([a-zđ])\s*[).\/]\s+(.*)$/u;
const bulletLine = /^([-–—•+*])\s*(.*)$/u;
/**
 * The closing paragraph: `Trên đây là kết luận …`, `Văn phòng … thông báo để các cơ quan …
 * thực hiện`, `… để các cơ quan, đơn vị, địa phương biết, thực hiện./.`.
 */
const closingLine = /^(?:Trên đây(?![\p{L}\p{N}])|(?:[^.:;]{0,150}? )?[Tt]hông báo (?:để|đến|cho) |[^:;]{0,300}(?<![\p{L}])biết,? (?:và |để )?(?:phối hợp |triển khai |tổ chức )?thực hiện\s*\.\/\.?$)/u;

const taskHeading = /^(?:các |một số )?(?:nhiệm vụ|giải pháp|phương hướng|kết luận|ý kiến kết luận|chỉ đạo|tổ chức thực hiện|thời gian tới)/iu;
const taskWords = /nhiệm vụ|giải pháp|chỉ đạo|kết luận|phương hướng|thời gian tới|đề nghị|yêu cầu|giao|triển khai|thực hiện|tập trung/iu;
const evaluationWords = /đánh giá|kết quả|tình hình|ưu điểm|hạn chế|tồn tại|đạt được|khó khăn|nguyên nhân|thuận lợi|kiến nghị|đề xuất/iu;
const introducesTasks = /(?:nhiệm vụ|giải pháp|sau|như sau|cụ thể|những việc|nội dung|kết luận|chỉ đạo|yêu cầu|đề nghị|giao)[^.:]{0,40}:\s*$/iu;
/** Who chaired and who attended are listed, not assigned: `Chủ trì: …; Tham dự: …`, `Thành phần dự họp:`. */
const attendanceLeadIn = /^(?:Chủ trì|Tham dự|Thành phần|Dự họp|Cùng dự|Có mặt|Mời)[^.:]{0,60}:\s*$/iu;

/** The words a unit's name opens with (`Sở`, `UBND`, `Văn phòng`, `các xã`), for headings and inline lists. */
const unitHead = String.raw`(?:[Cc]ác\s+)?(?:UBND|HĐND|Ủy ban|Sở|Phòng(?!,? (?:chống|ngừa))|Ban(?! hành)|Văn phòng|Trung tâm|Chi cục|Cục|Công an|Thanh tra|Đoàn(?! kết)|Hội(?! nghị| thảo)|Liên đoàn|Mặt trận|MTTQ|Trường(?! hợp)|Bộ chỉ huy|Ban chỉ huy|Kho bạc|Chi nhánh|Công ty|Đảng ủy|Đảng bộ|Huyện ủy|Thành ủy|Thị ủy|Tỉnh ủy|Chi bộ|Viện|Bệnh viện|Đài|Hạt|Đội(?! ngũ)|Bảo hiểm|Ngân hàng|Điện lực|Tòa án|(?:Phó )?Chủ tịch|Thủ trưởng|Giám đốc|Lãnh đạo|Thường trực|Cấp ủy|Chính quyền|[Đđ]ồng chí|xã|phường|thị trấn|huyện|thị xã|cơ quan|đơn vị|địa phương|sở|phòng|ban|ngành)(?![\p{L}])`;
const unitHeadingPattern = new RegExp(String.raw`^(?:(?:Đối với|Riêng|Giao(?: cho)?|Đề nghị|Yêu cầu)\s+)?${unitHead}[^:]{0,160}:$`, 'u');
/** Acronyms that stay in capitals when an all-capitals heading is read in sentence case. */
const acronym = /^(?:UBND|HĐND|MTTQ|BCĐ|BCH|TN&MT|KT-HT|TC-KH|NN&PTNT|GD&ĐT|VH-TT|LĐ-TB&XH)[:,]?$/u;

/** A lead-in that speaks (`Chủ tịch UBND huyện kết luận:`, `Đồng chí Bí thư yêu cầu:`) introduces tasks; it is not the unit they are for. */
const speaks = /(?<![\p{L}])(?:kết luận|yêu cầu|đề nghị|chỉ đạo|giao|nhấn mạnh|lưu ý|phát biểu|như sau|sau|cụ thể)(?: [^\s:]+){0,3}\s*:$/iu;

/**
 * A heading that names the unit its sub-items are for: `Đối với Sở Xây dựng:`, `Sở Tài chính:`,
 * `Văn phòng UBND tỉnh:`, `UBND các huyện, thị xã:`, `Giao Phòng Nội vụ:`, also in capitals
 * (`ĐỐI VỚI SỞ XÂY DỰNG:`). A topic heading (`Về công tác quy hoạch:`, `Lĩnh vực y tế:`) names none.
 */
const unitHeading = {
  test(line: string): boolean {
    // Every unit heading ends with its colon; testing that first spares the patterns on most lines.
    if (line.length > 200 || !line.endsWith(':') || speaks.test(line)) return false;
    if (unitHeadingPattern.test(line)) return true;
    if (line !== line.toUpperCase() || !/\p{Lu}/u.test(line)) return false;
    const words = line.split(' ').map((word, i) => (acronym.test(word) ? word : i === 0 ? word[0] + word.slice(1).toLowerCase() : word.toLowerCase()));
    return unitHeadingPattern.test(words.join(' '));
  },
};

/** A topic heading on its own line over an item's paragraph: `Về thu ngân sách`, `Lĩnh vực y tế:`. */
const topicHeading = /^(?:Về|Lĩnh vực|Đối với|Công tác)\s[^.;!?]{1,100}$/u;

/** `Thời gian hoàn thành: …` written after a heading's sub-items: it is the deadline of them all. */
const dueLine = /^(?:Thời gian(?: hoàn thành| thực hiện)?|Thời hạn(?: hoàn thành)?|Tiến độ(?: hoàn thành)?)\s*:/iu;

function markerOf(line: string): Marker | null {
  let m = romanLine.exec(line);
  if (m && romanNumber(m[1]!) !== null && m[2]) return { kind: 'roman', label: m[1]!, rest: m[2] };
  m = subNumberLine.exec(line);
  if (m) return { kind: 'sub-number', label: `${m[1]}.${m[2]}`, rest: m[3]! };
  m = numberLine.exec(line);
  if (m) return { kind: 'number', label: m[1] ?? m[2]!, rest: m[3]! };
  const word = ordinalWordAt(line);
  if (word) return { kind: 'number', label: String(word.number), rest: word.rest };
  m = letterLine.exec(line);
  if (m) return { kind: 'letter', label: m[1]!, rest: m[2]! };
  m = bulletLine.exec(line);
  // `-` and `–` are one level, `•` and `*` another, `+` the level under `-`.
  return m?.[2] ? { kind: 'bullet', label: m[1] === '–' || m[1] === '—' ? '-' : m[1] === '*' ? '•' : m[1]!, rest: m[2] } : null;
}

function isClosing(line: string): boolean {
  return closingLine.test(line) && !markerOf(line) && !line.includes('|');
}

/** Cuts the body lines into directives. */
export function segmentBody(body: string[], hasOwnDeadline: (text: string) => boolean): BodySegments {
  const closingAt = body.findIndex(isClosing);
  const main = closingAt >= 0 ? body.slice(0, closingAt) : body;
  const closing = closingAt >= 0 ? joinLines(body.slice(closingAt)) : '';
  const tables = findTaskTables(main);
  if (tables.length === 0) {
    const { directives, leadIn } = segmentText(main, hasOwnDeadline);
    return { directives: directives.flatMap(unitTasks).filter(isTask), leadIn, closing };
  }
  // The text around task tables is cut on its own; the item that introduces a table (`Giao các đơn vị thực hiện các nhiệm vụ sau:`) is not a task.
  const directives: DirectiveSegment[] = [];
  let leadIn = '';
  let from = 0;
  tables.forEach((table, t) => {
    const part = segmentText(main.slice(from, table.start), hasOwnDeadline);
    if (t === 0) leadIn = part.leadIn;
    if (/:\s*$/u.test(part.directives[part.directives.length - 1]?.text ?? '')) part.directives.pop();
    directives.push(...part.directives, ...table.rows.map((row) => ({ ordinal: row.ordinal, text: row.text, parentText: null, cells: row.cells })));
    from = table.end;
  });
  directives.push(...segmentText(main.slice(from), hasOwnDeadline).directives);
  return { directives: directives.flatMap(unitTasks).filter(isTask), leadIn, closing };
}

/**
 * An item holding several units' tasks (`Phòng A … trong quý I; Phòng B …; Phòng C …`) becomes
 * one directive per task, numbered under the item (`1.1`, `1.2`, …): the item's number stays
 * what a reader cites, and the second number counts its tasks in order. The words before the
 * first task (a topic label, a request) become the tasks' parent text. A table row says who
 * leads in its own cell and is never split.
 */
function unitTasks(segment: DirectiveSegment): DirectiveSegment[] {
  const split = segment.cells ? null : splitUnitClauses(segment.text);
  if (!split) return [segment];
  const parentText = [segment.parentText, split.lead].filter(Boolean).join('\n') || null;
  return split.clauses.map((clause, i) => ({ ordinal: `${segment.ordinal}.${i + 1}`, text: clause.text, parentText }));
}

/**
 * Praise and results are evaluation, even when numbered among the conclusions: `Ghi nhận …`,
 * `Biểu dương …`, `Ban Thường vụ Tỉnh ủy ghi nhận sự nỗ lực …`, or statistics of what was done
 * (`đạt 9/19 tiêu chí`, `06/11 xã đã …`) with no word asking for more.
 */
const praise = /^(?:[^.;:,]{0,120}?\s)?(?:đánh giá cao|ghi nhận(?! (?:ý kiến|kiến nghị|phản ánh))|biểu dương|hoan nghênh|khen ngợi|(?:cơ bản )?(?:thống nhất|nhất trí) (?:với )?(?:báo cáo|nội dung báo cáo|đánh giá))(?![\p{L}])/iu;
const statistic = /(?<![\d.,])\d+\s*\/\s*\d+\s+\p{L}|(?<![\d.,])\d+(?:[.,]\d+)?\s*%/u;
const resultVerb = /(?<![\p{L}])(?:đã|đạt|ước đạt|tăng|giảm|được công nhận)(?![\p{L}])/u;
const askingWords = /(?<![\p{L}])(?:tiếp tục|tập trung|khẩn trương|giao(?! (?:thông|dịch|lưu|ban|nhận|tiếp))|yêu cầu|đề nghị|chỉ đạo|rà soát|triển khai|phấn đấu|đẩy mạnh|tăng cường|chủ động|chuẩn bị|kiểm tra|hoàn thiện|trước ngày|chậm nhất|cần|phải|tham mưu|xây dựng kế hoạch|nâng|lên|bảo đảm|đảm bảo|(?:trong|đến hết|đến) (?:năm|tháng|quý) (?:\d|[IV]|tới|nay|sau))(?![\p{L}])/iu;

function isTask(segment: DirectiveSegment): boolean {
  if (segment.cells) return true;
  // Praise words its own sentence (`… đã tập trung chỉ đạo, bảo đảm …` is what was praised); a task, if any, comes after it.
  if (praise.test(segment.text) && !askingWords.test(segment.text.slice(/[.;]\s/u.exec(segment.text)?.index ?? segment.text.length))) return false;
  return !(statistic.test(segment.text) && resultVerb.test(segment.text) && !askingWords.test(segment.text));
}

/** A body without task tables: its tasks section when it has roman sections, else all of it. */
function segmentText(main: string[], hasOwnDeadline: (text: string) => boolean): Omit<BodySegments, 'closing'> {
  const sections = romanSections(main);
  if (sections.length === 0) return segmentItems(main, hasOwnDeadline);
  const chosen = chooseTaskSections(sections);
  const perSection = chosen.map((section) => {
    const items = segmentItems(section.lines, hasOwnDeadline);
    // A section whose text is one prose assignment (`III. TỔ CHỨC THỰC HIỆN` / `Giao Ban Dân vận …`) is that section's directive.
    if (items.directives.length === 1 && !section.lines.some((line) => markerOf(line))) return { section, ...items, directives: [{ ...items.directives[0]!, ordinal: section.label }] };
    if (items.directives.length > 0 || !assigningSentence.test(section.heading)) return { section, ...items };
    // `III. Giao Văn phòng theo dõi, đôn đốc …`: a section whose heading is itself one assignment.
    return { section, leadIn: '', directives: [{ ordinal: section.label, text: joinLines([section.heading, ...section.lines]), parentText: null }] };
  });
  const prefix = perSection.filter((s) => s.directives.length > 0).length > 1;
  const firstChosen = sections.indexOf(chosen[0]!);
  return {
    directives: perSection.flatMap(({ section, directives }) => directives.map((d) => (prefix && d.ordinal !== section.label ? { ...d, ordinal: `${section.label}.${d.ordinal}` } : d))),
    leadIn: joinLines([...main.slice(0, sections[0]!.start), ...sections.slice(0, firstChosen + 1).flatMap((s) => [s.heading])]) + (perSection[0] ? `\n${perSection[0].leadIn}` : ''),
  };
}

interface Section {
  label: string;
  heading: string;
  start: number;
  lines: string[];
}

function romanSections(lines: string[]): Section[] {
  const starts = lines.flatMap((line, index) => (markerOf(line)?.kind === 'roman' ? [index] : []));
  // A single `I.` is more likely a stray letter than a structure; real sections come at least in pairs.
  if (starts.length < 2) return [];
  return starts.map((start, i) => {
    const marker = markerOf(lines[start]!)!;
    return { label: marker.label, heading: marker.rest, start, lines: lines.slice(start + 1, starts[i + 1] ?? lines.length) };
  });
}

function chooseTaskSections(sections: Section[]): Section[] {
  const tasks = sections.filter((s) => taskHeading.test(s.heading) || (taskWords.test(s.heading) && !evaluationWords.test(s.heading)));
  if (tasks.length > 0) return tasks;
  const notEvaluation = sections.filter((s) => !evaluationWords.test(s.heading));
  return notEvaluation.length > 0 ? notEvaluation : sections.slice(-1);
}

/**
 * Items of one level: numbered if any, else `1.1` sections, else inline `(1) … (2) …`, else
 * the sub-items of unit headings, else `a)` items or bullets after a lead-in.
 */
function segmentItems(lines: string[], hasOwnDeadline: (text: string) => boolean): Omit<BodySegments, 'closing'> {
  for (const kind of ['number', 'sub-number'] as const) {
    const runs = markerRuns(lines, kind);
    if (runs.length > 0) return itemsFromRuns(lines, runs, hasOwnDeadline);
  }
  const inline = inlineNumbered(lines);
  if (inline) return inline;
  const headed = headingGroups(lines, '', hasOwnDeadline);
  if (headed) return headed;
  for (const kind of ['letter', 'bullet'] as const) {
    const runs = listRuns(lines, kind);
    if (runs.length === 0) continue;
    // A press article often follows its list with a paragraph of further assignments (`… Chủ tịch UBND tỉnh giao Sở X …`).
    const items = itemsFromRuns(lines, runs, hasOwnDeadline);
    const after = assignedSentences(lines.slice(runs[runs.length - 1]!.end), items.directives.length);
    return { ...items, directives: [...items.directives, ...after] };
  }
  const sentences = assignedSentences(lines, 0);
  if (sentences.length > 0) return { directives: sentences, leadIn: '' };
  return introducedParagraphs(lines) ?? { directives: [], leadIn: joinLines(lines) };
}

/**
 * Unmarked paragraphs after a lead-in that introduces tasks (`Đồng chí Chủ tịch kết luận như
 * sau:` / `Tập trung chỉ đạo …` / `Rà soát …`): with no list marker and no assigning word, each
 * paragraph is one directive, rather than a notice with none.
 */
function introducedParagraphs(lines: string[]): Omit<BodySegments, 'closing'> | null {
  let leadIn = -1;
  lines.forEach((line, index) => {
    if (introducesTasks.test(line) && !attendanceLeadIn.test(line) && !evaluationWords.test(line)) leadIn = index;
  });
  if (leadIn < 0) return null;
  const paragraphs = joinLines(lines.slice(leadIn + 1))
    .split('\n')
    .filter((paragraph) => paragraph.length >= 20 && !/:\s*$/u.test(paragraph));
  if (paragraphs.length === 0) return null;
  return {
    directives: paragraphs.map((text, i) => ({ ordinal: String(i + 1), text, parentText: null })),
    leadIn: joinLines(lines.slice(0, leadIn + 1)),
  };
}

/** A sentence that assigns work: it opens with `Giao`/`Đối với`, or the chair in it `giao`/`yêu cầu`/`đề nghị` someone. */
const assigningSentence = /^(?:[Gg]iao(?! (?:ban|lưu|thông|dịch|nhận)(?![\p{L}]))|[Đđ]ối với)(?![\p{L}])|^[^.:]{0,160}?(?:[Đđ]ồng chí|Chủ tịch|Bí thư|Ban Thường vụ|Thường trực|Trưởng [Bb]an|Giám đốc)[^.:]{0,100}?\s(giao|yêu cầu|đề nghị)\s+(?!(?:ban|lưu|thông|dịch|nhận|thừa|tiếp|hữu|kết|khoán)(?![\p{L}]))\S/du;

/** A sentence where the conclusion starts: after it, a sentence that opens with its unit (`Sở Nông nghiệp và PTNT chỉ đạo …`) is a task too. */
const concludes = /(?<![\p{L}])(?:kết luận|yêu cầu|đề nghị|giao)(?![\p{L}])/u;

/**
 * Assignments written as prose, outside any list: each sentence that assigns becomes a
 * directive, numbered after the `before` directives already found, and so does every sentence
 * after the conclusion starts that opens with its unit and a verb (a press article writes
 * `Đồng chí … giao Sở A …. Sở Nông nghiệp và PTNT chỉ đạo … . Phòng Tài nguyên và Môi trường
 * phối hợp với xã …`). A sentence that ends with a colon introduces a list and is not one. A
 * request followed by its units' tasks in one paragraph (`… kết luận: giao công chức Văn hóa -
 * Xã hội …; Công an xã tăng cường …`) gives one directive per unit's task.
 */
function assignedSentences(lines: string[], before: number): DirectiveSegment[] {
  const directives: DirectiveSegment[] = [];
  const push = (text: string, parentText: string | null = null) => directives.push({ ordinal: String(before + directives.length + 1), text: text.trim(), parentText });
  let concluding = false;
  for (const paragraph of joinLines(lines).split('\n')) {
    const marker = markerOf(paragraph);
    // A roman section that is one assignment (`III. Giao Văn phòng UBND tỉnh theo dõi …`) is a directive under its own number.
    if (marker?.kind === 'roman' && assigningSentence.test(marker.rest)) directives.push({ ordinal: marker.label, text: marker.rest, parentText: null });
    if (marker || paragraph.length > 5000) continue;
    const listed = requestedTasks(paragraph);
    if (listed) {
      for (const clause of listed.clauses) push(clause.text, listed.lead || null);
      concluding = true;
      continue;
    }
    for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
      const match = assigningSentence.exec(sentence);
      const opensWithUnit = !match && concluding && clauseSubject(sentence) !== null;
      if ((!match && !opensWithUnit) || /:\s*$/u.test(sentence)) {
        concluding ||= concludes.test(sentence);
        continue;
      }
      concluding = true;
      // From the chair's verb on (`giao Sở X …`): the words before it only say who spoke.
      const cueAt = match?.indices?.[1]?.[0];
      push(cueAt === undefined ? sentence : sentence.slice(cueAt));
    }
  }
  return directives;
}

/** `… Chủ tịch UBND tỉnh yêu cầu:`, `… Chủ tịch UBND xã kết luận:` with the units' tasks after it in the same paragraph. */
const requestColon = /(?<![\p{L}])(?:yêu cầu|đề nghị|giao|chỉ đạo|kết luận)(?: [^:;.]{0,60})?:\s+/u;

/**
 * A request followed by its units' tasks in one paragraph, `yêu cầu: Sở Xây dựng khẩn trương …;
 * Sở Tài chính bố trí …; UBND huyện X …`: one task per unit when at least two units have one.
 * An exhortation before them that names no unit (`yêu cầu các bộ phận nâng cao tinh thần …`)
 * is their lead, not a task.
 */
function requestedTasks(paragraph: string): ReturnType<typeof splitUnitClauses> {
  const request = requestColon.exec(paragraph);
  return request ? splitUnitClauses(paragraph.slice(request.index + request[0].length)) : null;
}

interface Run {
  /** Line indexes of the items' first lines. */
  starts: number[];
  labels: string[];
  /** Index of the run's lead-in line, or of its first item when it has none. */
  leadInStart: number;
  /** Index of the line after the run's last item. */
  end: number;
}

/** Runs of `1.`, `2.` … (or `1.1`, `1.2`, `2.1` …): a new run starts when the numbering restarts or skips. */
function markerRuns(lines: string[], kind: 'number' | 'sub-number'): Run[] {
  const runs: Run[] = [];
  let previous = [0, 0];
  lines.forEach((line, index) => {
    const marker = markerOf(line);
    if (marker?.kind !== kind) return;
    const [major = 0, minor = 0] = marker.label.split('.').map(Number);
    const current = runs[runs.length - 1];
    const follows = kind === 'number' ? major === previous[0]! + 1 : (major === previous[0] && minor === previous[1]! + 1) || (major === previous[0]! + 1 && minor === 1);
    if (!current || !follows) runs.push({ starts: [index], labels: [marker.label], leadInStart: leadInStartBefore(lines, index), end: lines.length });
    else {
      current.starts.push(index);
      current.labels.push(marker.label);
    }
    previous = [major, minor];
  });
  // A run's last item reaches to the next run's lead-in, even when that run is not chosen, or to
  // a heading of another kind after a blank line (`Chế độ báo cáo:` over its own bullets).
  runs.forEach((run, i) => {
    run.end = runs[i + 1]?.leadInStart ?? blockHeadingAfter(lines, run.starts[run.starts.length - 1]!);
  });
  return chooseTaskRuns(lines, runs);
}

/**
 * `a)` items or bullets are directives when they follow a lead-in that introduces tasks; earlier
 * ones list results. Bullets of another sign (`+` under `-`) are sub-items of the bullet above.
 */
function listRuns(lines: string[], kind: 'letter' | 'bullet'): Run[] {
  const runs: Run[] = [];
  let open = false;
  let sign = '';
  lines.forEach((line, index) => {
    const current = runs[runs.length - 1];
    const marker = markerOf(line);
    const item = marker?.kind === kind && (kind === 'letter' || !open || marker.label === sign);
    if (!item) {
      // Lower-case lines and sub-items continue the item above; any other paragraph ends the list.
      const continues = /^\p{Ll}/u.test(line) || (marker !== null && marker.kind !== 'number' && marker.kind !== 'roman');
      if (line !== '' && !continues) open = false;
      else if (open && current && line !== '') current.end = index + 1;
      return;
    }
    if (!current || !open) {
      runs.push({ starts: [index], labels: [kind === 'letter' ? marker.label : '1'], leadInStart: leadInStartBefore(lines, index), end: index + 1 });
      sign = marker.label;
    } else {
      current.starts.push(index);
      current.labels.push(kind === 'letter' ? marker.label : String(current.starts.length));
      current.end = index + 1;
    }
    open = true;
  });
  return chooseTaskRuns(lines, runs);
}

/** A short heading that closes the list above it: `Chế độ báo cáo:`, `Tổ chức thực hiện:`, not a unit's or a deadline's. */
const blockHeading = /^[^.;:]{1,80}:$/u;

function blockHeadingAfter(lines: string[], lastStart: number): number {
  for (let i = lastStart + 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (lines[i - 1] === '' && blockHeading.test(line) && !markerOf(line) && !unitHeading.test(line) && !dueLine.test(line)) return i;
  }
  return lines.length;
}

/** The lead-in of a run is the paragraph just before it when that paragraph ends with `:`. */
function leadInStartBefore(lines: string[], index: number): number {
  let i = index - 1;
  while (i >= 0 && lines[i] === '') i -= 1;
  return i >= 0 && /:\s*$/u.test(lines[i]!) && !markerOf(lines[i]!) ? i : index;
}

function leadInOf(lines: string[], run: Run): string {
  return run.leadInStart < run.starts[0]! ? lines[run.leadInStart]! : '';
}

function chooseTaskRuns(lines: string[], runs: Run[]): Run[] {
  const listed = runs.filter((run) => !attendanceLeadIn.test(leadInOf(lines, run)));
  const notEvaluation = listed.filter((run) => introducesTasks.test(leadInOf(lines, run)) || !evaluationWords.test(leadInOf(lines, run)));
  const introduced = notEvaluation.filter((run) => introducesTasks.test(leadInOf(lines, run)) || unitHeading.test(leadInOf(lines, run)));
  return introduced.length > 0 ? introduced : notEvaluation;
}

/**
 * The items of the chosen runs. A run under a unit heading (`Sở Tài chính:` over `1.`, `2.`)
 * inherits the heading; when several runs restart their numbering, each run's number prefixes
 * its items' ordinals so that they stay apart.
 */
function itemsFromRuns(lines: string[], runs: Run[], hasOwnDeadline: (text: string) => boolean): Omit<BodySegments, 'closing'> {
  const directives: DirectiveSegment[] = [];
  const labels = runs.flatMap((run) => run.labels);
  const prefixRuns = runs.length > 1 && new Set(labels).size < labels.length;
  runs.forEach((run, r) => {
    const heading = leadInOf(lines, run);
    const underUnit = unitHeading.test(heading);
    run.starts.forEach((start, i) => {
      const itemLines = [markerOf(lines[start]!)!.rest, ...lines.slice(start + 1, run.starts[i + 1] ?? run.end)];
      if (evaluationHeading.test(itemLines[0]!)) return;
      for (const item of splitSubItems(run.labels[i]!, itemLines, hasOwnDeadline)) {
        const parentText = underUnit ? [heading, item.parentText].filter(Boolean).join('\n') : item.parentText;
        directives.push({ ...item, ordinal: prefixRuns ? `${r + 1}.${item.ordinal}` : item.ordinal, parentText });
      }
    });
  });
  return { directives, leadIn: joinLines(lines.slice(0, runs[0]!.starts[0])) };
}

/**
 * An item headed as evaluation (`1. Đánh giá chung`, `1. Kết quả đạt được:`, `1. Tình hình thực
 * hiện`) reports what was done, even when it names units (`Sở Giao thông vận tải đã phối hợp …`):
 * the tasks come in the items after it. A heading that also announces tasks (`Kết quả và nhiệm
 * vụ thời gian tới`, `Tình hình … phức tạp, yêu cầu …`) is not one.
 */
const evaluationHeading = /^(?:Về\s+)?(?:đánh giá|kết quả|tình hình|ưu điểm|hạn chế|tồn tại|những việc đã làm|khó khăn|nguyên nhân|thuận lợi)(?![\p{L}])(?![^.;:]{0,100}(?:nhiệm vụ|giải pháp|thời gian tới|phương hướng|yêu cầu|đề nghị|giao|tiếp tục|tập trung))[^.;:]{0,100}(?::.*)?$/iu;

/** `Sở Tài chính: chủ trì tham mưu …`: a paragraph that opens with its unit and a colon. */
const unitParagraph = new RegExp(String.raw`^((?:Đối với\s+)?${unitHead}[^:.;]{0,120}:)\s+(\S.*)$`, 'u');

/** A heading line of its own that names a unit, with no list marker before it. */
function isHeadingLine(line: string): boolean {
  return unitHeading.test(line) && !markerOf(line);
}

/**
 * Unit headings over their sub-items, numbered in order when the headings are not:
 * `Sở Xây dựng:` / `- Rà soát …` / `- Hoàn thiện …` / `Sở Tài chính:` / `a) …` give `1.1`,
 * `1.2`, `2.a`, each with its heading as parent. A paragraph that opens with its unit and a
 * colon (`Phòng Tài chính - Kế hoạch: tham mưu …`) is a heading with its task on the same line.
 * Null when the lines hold no such structure.
 */
function headingGroups(lines: string[], prefix: string, hasOwnDeadline: (text: string) => boolean): Omit<BodySegments, 'closing'> | null {
  const headings = lines.flatMap((line, index) => (isHeadingLine(line) || (!markerOf(line) && unitParagraph.test(line)) ? [index] : []));
  if (headings.length === 0) return null;
  const directives = headings.flatMap((start, k): DirectiveSegment[] => {
    const block = lines.slice(start + 1, headings[k + 1] ?? lines.length);
    const inline = isHeadingLine(lines[start]!) ? null : unitParagraph.exec(lines[start]!);
    if (inline) return [{ ordinal: `${prefix}${k + 1}`, text: joinLines([inline[2]!, ...block.filter((line) => /^\p{Ll}/u.test(line))]), parentText: inline[1]! }];
    return block.some((line) => line !== '') ? splitSubItems(`${prefix}${k + 1}`, [lines[start]!, ...block], hasOwnDeadline, true) : [];
  });
  if (headings.length < 2 && directives.length < 2) return null;
  return { directives, leadIn: joinLines(lines.slice(0, headings[0])) };
}

/**
 * Sub-items (`a)`, `1.1`, `-`) become directives of their own when they are separate tasks:
 * `1.1` sections always, sub-items under a unit heading (`Đối với Sở Xây dựng:`), and sub-items
 * of which one has its own deadline, since then each is a task a unit reports on separately.
 * Otherwise they stay in their parent's text. Unit headings inside an item are grouped in turn.
 */
function splitSubItems(label: string, itemLines: string[], hasOwnDeadline: (text: string) => boolean, headed = false): DirectiveSegment[] {
  const whole = { ordinal: label, text: joinLines(itemLines), parentText: null };
  // Two unit headings inside an item number their groups under it; a single one is simply the parent of the sub-items.
  if (!headed && itemLines.filter((line, index) => index > 0 && isHeadingLine(line)).length > 1) {
    const groups = headingGroups(itemLines.slice(1), `${label}.`, hasOwnDeadline);
    if (groups) return groups.directives;
  }
  const firstSub = itemLines.map(markerOf).find((marker, index) => index > 0 && (marker?.kind === 'letter' || marker?.kind === 'sub-number' || marker?.kind === 'bullet'));
  const starts = firstSub ? itemLines.flatMap((line, index) => (index > 0 && sameLevel(markerOf(line), firstSub) ? [index] : [])) : [];
  const parentLines = itemLines.slice(0, starts[0] ?? itemLines.length);
  const parentHeading = parentLines.filter((line) => line !== '').pop() ?? '';
  const underUnit = headed || unitHeading.test(parentHeading);
  if (starts.length === 0) {
    // `Sở Tài chính:` over a paragraph: the paragraph is the task and the heading says whose;
    // `Về thu ngân sách` over a paragraph: the heading names the topic, the paragraph the task.
    const rest = joinLines(itemLines.slice(1));
    const heading = (underUnit && /:\s*$/u.test(itemLines[0]!)) || (topicHeading.test(itemLines[0]!) && /^\P{Ll}/u.test(rest));
    return heading && rest ? [{ ordinal: label, text: rest, parentText: itemLines[0]! }] : [whole];
  }
  const last = starts[starts.length - 1]!;
  const due = itemLines.findIndex((line, index) => index > last && dueLine.test(line) && !markerOf(line));
  const subItems = starts.map((start, i) => {
    const marker = markerOf(itemLines[start]!)!;
    const end = starts[i + 1] ?? (due > 0 ? due : itemLines.length);
    return { label: marker.kind === 'bullet' ? String(i + 1) : marker.label, text: joinLines([marker.rest, ...itemLines.slice(start + 1, end)]) };
  });
  // Sub-items that each open with their own unit (`- Sở Tài chính: …`, `- UBND các xã: …`) are separate tasks too.
  const eachUnit = subItems.length > 1 && subItems.every((sub) => unitParagraph.test(sub.text));
  // Sub-items under a heading that announces tasks (`2. Nhiệm vụ thời gian tới` over `a)` … `đ)`) are each a task.
  const underTasks = parentLines.length === 1 && taskHeading.test(parentHeading) && !/[.;]/u.test(parentHeading);
  if (firstSub!.kind !== 'sub-number' && !underUnit && !underTasks && !eachUnit && !subItems.some((sub) => hasOwnDeadline(sub.text))) return [whole];
  const parentText = joinLines([...parentLines, ...(due > 0 ? itemLines.slice(due) : [])]);
  return subItems.map((sub) => ({
    ordinal: firstSub!.kind === 'sub-number' && sub.label.includes('.') ? sub.label : `${label}.${sub.label}`,
    text: sub.text,
    parentText,
  }));
}

function sameLevel(marker: Marker | null, first: Marker): boolean {
  return marker !== null && marker.kind === first.kind && (marker.kind !== 'bullet' || marker.label === first.label);
}

/** Items written inline in one paragraph: `…, đó là: (1) Tập trung …. (2) Tăng cường …`, `1) …; 2) …`, `Thứ nhất, … Thứ hai, …`. */
function inlineNumbered(lines: string[]): Omit<BodySegments, 'closing'> | null {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const markers = [
      ...[...line.matchAll(/\((\d{1,3})\)\s*|(?<![\p{L}\p{N}/.,(])(\d{1,3})\)\s+/gu)].map((m) => ({ number: Number(m[1] ?? m[2]), index: m.index, after: m.index + m[0].length })),
      ...ordinalWordsIn(line),
    ].sort((a, b) => a.index - b.index);
    const sequence: typeof markers = [];
    for (const marker of markers) if (marker.number === sequence.length + 1) sequence.push(marker);
    if (sequence.length < 2) continue;
    const directives = sequence.map((marker, i) => ({
      ordinal: String(marker.number),
      text: line.slice(marker.after, sequence[i + 1]?.index ?? line.length).trim(),
      parentText: null,
    }));
    const after = assignedSentences(lines.slice(index + 1), directives.length);
    return { directives: [...directives, ...after], leadIn: joinLines([...lines.slice(0, index), line.slice(0, sequence[0]!.index)]) };
  }
  return null;
}

const sentenceEnd = /[.:;!?…]["”)]?$/u;

/**
 * Joins lines into text. A line that continues a sentence (it starts in lower case, or the line
 * before did not end one) joins with a space, which mends paragraphs cut by a page break;
 * other lines keep their own line.
 */
export function joinLines(lines: string[]): string {
  let text = '';
  let previous = '';
  let afterBlank = false;
  for (const line of lines) {
    if (line === '') {
      afterBlank = text !== '';
      continue;
    }
    if (text === '') text = line;
    else {
      // Only the end of the line before matters; testing the whole text so far would make a long body quadratic.
      const continues = /^\p{Ll}/u.test(line) || (!afterBlank && !sentenceEnd.test(previous.slice(-3)) && !markerOf(line));
      text += (continues ? ' ' : '\n') + line;
    }
    previous = line;
    afterBlank = false;
  }
  return text;
}
