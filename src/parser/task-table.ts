/**
 * Task tables: the annex or body table that assigns work row by row,
 * `STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành`. Word tables reach
 * the parser in this form (see files/read-docx.ts), and so do tables pasted as text with `|` or
 * tabs. A row may wrap over several lines: a line without its own STT continues the row above,
 * cell by cell, or its Nội dung when it is plain text.
 *
 * One pass over the lines, each line split once: linear in the size of the notice.
 */
import { foldVietnamese } from '../domain/vietnamese-text.js';

/** The columns of a task row beside its content, as written (`UBND các xã`, `Trước 30/6/2024`). */
export interface TaskCells {
  lead?: string;
  support?: string;
  due?: string;
}

/** One task of a table: its STT, its Nội dung and its other cells. */
export interface TaskRow {
  ordinal: string;
  text: string;
  cells: TaskCells;
}

/** A task table found in a notice's lines: `start` is its header line, `end` the line after its last row. */
export interface TaskTable {
  start: number;
  end: number;
  rows: TaskRow[];
}

type Column = 'ordinal' | 'content' | 'lead' | 'support' | 'due' | 'other';

/** What a header cell names, matched on folded words so that `Đơn vị chủ trì` and `Don vi chu tri` agree. */
function columnOf(header: string): Column {
  const folded = foldVietnamese(header).replace(/[^a-z0-9/ ]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (/^(?:stt|tt|so tt|so thu tu)$/u.test(folded)) return 'ordinal';
  if (/phoi hop/u.test(folded)) return 'support';
  if (/thoi gian|thoi han|tien do|han hoan thanh|ngay hoan thanh/u.test(folded)) return 'due';
  // `Lãnh đạo phụ trách` names a person who follows the task, not the unit that leads it.
  if (/chu tri|don vi|co quan|dau moi|trach nhiem|nguoi thuc hien/u.test(folded)) return 'lead';
  if (/noi dung|nhiem vu|cong viec|giai phap|van de/u.test(folded)) return 'content';
  return 'other';
}

/** A row's STT: `1`, `01`, `12.`; the ordinal drops the punctuation. */
const rowNumber = /^(\d{1,4})[.)]?$/u;
/** A group row inside the table: `I`, `II.`, `A`, or a title spanning the row (`I. LĨNH VỰC NÔNG NGHIỆP`). */
const groupLabel = /^([IVX]{1,5}|[A-Z]|\d{1,2})[.)]?(?:\s|$)/u;
/** The STT of a group row: `I`, `II.`, `A`. */
const groupNumber = /^([IVX]{1,5}|[A-Z])[.)]?$/u;
const separatorRow = /^\|?\s*:?-{2,}/u;

const MAX_COLUMNS = 16;

interface Header {
  columns: Column[];
  /** Markdown-style rows open and close with `|`, so their first and last pieces are not cells. */
  edged: boolean;
}

function splitCells(line: string, edged: boolean): string[] {
  let inner = line;
  if (edged) inner = inner.replace(/^\|/u, '').replace(/\|$/u, '');
  return inner.split('|').map((cell) => cell.trim());
}

function readHeader(line: string): Header | null {
  if (!line.includes('|')) return null;
  const edged = line.startsWith('|');
  const cells = splitCells(line, edged);
  // A real task table has a handful of columns; hundreds of `|` are not a header, and would make every row cost as much.
  if (cells.length > MAX_COLUMNS) return null;
  const columns = cells.map(columnOf);
  const has = (column: Column) => columns.includes(column);
  // A header block (`UBND TỈNH X | CỘNG HÒA …`) names no content; a task table names its content and who or when.
  if (!has('content') || !(has('lead') || has('due') || has('support'))) return null;
  return { columns, edged };
}

/** A second header line under the first, finishing its cells: `| | chủ trì | phối hợp | hoàn thành`. */
function headerContinuation(line: string, header: Header): boolean {
  if (!line.includes('|')) return false;
  const cells = splitCells(line, header.edged);
  return cells.every((cell) => !/\d/u.test(cell) && cell.split(' ').length <= 4) && cells.some((cell) => cell !== '') && !rowNumber.test(cells[0] ?? '');
}

