/**
 * Word (.docx) notices. Word keeps automatic list numbers out of the text (`1.`, `a)` live in
 * `word/numbering.xml`), so a plain extraction loses exactly what the parser needs to find the
 * directives. This reader renders each numbered paragraph's label back into its text.
 *
 * Tables come out one line per row, cells separated by ` | ` (the form a table flattened to
 * text takes too), so that a task table (STT | Nội dung | Đơn vị chủ trì | …) keeps its rows.
 * A two-column layout table (issuer beside the motto, `Nơi nhận` beside the signature) keeps
 * one paragraph a line, as the header and footer readers expect.
 *
 * The archive is opened with its central directory's declared sizes checked first, and only
 * the two parts we need are inflated: a zip bomb is refused before it can take memory.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { NoticeFileError } from './notice-file-error.js';

const DOCUMENT_PART = 'word/document.xml';
const NUMBERING_PART = 'word/numbering.xml';
/** A 200-page notice's document.xml is a few MB; anything declaring more than this is not a notice. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Real XML compresses about 5–20×; a thousandfold ratio is built to explode. */
const MAX_COMPRESSION_RATIO = 300;
/** Word's list levels are 0 to 8; a numbering part naming level 1,000,000,000 would otherwise size an array by it. */
const MAX_LIST_LEVEL = 8;
/** Word's largest list start (`w:start`, `w:startOverride`); -100, 1e11 or Infinity become the nearest of 0 and this. */
const MAX_LIST_START = 32_767;
/** A real label (`%1.%2.%3.`) is a few characters; one of 20,000 placeholders would be drawn before every paragraph. */
const MAX_LABEL_TEXT = 32;
/** Past this, letter labels (`aaaa…`) and roman ones are drawn as digits, as no real list reaches them. */
const MAX_LETTER_VALUE = 26 * 4;
const MAX_ROMAN_VALUE = 3_999;

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const xml = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

/** Extracts a .docx notice's text, one paragraph a line, with Word's list labels. */
export function readDocxFile(bytes: Uint8Array): string {
  const parts = unzipParts(bytes);
  const document = parts[DOCUMENT_PART];
  if (!document) throw new NoticeFileError('corrupt', 'Tệp .docx không có nội dung văn bản (thiếu word/document.xml): tệp có thể bị hỏng.');
  const numbering = parts[NUMBERING_PART] ? readNumbering(parseXml(parts[NUMBERING_PART])) : new Map<string, ListLevel[]>();
  const lines: string[] = [];
  const counters = new Map<string, number[]>();
  const paragraph = (node: XmlNode) => renderParagraph(node, numbering, counters);
  try {
    walk(parseXml(document), (node) => {
      if (nameOf(node) === 'w:p') lines.push(paragraph(node));
      else for (const line of renderTable(node, paragraph)) lines.push(line);
    });
  } catch (error) {
    // Elements nested thousands deep exhaust the stack while the tree is walked: no Word file is built so.
    if (error instanceof RangeError) throw new NoticeFileError('corrupt', 'Nội dung tệp .docx có cấu trúc bất thường (lồng nhau quá sâu): hãy mở và lưu lại bằng Word rồi gửi lại.');
    throw error;
  }
  return lines.join('\n');
}

function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const inspect = (file: UnzipFileInfo): boolean => {
    if (file.name !== DOCUMENT_PART && file.name !== NUMBERING_PART) return false;
    if (file.originalSize > MAX_PART_BYTES || file.originalSize > Math.max(file.size, 1) * MAX_COMPRESSION_RATIO) {
      throw new NoticeFileError('zip-bomb', 'Tệp .docx có cấu trúc bất thường (dung lượng giải nén quá lớn) nên không được mở.');
    }
    return true;
  };
  try {
    return unzipSync(bytes, { filter: inspect });
  } catch (error) {
    if (error instanceof NoticeFileError) throw error;
    throw new NoticeFileError('corrupt', 'Tệp .docx bị hỏng hoặc không đúng định dạng Word: hãy mở và lưu lại bằng Word rồi gửi lại.');
  }
}

function parseXml(bytes: Uint8Array): XmlNode[] {
  try {
    return xml.parse(new TextDecoder('utf-8').decode(bytes)) as XmlNode[];
  } catch {
    throw new NoticeFileError('corrupt', 'Nội dung tệp .docx bị hỏng (XML không hợp lệ): hãy mở và lưu lại bằng Word rồi gửi lại.');
  }
}

