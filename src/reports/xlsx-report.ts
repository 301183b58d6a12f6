/**
 * The .xlsx export: a summary sheet by unit, then one sheet per notice listing every
 * directive × unit. Headers are Vietnamese, header rows are frozen and filtered, dates are
 * real date cells (dd/mm/yyyy), and every cell holds a value, never a formula, so the file
 * reads the same in Excel, LibreOffice and a script. Each sheet is set up to print as an
 * office files it: A4 landscape, as many pages tall as it takes but one page wide, the header
 * row repeated on every page and the page numbered at the foot.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { dateParts, formatDdMmYyyy, type LocalDate } from '../domain/local-date.js';
import { cutToLength } from '../domain/short-text.js';
import type { LocalDateTime } from '../domain/zoned-time.js';
import { categoryLabels, extensionHistory, noticeName, resultText, roleLabels, stateLabels } from './labels.js';
import type { OfficeReport, ReportNotice, ReportRow } from './report-data.js';
import { resultCategories, tallyByUnit, type UnitTally } from './unit-tally.js';

type CellValue = string | number | Date | null;

/** A column of a sheet: its header, how wide it may grow, and how a row fills it. */
interface Column<T> {
  header: string;
  value(row: T): CellValue;
  /** Excel number format for dates and times. */
  format?: string;
  /** Widest the column grows, in characters; longer text wraps. Chosen so a sheet fits an A4 landscape page at a readable scale. */
  maxWidth?: number;
  /** A short code or count, centred so that it does not run into its neighbours when printed. */
  centred?: boolean;
}

const dateFormat = 'dd/mm/yyyy';
const dateTimeFormat = 'hh:mm dd/mm/yyyy';

const noticeColumns: Column<ReportRow & { index: number }>[] = [
  { header: 'STT', value: (row) => row.index, centred: true },
  { header: 'Nhiệm vụ', value: (row) => row.ordinal, centred: true },
  { header: 'Nội dung nhiệm vụ', value: (row) => row.directiveText, maxWidth: 38 },
  { header: 'Đơn vị', value: (row) => row.unitName, maxWidth: 20 },
  { header: 'Vai trò', value: (row) => roleLabels[row.role] },
  { header: 'Thời hạn', value: (row) => excelDate(row.due), format: dateFormat },
  { header: 'Trạng thái', value: (row) => stateLabels[row.state] },
  { header: 'Kết quả', value: (row) => categoryLabels[row.category], maxWidth: 16 },
  { header: 'Số ngày quá hạn', value: (row) => row.daysLate, maxWidth: 9, centred: true },
  { header: 'Ghi chú gần nhất', value: (row) => row.lastNote, maxWidth: 24 },
  { header: 'Người báo cáo', value: (row) => row.reporter, maxWidth: 16 },
  { header: 'Thời gian báo cáo', value: (row) => excelDateTime(row.reportedAt), format: dateTimeFormat },
  { header: 'Lịch sử gia hạn', value: (row) => extensionHistory(row.extensions) || null, maxWidth: 24 },
];

const summaryColumns: Column<UnitTally & { index: number }>[] = [
  { header: 'STT', value: (tally) => tally.index, centred: true },
  { header: 'Đơn vị', value: (tally) => tally.unitName, maxWidth: 40 },
  { header: 'Tổng số nhiệm vụ', value: (tally) => tally.total, maxWidth: 10 },
  { header: 'Chủ trì', value: (tally) => tally.lead },
  { header: 'Phối hợp', value: (tally) => tally.support },
  ...resultCategories.map((category): Column<UnitTally> => ({ header: categoryLabels[category], value: (tally) => tally.counts[category], maxWidth: 13 })),
  { header: 'Quá hạn lâu nhất (ngày)', value: (tally) => tally.maxDaysOverdue, maxWidth: 11 },
];

/**
 * Builds the workbook. It is streamed (exceljs' WorkbookWriter) rather than built in memory,
 * so an office with ten thousand rows stays within the time and memory budget.
 */
export async function buildXlsxReport(report: OfficeReport): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'dondoc';
  const asOf = `Số liệu tính đến ngày ${formatDdMmYyyy(report.today)}`;

  const tallies = tallyByUnit(report.notices.flatMap((notice) => notice.rows)).map((tally, i) => ({ ...tally, index: i + 1 }));
  writeTable(workbook, 'Tổng hợp theo đơn vị', [`Tổng hợp kết quả thực hiện theo đơn vị — ${report.officeName}`, asOf], summaryColumns, tallies);

  const usedNames = new Set<string>(['tổng hợp theo đơn vị']);
  for (const notice of report.notices) {
    const title = `${noticeName(notice)}${notice.title && notice.number ? ` — ${notice.title}` : ''}`;
    const rows = notice.rows.map((row, i) => ({ ...row, index: i + 1 }));
    writeTable(workbook, sheetName(notice, usedNames), [title, asOf], noticeColumns, rows);
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}

