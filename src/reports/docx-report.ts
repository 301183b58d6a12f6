/**
 * The official report: "BÁO CÁO Kết quả thực hiện Thông báo số …", laid out as Nghị định
 * 30/2020/NĐ-CP prescribes for administrative documents: A4, margins 20 mm top and bottom,
 * 30 mm left, 15 mm right; Times New Roman 13–14 pt; the national motto and issuer side by
 * side; number and date line; title; body with a results table; "Nơi nhận" and the signature
 * block. The number and the signer are left blank for the office to fill in when it signs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { dateParts, type LocalDate } from '../domain/local-date.js';
import { categoryLabels, dateText, noticeName, resultText, roleLabels } from './labels.js';
import type { OfficeReport, ReportNotice, ReportRow } from './report-data.js';
import { blockerAge, openBlockersOf } from './blockers.js';
import type { BlockedItem } from '../domain/progress-report.js';
import { countByCategory, resultCategories } from './unit-tally.js';
import { groupBy } from '../domain/group-by.js';

/** Sizes in half-points, as Word counts them. */
const pt = (points: number) => points * 2;
const font = 'Times New Roman';
/** Millimetres in twips, rounded (docx's own helper truncates, which makes A4 a twip short). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** A4 minus the 30 mm and 15 mm side margins. */
const textWidth = mm(210 - 30 - 15);

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