/** The element name of a preserve-order node (`w:p`), or null for text. */
function nameOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  return name ? ((node[name] as XmlNode[] | undefined) ?? []) : [];
}

function attribute(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[name];
}

function findChild(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((child) => nameOf(child) === name);
}

/** Visits every top-level paragraph and table (`w:tbl`) in document order. */
function walk(nodes: XmlNode[], onBlock: (block: XmlNode) => void): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === 'w:p' || name === 'w:tbl') onBlock(node);
    else walk(childrenOf(node), onBlock);
  }
}

/** A cell of a table row: its paragraphs, how many grid columns it spans, and whether it continues a vertical merge. */
interface Cell {
  paragraphs: string[];
  span: number;
  mergedDown: boolean;
}

/**
 * A table's lines. A task table gives one line per row, its cells joined by ` | `: a cell's
 * paragraphs joined by spaces, a cell spanning several columns followed by empty cells so the
 * columns stay aligned, and a cell continuing a vertical merge (one lead unit for several tasks)
 * repeating the text above it. A layout table of one or two columns gives its paragraphs cell by cell.
 */
function renderTable(table: XmlNode, paragraph: (node: XmlNode) => string): string[] {
  const rows = childrenOf(table)
    .filter((node) => nameOf(node) === 'w:tr')
    .map((row) => childrenOf(row).filter((node) => nameOf(node) === 'w:tc').map((cell) => readCell(cell, paragraph)));
  const columns = rows.reduce((widest, cells) => Math.max(widest, cells.reduce((sum, cell) => sum + cell.span, 0)), 0);
  if (columns < 3 && !rows.some((cells) => cells.some((cell) => /^(?:STT|TT)$/iu.test(cell.paragraphs.join(' ').trim())))) {
    return rows.flatMap((cells) => cells.flatMap((cell) => cell.paragraphs));
  }
  const above: string[] = [];
  return rows.map((cells) => {
    const texts: string[] = [];
    for (const cell of cells) {
      const column = texts.length;
      const text = cell.mergedDown ? (above[column] ?? '') : cell.paragraphs.map((p) => p.trim()).filter(Boolean).join(' ');
      texts.push(text, ...Array<string>(cell.span - 1).fill(''));
    }
    texts.forEach((text, column) => {
      above[column] = text;
    });
    return texts.join(' | ').replace(/ {2,}/gu, ' ').trimEnd();
  });
}

function readCell(cell: XmlNode, paragraph: (node: XmlNode) => string): Cell {
  const properties = findChild(cell, 'w:tcPr') ?? {};
  const span = Math.max(1, Math.min(64, Number(attribute(findChild(properties, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1));
  const merge = findChild(properties, 'w:vMerge');
  // `<w:vMerge/>` without a value continues the merge; `w:val="restart"` opens it.
  const mergedDown = merge !== undefined && attribute(merge, 'w:val') !== 'restart';
  const paragraphs: string[] = [];
  // A nested table's rows read as more paragraphs of the cell.
  walk(childrenOf(cell), (node) => {
    if (nameOf(node) === 'w:p') paragraphs.push(paragraph(node).replace(/\s*\n\s*/gu, ' '));
    else for (const line of renderTable(node, paragraph)) paragraphs.push(line);
  });
  return { paragraphs, span, mergedDown };
}

function renderParagraph(paragraph: XmlNode, numbering: Map<string, ListLevel[]>, counters: Map<string, number[]>): string {
  let text = '';
  const collect = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'w:t') text += childrenOf(node).map((child) => String(child['#text'] ?? '')).join('');
      else if (name === 'w:tab') text += ' ';
      else if (name === 'w:br' || name === 'w:cr') text += attribute(node, 'w:type') === 'page' ? '\f' : '\n';
      else if (name !== 'w:pPr' && name !== 'w:rPr' && name !== 'w:instrText' && name !== 'w:delText') collect(childrenOf(node));
    }
  };
  collect(childrenOf(paragraph));
  const label = listLabel(paragraph, numbering, counters);
  return label ? `${label} ${text}` : text;
}

interface ListLevel {
  start: number;
  format: string;
  text: string;
}

