import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOfficeReport, type OfficeReport } from '../../src/reports/report-data.js';
import { buildXlsxReport } from '../../src/reports/xlsx-report.js';
import { seededDatabase, type SeededDatabase } from './seeded-database.js';
import { expectedCategory, hostileNote } from './seed-office.js';

// 09:00 on 05/04/2021 in Hà Nội.
const now = new Date('2021-04-05T02:00:00Z');

describe('the .xlsx export', () => {
  let seeded: SeededDatabase;
  let report: OfficeReport;
  let workbook: ExcelJS.Workbook;
  let bytes: Buffer;

  beforeAll(async () => {
    seeded = await seededDatabase({ notices: 2, directives: 3, units: 3 }, now);
    report = (await loadOfficeReport(seeded.database.db, seeded.office, now, null))!;
    bytes = await buildXlsxReport(report);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });
  afterAll(async () => seeded?.close());

  it('loads every directive × unit with the category the store implies', () => {
    expect(report.notices.map((notice) => notice.number)).toEqual(['1/TB-BCĐ', '2/TB-BCĐ']);
    const rows = report.notices[0]!.rows;
    expect(rows).toHaveLength(9);
    rows.forEach((row, i) => expect(row.category).toBe(expectedCategory(Math.floor(i / 3), seeded.unitNames.indexOf(row.unitName))));
    expect(rows[0]).toMatchObject({ role: 'LEAD', unitName: 'Đảng ủy xã Thuận', lastNote: hostileNote, reporter: 'Nguyễn Thị Thu' });
  });

  it('has a summary sheet by unit, then one sheet per notice with a name Excel accepts', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp theo đơn vị', 'TB 1-TB-BCĐ', 'TB 2-TB-BCĐ']);
  });

  it('writes Vietnamese headers in a frozen, filtered header row', () => {
    const sheet = workbook.getWorksheet('TB 1-TB-BCĐ')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Thông báo số 1/TB-BCĐ — Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp số 1');
    expect(sheet.getRow(2).getCell(1).value).toBe('Số liệu tính đến ngày 05/04/2021');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'STT', 'Nhiệm vụ', 'Nội dung nhiệm vụ', 'Đơn vị', 'Vai trò', 'Thời hạn', 'Trạng thái', 'Kết quả', 'Số ngày quá hạn', 'Ghi chú gần nhất', 'Người báo cáo', 'Thời gian báo cáo', 'Lịch sử gia hạn',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe('A3:M12');
    for (const width of sheet.columns.map((column) => column.width ?? 0)) expect(width).toBeGreaterThanOrEqual(5);
    // The directive's text is the widest column, and wraps beyond that.
    expect(sheet.getColumn(3).width).toBe(Math.max(...sheet.columns.map((column) => column.width ?? 0)));
  });

  it('prints every sheet on A4 landscape, one page wide, with the header row on every page and panes frozen below it', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 0 });
      expect(sheet.headerFooter.oddFooter).toBe('&CTrang &P/&N');
    }
    const printTitles = [...strFromU8(unzipSync(bytes)['xl/workbook.xml']!).matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => [Number(m[1]), m[2]!.replaceAll('&apos;', "'")]);
    expect(printTitles).toEqual(workbook.worksheets.map((sheet, i) => [i, `'${sheet.name}'!$3:$3`]));
  });

  it('gives headers room: wrapped in cells wide enough for their longest word, on a row tall enough for their lines', () => {
    for (const sheet of workbook.worksheets) {
      const header = sheet.getRow(3);
      const lines = sheet.columns.map((column, c) => {
        const cell = header.getCell(c + 1);
        expect(cell.alignment?.wrapText, String(cell.value)).toBe(true);
        const words = String(cell.value).split(' ');
        expect(column.width!, String(cell.value)).toBeGreaterThanOrEqual(Math.max(...words.map((word) => word.length)) + 2);
        return Math.ceil(String(cell.value).length / (column.width! - 1));
      });
      expect(header.height, sheet.name).toBeGreaterThanOrEqual(15 * Math.max(...lines));
    }
    // A whole notice sheet fits across a landscape A4 page (11.69 in less 0.8 in of margins) at
    // no less than 60 % — about 7 pt, the smallest print an office reads without a lens. A
    // column of width w is w × 7 + 5 pixels at 96 per inch.
    const notice = workbook.worksheets[1]!;
    const inches = notice.columns.reduce((sum, column) => sum + column.width! * 7 + 5, 0) / 96;
    expect((11.69 - 0.8) / inches).toBeGreaterThanOrEqual(0.6);
  });

  it('makes a row whose text wraps as tall as its lines, so nothing prints over the next row', () => {
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row, n) => {
        if (n <= 3) return;
        const lines = sheet.columns.map((column, c) => {
          const value = row.getCell(c + 1).value;
          // At least as many lines as the text has characters per column width, and as it has line breaks.
          return typeof value === 'string' ? Math.max(Math.ceil(value.length / column.width!), value.split('\n').length) : 1;
        });
        const needed = Math.max(...lines);
        if (needed > 1) expect(row.height, `${sheet.name} row ${n}`).toBeGreaterThanOrEqual(15 * needed);
      });
    }
    // Numbers and codes side by side (STT, the directive's number) are centred, so "1" and "1" never print as "11".
    expect([1, 2, 9].map((c) => workbook.worksheets[1]!.getRow(4).getCell(c).alignment?.horizontal)).toEqual(['center', 'center', 'center']);
    // The seeded directives' text is longer than its column is wide, so these rows do wrap.
    const directive = workbook.worksheets[1]!.getRow(4);
    expect(String(directive.getCell(3).value).length).toBeGreaterThan(workbook.worksheets[1]!.getColumn(3).width!);
    expect(directive.height).toBeGreaterThanOrEqual(30);
  });

  it('stores deadlines and report times as real date cells, and plain values, never formulas', () => {
    const sheet = workbook.getWorksheet('TB 1-TB-BCĐ')!;
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(4).value).toBe('Đảng ủy xã Thuận');
    expect(first.getCell(5).value).toBe('Chủ trì');
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(6).value).toEqual(new Date('2021-03-26T00:00:00Z'));
    expect(first.getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(7).value).toBe('Hoàn thành');
    expect(first.getCell(8).value).toBe('Hoàn thành đúng hạn');
    expect(first.getCell(10).value).toBe(hostileNote);
    expect(first.getCell(12).value).toEqual(new Date('2021-04-03T09:00:00Z'));
    // Directive 1 × the second unit had its deadline extended.
    expect(sheet.getRow(5).getCell(13).value).toBe('23/02/2021: 24/02/2021 → 16/03/2021, đã duyệt (Chờ kinh phí)');
    // Directive 2 × the third unit is overdue: not started, due 3 + 2 days ago.
    const overdue = sheet.getRow(9);
    expect([overdue.getCell(4).value, overdue.getCell(8).value, overdue.getCell(9).value]).toEqual(['UBND xã Bình Sơn', 'Quá hạn chưa hoàn thành', 5]);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('sums every unit on the summary sheet', () => {
    const sheet = workbook.getWorksheet('Tổng hợp theo đơn vị')!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'STT', 'Đơn vị', 'Tổng số nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Chưa hoàn thành, còn trong hạn', 'Quá hạn chưa hoàn thành', 'Quá hạn lâu nhất (ngày)']);
    const rows = [4, 5, 6].map((n) => sheet.getRow(n).values as unknown[]);
    expect(rows.map((row) => row[2])).toEqual(['Đảng ủy xã Thuận', 'Phòng Tài nguyên và Môi trường', 'UBND xã Bình Sơn']);
    for (const row of rows) {
      expect(row[3]).toBe(6);
      expect((row[6] as number) + (row[7] as number) + (row[8] as number) + (row[9] as number)).toBe(6);
    }
    expect(rows[0]!.slice(4, 6)).toEqual([6, 0]);
  });
});