/** Builds the .docx report of the notices in `report` (usually one). */
export async function buildDocxReport(report: OfficeReport): Promise<Buffer> {
  const single = report.notices.length === 1 ? report.notices[0] : undefined;
  const subject = single ? `Kết quả thực hiện ${citation(single)}` : 'Kết quả thực hiện các Thông báo kết luận';
  const document = new Document({
    creator: 'dondoc',
    title: `Báo cáo ${subject}`,
    styles: { default: { document: { run: { font, size: pt(14) }, paragraph: { spacing: { after: 120 } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [
          nationalHeader(report),
          centred([{ text: 'BÁO CÁO', bold: true, size: pt(14) }], 360),
          centred([{ text: subject, bold: true, size: pt(14) }]),
          centred([{ text: '—————', size: pt(14) }]),
          ...body(report, single),
          signatureBlock(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Issuer and number on the left, the national motto and the date line on the right. */
function nationalHeader(report: OfficeReport): Table {
  return twoColumns(
    [
      centred([{ text: report.officeName.toUpperCase(), bold: true, size: pt(13) }], 0),
      centred([{ text: '———', size: pt(13) }], 0),
      centred([{ text: 'Số:        /BC-', size: pt(13) }], 0),
    ],
    [
      centred([{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: pt(12) }], 0),
      centred([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: pt(14) }], 0),
      centred([{ text: '———————————', size: pt(13) }], 0),
      centred([{ text: dateLine(report.today), italics: true, size: pt(14) }], 0),
    ],
    0.38,
  );
}

/** "……, ngày 05 tháng 4 năm 2021": days under 10 and months 1–2 take a leading zero (NĐ 30/2020). */
function dateLine(date: LocalDate): string {
  const { year, month, day } = dateParts(date);
  return `……, ngày ${String(day).padStart(2, '0')} tháng ${month <= 2 ? `0${month}` : month} năm ${year}`;
}

function body(report: OfficeReport, single: ReportNotice | undefined): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [];
  if (single) {
    const about = subjectOf(single);
    parts.push(justified(`Thực hiện ${citation(single)}${single.issuer ? ` của ${single.issuer}` : ''}${about ? ` về ${about}` : ''}, ${report.officeName} báo cáo kết quả thực hiện tính đến ngày ${dateText(report.today)} như sau:`));
  }
  else parts.push(justified(`${report.officeName} báo cáo kết quả thực hiện các Thông báo kết luận tính đến ngày ${dateText(report.today)} như sau:`));
  report.notices.forEach((notice, i) => {
    if (!single) {
      const about = subjectOf(notice);
      parts.push(heading(`${i + 1}. ${noticeName(notice)}${about ? `: ${about}` : ''}`));
    }
    parts.push(...noticeSection(notice, report.today));
  });
  parts.push(justified(`Trên đây là báo cáo ${single ? `kết quả thực hiện ${noticeName(single)}` : 'kết quả thực hiện các Thông báo kết luận'} của ${report.officeName}./.`));
  return parts;
}

/** "Thông báo số 12/TB-BCĐ ngày 06/03/2021": the notice as the report cites it; a name without a number already carries its date. */
function citation(notice: ReportNotice): string {
  return `${noticeName(notice)}${notice.number && notice.issuedOn ? ` ngày ${dateText(notice.issuedOn)}` : ''}`;
}

/** What the notice is about, unless its name already says it: a title is written once, never after itself. */
function subjectOf(notice: ReportNotice): string | null {
  return notice.title && !noticeName(notice).includes(notice.title) ? notice.title : null;
}

function noticeSection(notice: ReportNotice, today: LocalDate): (Paragraph | Table)[] {
  const counts = countByCategory(notice.rows);
  const units = new Set(notice.rows.map((row) => row.unitId)).size;
  const overdue = notice.rows.filter((row) => row.category === 'OVERDUE');
  return [
    heading('Kết quả chung'),
    justified(`Tổng số ${notice.rows.length} lượt nhiệm vụ giao cho ${units} đơn vị; trong đó: ${resultCategories.map((category) => `${categoryLabels[category].toLowerCase()}: ${counts[category]}`).join('; ')}.`),
    heading('Kết quả cụ thể'),
    resultsTable(notice.rows),
    ...(overdue.length > 0 ? [heading('Nhiệm vụ quá hạn chưa hoàn thành'), ...overdue.map((row) => justified(`- Nhiệm vụ ${row.ordinal}: ${row.unitName} (${roleLabels[row.role].toLowerCase()}), hạn ${dateText(row.due)}, quá ${row.daysLate} ngày.`))] : []),
    heading('Khó khăn, vướng mắc'),
    ...blockerParagraphs(openBlockersOf(notice.rows, today)),
  ];
}

/** One paragraph per open blocker, with its reason and how long it has been open. */
function blockerParagraphs(blockers: readonly BlockedItem[]): Paragraph[] {
  if (blockers.length === 0) return [justified('Không có khó khăn, vướng mắc nào đang chờ tháo gỡ.')];
  return blockers.map((item) => justified(`- Nhiệm vụ ${item.ordinal}: ${item.unitName} báo vướng mắc từ ngày ${dateText(item.since)} (${blockerAge(item.days)}): ${item.reason ?? 'chưa nêu lý do'}.`));
}

/** Left and right padding inside a results cell, in twips. */
const cellPadding = 80;

/**
 * The results table's columns in twips, summing to the text width. "31/03/2021" in Times New
 * Roman 13 pt is 4.56 em (eight 0.5 em digits, two 0.28 em slashes) = 59 pt = 1,185 twips plus
 * the padding; Thời hạn gets 1,700, room enough even where a reader lacks Times New Roman and
 * a wider serif (DejaVu Serif: 1,660) stands in, so a date never breaks. STT fits "STT" in bold;
 * the directive's text takes what is left.
 */
const tableColumns = (() => {
  const number = { header: 'STT', width: 700 };
  const units = { header: 'Đơn vị chủ trì, phối hợp', width: 1900 };
  const due = { header: 'Thời hạn', width: 1700 };
  const results = { header: 'Kết quả thực hiện', width: 2100 };
  const directive = { header: 'Nhiệm vụ', width: textWidth - number.width - units.width - due.width - results.width };
  return [number, directive, units, due, results] as const;
})();

/**
 * One row per directive: its units and each unit's result, in 13 pt so that the table fits the
 * page. The layout is fixed: Word and LibreOffice keep the widths above instead of fitting
 * columns to their content, which is what broke dates across two lines.
 */
function resultsTable(rows: readonly ReportRow[]): Table {
  const byDirective = groupBy(rows, (row) => row.position);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: tableColumns.map((column) => cell([[{ text: column.header, bold: true }]], column.width, AlignmentType.CENTER)) });
  const lines = [...byDirective.values()].map((units) => {
    const first = units[0]!;
    const lead = units.filter((row) => row.role === 'LEAD').map((row) => row.unitName);
    const support = units.filter((row) => row.role === 'SUPPORT').map((row) => row.unitName);
    return new TableRow({
      children: [
        cell([[{ text: first.ordinal }]], tableColumns[0].width, AlignmentType.CENTER),
        cell([[{ text: first.directiveText }]], tableColumns[1].width, AlignmentType.JUSTIFIED),
        cell([...(lead.length > 0 ? [[{ text: 'Chủ trì: ', bold: true }, { text: lead.join(', ') }]] : []), ...(support.length > 0 ? [[{ text: 'Phối hợp: ', bold: true }, { text: support.join(', ') }]] : [])], tableColumns[2].width),
        cell([[{ text: dateText(first.due) }]], tableColumns[3].width, AlignmentType.CENTER),
        cell(units.map((row) => [{ text: `${row.unitName}: `, italics: true }, { text: resultText(row) }]), tableColumns[4].width),
      ],
    });
  });
  return new Table({ width: { size: textWidth, type: WidthType.DXA }, layout: TableLayoutType.FIXED, columnWidths: tableColumns.map((column) => column.width), rows: [header, ...lines] });
}

/** "Nơi nhận" on the left; the signer's title and name left blank on the right. */
function signatureBlock(report: OfficeReport): Table {
  const recipients = [...new Set(report.notices.map((notice) => notice.issuer).filter((issuer): issuer is string => Boolean(issuer)))];
  return twoColumns(
    [
      left([{ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) }]),
      ...recipients.map((issuer) => left([{ text: `- ${issuer} (để báo cáo);`, size: pt(11) }])),
      left([{ text: '- Lưu: VT.', size: pt(11) }]),
    ],
    [
      centred([{ text: 'CHỨC VỤ NGƯỜI KÝ', bold: true, size: pt(14) }], 0),
      ...Array.from({ length: 4 }, () => centred([{ text: '' }], 0)),
      centred([{ text: '……………………………', bold: true, size: pt(14) }], 0),
    ],
    0.5,
    240,
  );
}

function twoColumns(leftSide: Paragraph[], rightSide: Paragraph[], leftShare: number, spaceBefore = 0): Table {
  const widths = [Math.round(leftShare * textWidth), Math.round((1 - leftShare) * textWidth)];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [leftSide, rightSide].map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: noBorders, margins: { top: spaceBefore, left: 0, right: 0 }, children })),
      }),
    ],
  });
}

function cell(lines: IRunOptions[][], width: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: cellPadding, right: cellPadding },
    children: (lines.length > 0 ? lines : [[{ text: '' }]]).map((runs) => new Paragraph({ alignment, spacing: { before: 40, after: 40 }, children: runs.map((run) => new TextRun({ size: pt(13), ...run })) })),
  });
}

function centred(runs: IRunOptions[], spaceBefore = 120): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spaceBefore, after: 0 }, children: runs.map((run) => new TextRun(run)) });
}

function left(runs: IRunOptions[]): Paragraph {
  return new Paragraph({ spacing: { after: 0 }, children: runs.map((run) => new TextRun(run)) });
}

function justified(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: { before: 60, after: 60, line: 312 }, children: [new TextRun(text)] });
}

function heading(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: mm(10) }, spacing: { before: 120, after: 60 }, children: [new TextRun({ text, bold: true })] });
}
