/**
 * Parser benchmark (issue #3): the median parse time of a 10 KB notice (target ≤ 5 ms) and of a
 * generated 200-page .docx read and parsed (target ≤ 2 s, peak RSS ≤ 300 MB). Issue 20 adds the
 * scaling line (50, 100 and 200 pages: time growth within 4.5× when pages grow 4×) and the same
 * .docx read through the notice worker, as the bot reads an upload.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { parseNotice, readNoticeFile } from '../src/parser/index.js';
import { NoticeWorker } from '../src/parser/worker/notice-worker.js';

const TEN_KB = 10 * 1024;

export default async function bench(log: (line: string) => void): Promise<void> {
  const notice = tenKilobyteNotice();
  const small = medianMs(200, () => parseNotice(notice));
  log(`10 KB notice (${(Buffer.byteLength(notice) / 1024).toFixed(1)} KB, ${parseNotice(notice).directives.length} directives): median ${small.toFixed(2)} ms (target ≤ 5 ms)`);

  const scaling = new Map<number, number>();
  // One unmeasured read first: the first document would otherwise pay for compiling the reader.
  parseNotice(await readNoticeFile(minimalDocx(pagesOfNotice(50)), 'warm-up.docx'));
  for (const pages of [50, 100, 200]) {
    const docx = minimalDocx(pagesOfNotice(pages));
    const runs: number[] = [];
    let directives = 0;
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      directives = parseNotice(await readNoticeFile(docx, 'bench.docx')).directives.length;
      runs.push(performance.now() - started);
    }
    scaling.set(pages, median(runs));
    log(`${pages}-page .docx (${(docx.length / 1024).toFixed(0)} KB zipped, ${directives} directives): median ${median(runs).toFixed(0)} ms${pages === 200 ? ' (target ≤ 2000 ms)' : ''}`);
  }
  const growth = scaling.get(200)! / scaling.get(50)!;
  log(`scaling 50 → 100 → 200 pages: ×${(scaling.get(100)! / scaling.get(50)!).toFixed(2)}, ×${(scaling.get(200)! / scaling.get(100)!).toFixed(2)}; 4× the pages take ×${growth.toFixed(2)} the time (target ≤ 4.5×)`);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  log(`peak RSS of the whole bench process: ${peakMb.toFixed(0)} MB (target ≤ 300 MB)`);

  // As the bot reads an upload: in the notice worker, under the limits (this synthetic notice has more directives than a notice may).
  const worker = new NoticeWorker();
  const docx = minimalDocx(pagesOfNotice(200));
  // The worker's start and its first compilation of the reader are not the notice's cost.
  await worker.readText(minimalDocx(pagesOfNotice(50)), 'warm-up.docx').then((text) => worker.parse(text));
  const started = performance.now();
  const outcome = await worker
    .readText(docx, 'bench.docx')
    .then((text) => worker.parse(text))
    .then((parsed) => `${parsed.directives.length} directives`, (error: Error) => `refused: ${error.message}`);
  log(`200-page .docx through the notice worker: ${(performance.now() - started).toFixed(0)} ms, ${outcome}`);
  await worker.close();
}

/** The seed-shaped fixture with more numbered items until it weighs 10 KB. */
function tenKilobyteNotice(): string {
  const base = readFileSync(new URL('../test/fixtures/notices/seed-004-bcd-ntm-xa-binh-son.txt', import.meta.url), 'utf8');
  const [body, footer] = base.split('Trên đây là');
  let extra = '';
  for (let n = 12; Buffer.byteLength(body + extra + footer) < TEN_KB; n += 1) {
    extra += `${n}. Giao Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các xã, thị trấn rà soát diện tích lúa, báo cáo trước ngày ${(n % 28) + 1}/12/2020.\n\n`;
  }
  return `${body}${extra}Trên đây là${footer}`;
}

type DocxLine = string | { text: string; level: 0 | 1 };

/** About `pages` A4 pages (some 3,000 characters a page): numbered directives with sub-items and prose. */
function pagesOfNotice(pages: number): DocxLine[] {
  const lines: DocxLine[] = ['UBND HUYỆN TRIỆU SƠN', 'Số: 999/TB-UBND', 'Triệu Sơn, ngày 01 tháng 12 năm 2024', 'THÔNG BÁO', 'Kết luận của Chủ tịch UBND huyện', 'Ngày 30/11/2024, Chủ tịch UBND huyện kết luận:'];
  const prose = 'Tiếp tục rà soát, hoàn thiện hồ sơ, bảo đảm đúng quy trình, quy định của pháp luật; tăng cường kiểm tra, giám sát, đôn đốc các đơn vị thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao.';
  for (let n = 1; n <= pages * 5; n += 1) {
    lines.push({ text: `Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Kho bạc Nhà nước huyện thực hiện nhiệm vụ số ${n}:`, level: 0 });
    lines.push({ text: `lập kế hoạch trước ngày ${(n % 28) + 1}/12/2024;`, level: 1 }, { text: 'báo cáo kết quả trong quý I/2025.', level: 1 });
    lines.push(prose, prose);
  }
  return lines;
}

/**
 * A .docx written directly as WordprocessingML with an automatic list (`1.` / `a)`), rather than
 * with the `docx` package the tests use: building a 200-page file with it would take more memory
 * than the reading being measured.
 */
function minimalDocx(lines: DocxLine[]): Uint8Array {
  const paragraph = (line: DocxLine) =>
    typeof line === 'string'
      ? `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`
      : `<w:p><w:pPr><w:numPr><w:ilvl w:val="${line.level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${line.text}</w:t></w:r></w:p>`;
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const level = (ilvl: number, format: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  return zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${lines.map(paragraph).join('')}</w:body></w:document>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${ns}><w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}${level(1, 'lowerLetter', '%2)')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`),
  });
}

function medianMs(runs: number, work: () => unknown): number {
  for (let i = 0; i < 20; i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