/** numId → the levels of its abstract list, with `w:startOverride` applied. */
function readNumbering(nodes: XmlNode[]): Map<string, ListLevel[]> {
  const root = nodes.find((node) => nameOf(node) === 'w:numbering');
  if (!root) return new Map();
  const abstracts = new Map<string, ListLevel[]>();
  for (const node of childrenOf(root).filter((child) => nameOf(child) === 'w:abstractNum')) {
    const levels: ListLevel[] = [];
    for (const level of childrenOf(node).filter((child) => nameOf(child) === 'w:lvl')) {
      const index = levelIndexOf(attribute(level, 'w:ilvl'));
      if (index !== null) levels[index] = readLevel(level);
    }
    abstracts.set(attribute(node, 'w:abstractNumId') ?? '', levels);
  }
  const lists = new Map<string, ListLevel[]>();
  for (const num of childrenOf(root).filter((child) => nameOf(child) === 'w:num')) {
    const abstractId = attribute(findChild(num, 'w:abstractNumId') ?? {}, 'w:val') ?? '';
    const levels = [...(abstracts.get(abstractId) ?? [])];
    for (const override of childrenOf(num).filter((child) => nameOf(child) === 'w:lvlOverride')) {
      const index = levelIndexOf(attribute(override, 'w:ilvl'));
      const start = attribute(findChild(override, 'w:startOverride') ?? {}, 'w:val');
      if (start !== undefined && index !== null && levels[index]) levels[index] = { ...levels[index], start: listStart(start) };
    }
    lists.set(attribute(num, 'w:numId') ?? '', levels);
  }
  return lists;
}

function readLevel(level: XmlNode): ListLevel {
  const value = (name: string) => attribute(findChild(level, name) ?? {}, 'w:val');
  return { start: listStart(value('w:start') ?? '1'), format: value('w:numFmt') ?? 'decimal', text: (value('w:lvlText') ?? '').slice(0, MAX_LABEL_TEXT) };
}

/** A list level `0`–`8` as written in `w:ilvl` (absent means 0), or null for any other. */
function levelIndexOf(value: string | undefined): number | null {
  const index = Number(value ?? 0);
  return Number.isInteger(index) && index >= 0 && index <= MAX_LIST_LEVEL ? index : null;
}

function listStart(value: string): number {
  const start = Math.trunc(Number(value));
  return Number.isNaN(start) ? 1 : Math.min(Math.max(start, 0), MAX_LIST_START);
}

/** The label Word would draw before a list paragraph (`2.`, `b)`, `II.`, `-`), advancing the list's counters. */
function listLabel(paragraph: XmlNode, numbering: Map<string, ListLevel[]>, counters: Map<string, number[]>): string | null {
  const numPr = findChild(findChild(paragraph, 'w:pPr') ?? {}, 'w:numPr');
  if (!numPr) return null;
  const numId = attribute(findChild(numPr, 'w:numId') ?? {}, 'w:val');
  const levelIndex = levelIndexOf(attribute(findChild(numPr, 'w:ilvl') ?? {}, 'w:val'));
  const levels = numId ? numbering.get(numId) : undefined;
  const level = levelIndex === null ? undefined : levels?.[levelIndex];
  if (!levels || !level || levelIndex === null) return null;
  const counts = counters.get(numId!) ?? [];
  counts[levelIndex] = (counts[levelIndex] ?? level.start - 1) + 1;
  counts.length = levelIndex + 1; // deeper levels restart under a new parent item
  counters.set(numId!, counts);
  if (level.format === 'bullet') return '-';
  if (level.format === 'none') return null;
  return level.text.replace(/%(\d)/g, (_, n: string) => {
    const index = Number(n) - 1;
    const shown = levels[index];
    return shown ? formatNumber(counts[index] ?? shown.start, shown.format) : '';
  });
}

function formatNumber(value: number, format: string): string {
  // Letters and roman numerals have no zero or negative, and past their range would be long runs of one letter.
  const outOfRange = value < 1 || value > (format.endsWith('Roman') ? MAX_ROMAN_VALUE : MAX_LETTER_VALUE);
  switch (outOfRange && /Letter$|Roman$/u.test(format) ? 'decimal' : format) {
    case 'lowerLetter':
      return letters(value).toLowerCase();
    case 'upperLetter':
      return letters(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperRoman':
      return roman(value);
    case 'decimalZero':
      return String(value).padStart(2, '0');
    default:
      return String(value);
  }
}

function letters(value: number): string {
  // Word repeats the letter past z: aa, bb, …
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const numerals: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}