/** Finds the task tables among the lines, in order. */
export function findTaskTables(lines: readonly string[]): TaskTable[] {
  const tables: TaskTable[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let header = readHeader(lines[i]!);
    if (!header) continue;
    let next = i + 1;
    if (next < lines.length && headerContinuation(lines[next]!, header)) {
      const first = splitCells(lines[i]!, header.edged);
      const second = splitCells(lines[next]!, header.edged);
      // A Word header merged down repeats its cell in the second row (`STT` over `STT`): it is said once.
      header = { edged: header.edged, columns: first.map((cell, c) => columnOf(second[c] === cell ? cell : `${cell} ${second[c] ?? ''}`)) };
      next += 1;
    }
    const table = readRows(lines, i, next, header);
    if (table.rows.length > 0) tables.push(table);
    i = table.end - 1;
  }
  return tables;
}

interface OpenRow {
  ordinal: string;
  group: string | null;
  cells: string[];
  /** How many cells the row's lines have given so far; fewer than the header's means a cell is still open. */
  filled: number;
}

function readRows(lines: readonly string[], start: number, first: number, header: Header): TaskTable {
  const { columns } = header;
  const ordinalColumn = columns.indexOf('ordinal');
  const contentColumn = columns.indexOf('content');
  const rows: OpenRow[] = [];
  let group: string | null = null;
  let end = first;
  let afterBlank = false;
  const appendTo = (row: OpenRow, column: number, text: string) => {
    if (text === '' || column < 0 || column >= columns.length) return;
    row.cells[column] = row.cells[column] ? `${row.cells[column]} ${text}` : text;
  };
  for (let i = first; i < lines.length; i += 1) {
    const line = lines[i]!;
    const current = rows[rows.length - 1];
    if (line === '') {
      afterBlank = true;
      continue;
    }
    if (separatorRow.test(line)) continue;
    if (!line.includes('|')) {
      // Plain text continues a row's open cell, or in lower case the Nội dung of a finished row; a sentence of its own ends the table.
      const open = current !== undefined && current.filled < columns.length;
      if (!current || (!/^\p{Ll}/u.test(line) && (afterBlank || !open))) break;
      appendTo(current, open ? current.filled - 1 : contentColumn, line);
      end = i + 1;
      afterBlank = false;
      continue;
    }
    afterBlank = false;
    end = i + 1;
    const cells = splitCells(line, header.edged);
    const filled = cells.filter((cell) => cell !== '');
    const stt = ordinalColumn >= 0 ? (cells[ordinalColumn] ?? '') : '';
    const number = rowNumber.exec(stt);
    if (number || (ordinalColumn < 0 && cells[contentColumn] && /^\P{Ll}/u.test(cells[contentColumn]!))) {
      const ordinal = number ? String(Number(number[1])) : String(rows.length + 1);
      rows.push({ ordinal, group, cells: cells.slice(0, columns.length), filled: cells.length });
      continue;
    }
    const titled = filled.length === 1 && filled[0] === filled[0]!.toUpperCase() ? groupLabel.exec(filled[0]!) : null;
    const grouped = groupNumber.exec(stt) ?? titled;
    if (grouped) {
      group = grouped[1]!;
      continue;
    }
    if (!current) continue;
    if (cells.length >= columns.length) cells.forEach((cell, column) => appendTo(current, column, cell));
    else if (current.filled < columns.length) {
      // The open cell goes on in this line's first piece; the rest are the row's next cells.
      appendTo(current, current.filled - 1, cells[0]!);
      cells.slice(1).forEach((cell, k) => appendTo(current, current.filled + k, cell));
      current.filled += cells.length - 1;
    } else cells.forEach((cell, k) => appendTo(current, contentColumn + k, cell));
  }
  return { start, end, rows: finishRows(rows, columns) };
}

function finishRows(rows: OpenRow[], columns: Column[]): TaskRow[] {
  const cellOf = (row: OpenRow, column: Column) => {
    const index = columns.indexOf(column);
    const text = index >= 0 ? row.cells[index]?.trim() : undefined;
    return text ? text : undefined;
  };
  // Numbering that restarts in each group (`I`: 1, 2; `II`: 1, 2) keeps ordinals apart with the group's label.
  const restarts = new Set(rows.map((row) => row.ordinal)).size < rows.length;
  return rows
    .filter((row) => cellOf(row, 'content'))
    .map((row) => {
      const cells: TaskCells = {};
      const lead = cellOf(row, 'lead');
      const support = cellOf(row, 'support');
      const due = cellOf(row, 'due');
      if (lead) cells.lead = lead;
      if (support) cells.support = support;
      if (due) cells.due = due;
      return { ordinal: restarts && row.group ? `${row.group}.${row.ordinal}` : row.ordinal, text: cellOf(row, 'content')!, cells };
    });
}
