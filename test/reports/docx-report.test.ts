import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-date.js';
import { buildDocxReport } from '../../src/reports/docx-report.js';
import { dateText } from '../../src/reports/labels.js';
import { loadOfficeReport, type OfficeReport } from '../../src/reports/report-data.js';
import { seededDatabase, type SeededDatabase } from './seeded-database.js';
import { hostileNote } from './seed-office.js';

const now = new Date('2021-04-05T02:00:00Z');
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((candidate) => existsSync(candidate));
/** poppler-utils: pdftotext reads where each word was set, pdftoppm draws the pages. */
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
const run = promisify(execFile);

/** The visible text of a WordprocessingML fragment, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('the .docx report', () => {
  let seeded: SeededDatabase;
  let report: OfficeReport;
  let docx: Buffer;
  let documentXml: string;

  beforeAll(async () => {
    seeded = await seededDatabase({ notices: 1, directives: 4, units: 3 }, now);
    report = (await loadOfficeReport(seeded.database.db, seeded.office, now, '1/TB'))!;
    docx = await buildDocxReport(report);
    documentXml = strFromU8(unzipSync(docx)['word/document.xml']!);
  });
  afterAll(async () => seeded?.close());

  it('opens with the national header, the issuer, a blank number and the date line', () => {
    const text = paragraphs(documentXml);
    expect(text.slice(0, 7)).toEqual([
      'VĂN PHÒNG NTM HUYỆN',
      '———',
      'Số:        /BC-',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '———————————',
      '……, ngày 05 tháng 4 năm 2021',
    ]);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện Thông báo số 1/TB-BCĐ ngày 06/03/2021');
    expect(text.find((p) => p.startsWith('Thực hiện Thông báo số 1/TB-BCĐ'))).toContain('của BAN CHỈ ĐẠO NÔNG THÔN MỚI về Kết luận của Trưởng Ban Chỉ đạo');
  });

  it('names a notice without a number once in its opening sentence, and what it is about once', async () => {
    await seeded.database.db.notice.updateMany({ data: { number: null } });
    const unnumbered = (await loadOfficeReport(seeded.database.db, seeded.office, now, null))!;
    const opening = paragraphs(strFromU8(unzipSync(await buildDocxReport(unnumbered))['word/document.xml']!)).find((p) => p.startsWith('Thực hiện '))!;
    expect(opening.split('Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp số 1')).toHaveLength(2);
    expect(opening).toContain(' của BAN CHỈ ĐẠO NÔNG THÔN MỚI');
    expect(opening).toMatch(/, Văn phòng NTM huyện báo cáo kết quả thực hiện tính đến ngày 05\/04\/2021 như sau:$/);
  });

  it('has a results table with a header row and one row per directive', () => {
    const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    // Header, results, signature: the two layout tables have no borders.
    expect(tables).toHaveLength(3);
    const rows = [...tables[1]!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => paragraphs(m[0]));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['STT', 'Nhiệm vụ', 'Đơn vị chủ trì, phối hợp', 'Thời hạn', 'Kết quả thực hiện']);
    expect(rows[1]).toEqual([
      '1',
      'Nhiệm vụ 1: rà soát, hoàn thiện hồ sơ xã đạt chuẩn nông thôn mới nâng cao',
      'Chủ trì: Đảng ủy xã Thuận',
      'Phối hợp: Phòng Tài nguyên và Môi trường, UBND xã Bình Sơn',
      '26/03/2021',
      'Đảng ủy xã Thuận: Hoàn thành đúng hạn',
      'Phòng Tài nguyên và Môi trường: Hoàn thành quá hạn (5 ngày)',
      'UBND xã Bình Sơn: Chưa hoàn thành, còn trong hạn',
    ]);
    expect(documentXml).toContain('<w:tblHeader/>');
    // Notes are not part of the official report, so user markup never reaches it.
    expect(documentXml).not.toContain(hostileNote);
  });

  it('ends with “Nơi nhận” and a signature block whose signer is left blank', () => {
    const text = paragraphs(documentXml);
    expect(text.slice(-9)).toEqual(['Nơi nhận:', '- BAN CHỈ ĐẠO NÔNG THÔN MỚI (để báo cáo);', '- Lưu: VT.', 'CHỨC VỤ NGƯỜI KÝ', '', '', '', '', '……………………………']);
    expect(text).toContain('Trên đây là báo cáo kết quả thực hiện Thông báo số 1/TB-BCĐ của Văn phòng NTM huyện./.');
  });

  it('is set in Times New Roman 13–14 pt on A4 with the margins of NĐ 30/2020', () => {
    const styles = strFromU8(unzipSync(docx)['word/styles.xml']!);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>[\s\S]*<w:sz w:val="28"\/>/);
    // Body and tables use 13–14 pt; only "Nơi nhận" is smaller, as the decree sets it.
    const sizes = new Set([...documentXml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2));
    expect([...sizes].sort()).toEqual([11, 12, 13, 14]);
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('lays the results table out at fixed widths summing to the text width, with room for a whole date', () => {
    const table = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)][1]![0];
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // A4's 210 mm less the 30 mm and 15 mm margins, in twips.
    expect(grid.reduce((sum, width) => sum + width, 0)).toBe(Math.round((165 * 1440) / 25.4));
    // Every cell of a row carries its column's width, in twips (dxa), never "auto".
    for (const row of table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      expect([...row[0].matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(grid);
    }
    // "31/03/2021" in Times New Roman 13 pt: eight 0.5 em digits and two 0.278 em slashes, plus the cell's padding.
    const dateTwips = (8 * 0.5 + 2 * 0.278) * 13 * 20;
    expect(grid[3]! - 160).toBeGreaterThan(dateTwips * 1.1);
  });

  it.skipIf(!soffice)('converts to a one-or-more-page A4 PDF with LibreOffice, Vietnamese intact', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'dondoc-docx-'));
    try {
      const input = path.join(directory, 'bao-cao.docx');
      await writeFile(input, docx);
      await promisify(execFile)(soffice!, [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', directory, input], { timeout: 120_000 });
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(path.join(directory, 'bao-cao.pdf'))));
      const page = await pdf.getPage(1);
      const [, , width, height] = page.view;
      expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
      const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('Đảng ủy xã Thuận');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 180_000);

  it.skipIf(!soffice || !poppler)('prints every deadline whole on one line, and nothing past the margins, once rendered by LibreOffice', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'dondoc-docx-'));
    try {
      const long = await longReport();
      const input = path.join(directory, 'bao-cao.docx');
      await writeFile(input, await buildDocxReport(long));
      await run(soffice!, [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', directory, input], { timeout: 120_000 });
      const pdf = path.join(directory, 'bao-cao.pdf');

      // Each word as LibreOffice set it: a date broken over two lines would be two words, "31/03/202" and "1".
      await run('pdftotext', ['-bbox', pdf, path.join(directory, 'words.html')]);
      const words = [...(await readFile(path.join(directory, 'words.html'), 'utf8')).matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!);
      const dueDates = [...new Set(long.notices[0]!.rows.map((row) => dateText(row.due)).filter((due) => due !== '—'))];
      expect(dueDates.length).toBeGreaterThan(1);
      for (const due of dueDates) expect(words, due).toContain(due);
      expect(words.filter((word) => /\d{1,2}\/\d/.test(word) && !/^\d{2}\/\d{2}\/\d{4}[,.;:)]*$/.test(word))).toEqual([]);

      // The pages drawn at 50 dpi: ink only between the 30 mm left and 15 mm right margins.
      await run('pdftoppm', ['-r', '50', '-png', pdf, path.join(directory, 'trang')]);
      const pages = (await readdir(directory)).filter((name) => /^trang-\d+\.png$/.test(name)).sort();
      expect(pages.length).toBeGreaterThanOrEqual(1);
      for (const name of pages) {
        const page = PNG.sync.read(await readFile(path.join(directory, name)));
        const px = (millimetres: number) => Math.round((millimetres / 25.4) * 50);
        expect(Math.abs(page.width - px(210)) + Math.abs(page.height - px(297))).toBeLessThanOrEqual(2);
        const stray: number[] = [];
        for (let y = 0; y < page.height; y += 1) {
          for (let x = 0; x < page.width; x += 1) {
            const inMargin = x < px(30) - 2 || x > px(210 - 15) + 2;
            if (inMargin && page.data[(y * page.width + x) * 4]! < 200) stray.push(x);
          }
        }
        expect(stray, name).toEqual([]);
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 180_000);

  /** The seeded report with more directives whose deadlines differ, each due in a month whose date is widest. */
  async function longReport(): Promise<OfficeReport> {
    const [notice] = report.notices;
    const rows = Array.from({ length: 12 }, (_, i) => notice!.rows.filter((row) => row.position === 1).map((row) => ({ ...row, position: i + 1, ordinal: String(i + 1), due: localDate(2021, 3 + (i % 8), 28 + (i % 3)) }))).flat();
    return { ...report, notices: [{ ...notice!, rows }] };
  }
});

if (!poppler) console.warn('docx-report.test.ts: poppler-utils (pdftotext, pdftoppm) is not installed, so the rendered-layout check is skipped; .ci/run installs it');
if (!soffice) console.warn('docx-report.test.ts: LibreOffice (soffice) is not installed, so the PDF conversion check is skipped; .ci/run installs libreoffice-writer-nogui');
