/**
 * Cuts a notice's body into directives (nhiệm vụ). Notices number them `1.`, `1)`, `(1)` at a
 * line start or inline in one paragraph, group them under roman sections of which only the
 * tasks section counts, split them into `a)`/`b)` or `-` sub-items, or list them as bullets.
 * An item runs to the next item of its level, across blank lines and page breaks.
 */
import { romanNumber } from './calendar-dates.js';

/** A directive's text before units and deadlines are read from it. */
export interface DirectiveSegment {
  ordinal: string;
  text: string;
  /** For a sub-item: its parent's text before the sub-items (`Giao Phòng Tài chính - Kế hoạch:`), which it inherits units and deadline from. */
  parentText: string | null;
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
const subNumberLine = /^(\d{1,2})\.(\d{1,2})\.?\s+(.*)$/u;
const numberLine = /^(?:(\d{1,2})\s*[.)]|\((\d{1,2})\))\s*(\S.*)$/u;
const letterLine = /^([a-zđ])\s*[).]\s+(.*)$/u;
const bulletLine = /^[-–•+*]\s*(.*)$/u;
/** The closing paragraph: `Trên đây là kết luận …`, `Văn phòng … thông báo để các cơ quan … thực hiện`. */
const closingLine = /^(?:Trên đây(?![\p{L}\p{N}])|[^.:;]{0,150}? thông báo (?:để|đến|cho) )/u;

const taskHeading = /^(?:các |một số )?(?:nhiệm vụ|giải pháp|phương hướng|kết luận|ý kiến kết luận|chỉ đạo|tổ chức thực hiện|thời gian tới)/iu;
const taskWords = /nhiệm vụ|giải pháp|chỉ đạo|kết luận|phương hướng|thời gian tới|đề nghị|yêu cầu|giao|triển khai|thực hiện|tập trung/iu;
const evaluationWords = /đánh giá|kết quả|tình hình|ưu điểm|hạn chế|tồn tại|đạt được|khó khăn|nguyên nhân|thuận lợi|kiến nghị|đề xuất/iu;
const introducesTasks = /(?:nhiệm vụ|giải pháp|sau|như sau|cụ thể|những việc|nội dung)[^.:]{0,40}:\s*$/iu;

function markerOf(line: string): Marker | null {
  let m = romanLine.exec(line);
  if (m && romanNumber(m[1]!) !== null && m[2]) return { kind: 'roman', label: m[1]!, rest: m[2] };
  m = subNumberLine.exec(line);
  if (m) return { kind: 'sub-number', label: m[2]!, rest: m[3]! };
  m = numberLine.exec(line);
  if (m) return { kind: 'number', label: m[1] ?? m[2]!, rest: m[3]! };
  m = letterLine.exec(line);
  if (m) return { kind: 'letter', label: m[1]!, rest: m[2]! };
  m = bulletLine.exec(line);
  return m?.[1] ? { kind: 'bullet', label: '', rest: m[1] } : null;
}