/**
 * Writes a sheet: title lines, one bold header row (frozen, filtered, repeated at the top of
 * every printed page), then one row per item.
 */
function writeTable<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, titles: string[], columns: Column<T>[], items: T[]): void {
  const headerRow = titles.length + 1;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      // One page wide, as many tall as the rows need (0: no limit), instead of columns cut onto pages of their own.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  const values = items.map((item) => columns.map((column) => column.value(item)));
  const widths = columns.map((column, c) => fittedWidth(column, values.map((row) => row[c] ?? null)));
  // Widths are fixed before the first row is committed: a streamed sheet cannot change them later.
  // Alignment sits on the columns, not on each row: exceljs resolves a style per styled cell.
  sheet.columns = columns.map((column, c) => ({ width: widths[c], style: { alignment: { vertical: 'top', wrapText: true, ...(column.centred ? { horizontal: 'center' as const } : {}) }, ...(column.format ? { numFmt: column.format } : {}) } }));
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + items.length, column: columns.length } };

  titles.forEach((title, i) => {
    const row = sheet.addRow([title]);
    row.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
    // A title runs across the columns; wrapped in column A's width it would stand a word per line.
    row.alignment = { vertical: 'middle', wrapText: false };
    row.commit();
  });
  const header = sheet.addRow(columns.map((column) => column.header));
  // Neither Excel nor LibreOffice grows a row to its wrapped text when opening a file, so rows
  // that wrap are given their height here, or their lines would print over one another.
  header.height = rowHeight(Math.max(...columns.map((column, c) => wrappedLines(column.header, widths[c]!))));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  for (const rowValues of values) {
    const row = sheet.addRow(rowValues);
    const lines = Math.max(...rowValues.map((value, c) => (typeof value === 'string' ? wrappedLines(value, widths[c]!) : 1)));
    if (lines > 1) row.height = rowHeight(lines);
    row.commit();
  }
  sheet.commit();
}

/**
 * A width that fits the header and the longest line of any value, within the column's maximum;
 * never narrower than the header's longest word, so a wrapped header is never cut mid-word.
 */
function fittedWidth(column: Column<unknown>, values: CellValue[]): number {
  const longestWord = Math.max(...column.header.split(' ').map((word) => word.length)) + 2;
  if (column.format) return Math.max(column.format.length + 3, longestWord);
  let widest = Math.min(column.header.length, 18);
  for (const value of values) {
    if (value === null) continue;
    for (const line of String(value).split('\n')) widest = Math.max(widest, line.length);
  }
  return Math.max(Math.min(widest + 2, column.maxWidth ?? 24), longestWord);
}

/**
 * How many lines a text takes in a wrapping cell `width` characters wide: its own lines, each
 * broken between words, a word longer than the cell between its letters. Counted in characters,
 * as Excel measures widths; a line too many only leaves a row a little tall.
 */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length > room) {
        lines += 1;
        used = 0;
      }
      const spilled = Math.floor(Math.max(0, word.length - 1) / room);
      lines += spilled;
      used = (used > 0 ? used + 1 : 0) + word.length - spilled * room;
    }
  }
  return lines;
}

/** Points for a row of `lines` lines of 11 pt text. */
const rowHeight = (lines: number) => 15 * lines;

/**
 * Excel dates have no time zone: exceljs writes a Date's UTC fields, so a local date or
 * wall-clock time is passed as that same reading in UTC.
 */
function excelDate(date: LocalDate | null): Date | null {
  if (!date) return null;
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function excelDateTime(time: LocalDateTime | null): Date | null {
  if (!time) return null;
  const { year, month, day } = dateParts(time.date);
  return new Date(Date.UTC(year, month - 1, day, time.hour, time.minute));
}

/** A unique sheet name within Excel's rules: 31 characters at most, none of `\ / ? * [ ] :`. */
function sheetName(notice: ReportNotice, used: Set<string>): string {
  const base = cutToLength((notice.number ? `TB ${notice.number}` : notice.shortLabel).replace(/[\\/?*[\]:]/g, '-'), 28);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base}~${n}`;
  used.add(name.toLowerCase());
  return name;
}
