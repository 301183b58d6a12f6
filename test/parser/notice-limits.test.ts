import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { readNoticeFile } from '../../src/parser/index.js';
import { NOTICE_LIMITS, NoticeLimitError } from '../../src/parser/limits.js';
import { parseNoticeWithinLimits, readNoticeFileWithinLimits } from '../../src/parser/within-limits.js';
import { docxFromXml, run, textPdf } from '../support/hostile-notices.js';

const header = ['UBND HUYỆN TRIỆU SƠN', 'Số: 12/TB-UBND', 'Triệu Sơn, ngày 01 tháng 12 năm 2024', 'THÔNG BÁO', 'Kết luận của Chủ tịch UBND huyện', 'Chủ tịch UBND huyện kết luận như sau:'];
const numbered = (count: number) => [...header, ...Array.from({ length: count }, (_, i) => `${i + 1}. Giao Phòng Nội vụ thực hiện việc số ${i + 1}, báo cáo trước ngày 30/12/2024.`)].join('\n');

async function limitRefusal(work: () => Promise<unknown>): Promise<NoticeLimitError> {
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NoticeLimitError);
  return error as NoticeLimitError;
}

describe('notice limits', () => {
  it('reads 300 numbered items as 300 directives, items past 99 each their own', () => {
    const parsed = parseNoticeWithinLimits(numbered(300));
    expect(parsed.directives.map((d) => d.ordinal)).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 1)));
    expect(parsed.directives[149]!.text).toBe('Giao Phòng Nội vụ thực hiện việc số 150, báo cáo trước ngày 30/12/2024.');
  });

  it('refuses a notice with more directives than the limit, naming both numbers', async () => {
    const error = await limitRefusal(async () => parseNoticeWithinLimits(numbered(NOTICE_LIMITS.directives + 1)));
    expect([error.limit, error.actual, error.max]).toEqual(['directives', NOTICE_LIMITS.directives + 1, NOTICE_LIMITS.directives]);
    expect(error.message).toBe('Văn bản có 501 nhiệm vụ, vượt giới hạn 500 nhiệm vụ một thông báo: hãy tách thành nhiều thông báo.');
  });

  it('refuses a text past the character limit before parsing it', async () => {
    const text = `${numbered(3)}\n${'x'.repeat(NOTICE_LIMITS.characters)}`;
    const error = await limitRefusal(async () => parseNoticeWithinLimits(text));
    expect([error.limit, error.actual]).toEqual(['characters', text.length]);
    expect(error.message).toMatch(/^Văn bản dài [\d.]+ ký tự, vượt giới hạn 1\.000\.000 ký tự/);
    const file = await limitRefusal(() => readNoticeFileWithinLimits(strToU8(text), 'dai.txt'));
    expect(file.limit).toBe('characters');
  });

  it('refuses a .docx or a .pdf past the page limit, and takes one at the limit', async () => {
    const pages = (count: number) => docxFromXml(Array.from({ length: count }, (_, i) => `<w:p>${i > 0 ? '<w:r><w:br w:type="page"/></w:r>' : ''}${run(`Trang ${i + 1}`)}</w:p>`).join(''));
    expect((await readNoticeFileWithinLimits(pages(NOTICE_LIMITS.pages), 'du.docx')).split('\f')).toHaveLength(NOTICE_LIMITS.pages);
    const docx = await limitRefusal(() => readNoticeFileWithinLimits(pages(NOTICE_LIMITS.pages + 1), 'qua.docx'));
    expect([docx.limit, docx.actual]).toEqual(['pages', NOTICE_LIMITS.pages + 1]);
    const pdf = await limitRefusal(() => readNoticeFileWithinLimits(textPdf(header, 420), 'qua.pdf'));
    expect([pdf.limit, pdf.actual]).toEqual(['pages', 420]);
    expect(pdf.message).toBe('Tệp có 420 trang, vượt giới hạn 300 trang một thông báo: hãy gửi riêng phần kết luận.');
  });
});

describe('Word list numbering built to attack the reader', () => {
  /** A .docx of three list items under one level with the given `w:ilvl`, start, format and label. */
  const listDocx = (level: string, start: string, format: string, label: string) =>
    docxFromXml(
      ['Giao Phòng Nội vụ', 'Giao Phòng Tài chính', 'Giao Công an huyện'].map((text) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(text)}</w:p>`).join(''),
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="${level}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${label}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    );
  const labels = async (bytes: Uint8Array) => (await readNoticeFile(bytes, 'tb.docx')).split('\n').map((line) => line.replace(/ Giao .*$/u, ''));

  it('ignores a list level outside Word’s 0 to 8 (level 1,000,000,000 sized an array by it)', async () => {
    expect(await labels(listDocx('1000000000', '1', 'decimal', '%1.'))).toEqual(['Giao Phòng Nội vụ', 'Giao Phòng Tài chính', 'Giao Công an huyện']);
    expect(await labels(listDocx('-1', '1', 'decimal', '%1.'))).toEqual(['Giao Phòng Nội vụ', 'Giao Phòng Tài chính', 'Giao Công an huyện']);
    expect(await labels(listDocx('8', '1', 'decimal', '%9.'))).toEqual(['1.', '2.', '3.']);
  });

  it('draws a label of 20,000 placeholders as a short one', async () => {
    const [first] = await labels(listDocx('0', '1', 'decimal', '%1'.repeat(20_000)));
    expect(first).toBe('1'.repeat(16));
  });

  it('brings starts of -100, 1e11, Infinity and words within Word’s 0 to 32,767', async () => {
    expect(await labels(listDocx('0', '-100', 'decimal', '%1.'))).toEqual(['0.', '1.', '2.']);
    expect(await labels(listDocx('0', '100000000000', 'decimal', '%1.'))).toEqual(['32767.', '32768.', '32769.']);
    expect(await labels(listDocx('0', 'Infinity', 'upperRoman', '%1.'))).toEqual(['32767.', '32768.', '32769.']);
    expect(await labels(listDocx('0', 'abc', 'lowerLetter', '%1)'))).toEqual(['a)', 'b)', 'c)']);
  });

  it('draws letters and roman numerals past their range, or at zero, as digits', async () => {
    expect(await labels(listDocx('0', '0', 'lowerLetter', '%1)'))).toEqual(['0)', 'a)', 'b)']);
    expect(await labels(listDocx('0', '27', 'lowerLetter', '%1)'))).toEqual(['aa)', 'bb)', 'cc)']);
    expect(await labels(listDocx('0', '3999', 'upperRoman', '%1.'))).toEqual(['MMMCMXCIX.', '4000.', '4001.']);
  });
});