/** Cuts the body lines into directives. */
export function segmentBody(body: string[], hasOwnDeadline: (text: string) => boolean): BodySegments {
  const closingAt = body.findIndex((line) => closingLine.test(line));
  const main = closingAt >= 0 ? body.slice(0, closingAt) : body;
  const closing = closingAt >= 0 ? joinLines(body.slice(closingAt)) : '';
  const sections = romanSections(main);
  if (sections.length === 0) return { ...segmentItems(main, hasOwnDeadline), closing };
  const chosen = chooseTaskSections(sections);
  const perSection = chosen.map((section) => ({ section, ...segmentItems(section.lines, hasOwnDeadline) }));
  const prefix = perSection.filter((s) => s.directives.length > 0).length > 1;
  const firstChosen = sections.indexOf(chosen[0]!);
  return {
    directives: perSection.flatMap(({ section, directives }) => directives.map((d) => (prefix ? { ...d, ordinal: `${section.label}.${d.ordinal}` } : d))),
    leadIn: joinLines([...main.slice(0, sections[0]!.start), ...sections.slice(0, firstChosen + 1).flatMap((s) => [s.heading])]) + (perSection[0] ? `\n${perSection[0].leadIn}` : ''),
    closing,
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

/** Items of one level: numbered if any, else inline `(1) … (2) …`, else bullets after a lead-in. */
function segmentItems(lines: string[], hasOwnDeadline: (text: string) => boolean): Omit<BodySegments, 'closing'> {
  const numbered = numberedRuns(lines);
  if (numbered.length > 0) return itemsFromRuns(lines, numbered, hasOwnDeadline);
  const inline = inlineNumbered(lines);
  if (inline) return inline;
  const bullets = bulletRuns(lines);
  if (bullets.length > 0) return itemsFromRuns(lines, bullets, hasOwnDeadline);
  return { directives: [], leadIn: joinLines(lines) };
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

/** Runs of `1.`, `2.` …: a new run starts when the numbering restarts or skips. */
function numberedRuns(lines: string[]): Run[] {
  const runs: Run[] = [];
  let previous = 0;
  lines.forEach((line, index) => {
    const marker = markerOf(line);
    if (marker?.kind !== 'number') return;
    const n = Number(marker.label);
    const current = runs[runs.length - 1];
    if (!current || n !== previous + 1) runs.push({ starts: [index], labels: [marker.label], leadInStart: leadInStartBefore(lines, index), end: lines.length });
    else {
      current.starts.push(index);
      current.labels.push(marker.label);
    }
    previous = n;
  });
  // A run's last item reaches to the next run's lead-in, even when that run is not chosen.
  runs.forEach((run, i) => {
    run.end = runs[i + 1]?.leadInStart ?? lines.length;
  });
  return chooseTaskRuns(lines, runs);
}

/** Bullet directives are the bullets after a lead-in that introduces tasks; earlier bullets list results. */
function bulletRuns(lines: string[]): Run[] {
  const runs: Run[] = [];
  let open = false;
  lines.forEach((line, index) => {
    const current = runs[runs.length - 1];
    if (markerOf(line)?.kind !== 'bullet') {
      // Lower-case lines continue the bullet above; any other paragraph ends the list.
      if (line !== '' && !/^\p{Ll}/u.test(line)) open = false;
      else if (open && current && line !== '') current.end = index + 1;
      return;
    }
    if (!current || !open) runs.push({ starts: [index], labels: ['1'], leadInStart: leadInStartBefore(lines, index), end: index + 1 });
    else {
      current.starts.push(index);
      current.labels.push(String(current.starts.length));
      current.end = index + 1;
    }
    open = true;
  });
  return chooseTaskRuns(lines, runs);
}

/** The lead-in of a run is the paragraph just before it when that paragraph ends with `:`. */
function leadInStartBefore(lines: string[], index: number): number {
  let i = index - 1;
  while (i >= 0 && lines[i] === '') i -= 1;
  return i >= 0 && /:\s*$/u.test(lines[i]!) && !markerOf(lines[i]!) ? i : index;
}

function chooseTaskRuns(lines: string[], runs: Run[]): Run[] {
  const leadInOf = (run: Run) => (run.leadInStart < run.starts[0]! ? lines[run.leadInStart]! : '');
  const notEvaluation = runs.filter((run) => introducesTasks.test(leadInOf(run)) || !evaluationWords.test(leadInOf(run)));
  const introduced = notEvaluation.filter((run) => introducesTasks.test(leadInOf(run)));
  return introduced.length > 0 ? introduced : notEvaluation;
}

function itemsFromRuns(lines: string[], runs: Run[], hasOwnDeadline: (text: string) => boolean): Omit<BodySegments, 'closing'> {
  const directives: DirectiveSegment[] = [];
  for (const run of runs) {
    run.starts.forEach((start, i) => {
      const itemLines = [markerOf(lines[start]!)!.rest, ...lines.slice(start + 1, run.starts[i + 1] ?? run.end)];
      directives.push(...splitSubItems(run.labels[i]!, itemLines, hasOwnDeadline));
    });
  }
  return { directives, leadIn: joinLines(lines.slice(0, runs[0]!.starts[0])) };
}

/**
 * Sub-items (`a)`, `1.1`, `-`) become directives of their own when one of them has its own
 * deadline: then each is a task a unit reports on separately. Otherwise they stay in their
 * parent's text.
 */
function splitSubItems(label: string, itemLines: string[], hasOwnDeadline: (text: string) => boolean): DirectiveSegment[] {
  const whole = { ordinal: label, text: joinLines(itemLines), parentText: null };
  const subKind = itemLines.map((line) => markerOf(line)?.kind).find((kind) => kind === 'letter' || kind === 'sub-number' || kind === 'bullet');
  if (!subKind) return [whole];
  const starts = itemLines.flatMap((line, index) => (index > 0 && markerOf(line)?.kind === subKind ? [index] : []));
  if (starts.length === 0) return [whole];
  const subItems = starts.map((start, i) => {
    const marker = markerOf(itemLines[start]!)!;
    return { label: subKind === 'bullet' ? String(i + 1) : marker.label, text: joinLines([marker.rest, ...itemLines.slice(start + 1, starts[i + 1] ?? itemLines.length)]) };
  });
  if (!subItems.some((sub) => hasOwnDeadline(sub.text))) return [whole];
  const parentText = joinLines(itemLines.slice(0, starts[0]));
  return subItems.map((sub) => ({ ordinal: `${label}.${sub.label}`, text: sub.text, parentText }));
}

/** Items written inline in one paragraph: `…, đó là: (1) Tập trung …. (2) Tăng cường …`. */
function inlineNumbered(lines: string[]): Omit<BodySegments, 'closing'> | null {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const markers = [...line.matchAll(/\((\d{1,2})\)\s*/gu)];
    const sequence: RegExpMatchArray[] = [];
    for (const marker of markers) if (Number(marker[1]) === sequence.length + 1) sequence.push(marker);
    if (sequence.length < 2) continue;
    const directives = sequence.map((marker, i) => ({
      ordinal: marker[1]!,
      text: line.slice(marker.index! + marker[0].length, sequence[i + 1]?.index ?? line.length).trim(),
      parentText: null,
    }));
    return { directives, leadIn: joinLines([...lines.slice(0, index), line.slice(0, sequence[0]!.index)]) };
  }
  return null;
}

/**
 * Joins lines into text. A line that continues a sentence (it starts in lower case, or the line
 * before did not end one) joins with a space, which mends paragraphs cut by a page break;
 * other lines keep their own line.
 */
export function joinLines(lines: string[]): string {
  let text = '';
  let afterBlank = false;
  for (const line of lines) {
    if (line === '') {
      afterBlank = text !== '';
      continue;
    }
    if (text === '') text = line;
    else {
      const continues = /^\p{Ll}/u.test(line) || (!afterBlank && !/[.:;!?…]["”)]?$/u.test(text) && !markerOf(line));
      text += (continues ? ' ' : '\n') + line;
    }
    afterBlank = false;
  }
  return text;
}
