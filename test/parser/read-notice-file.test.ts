import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { parseNotice, readNoticeFile, NoticeFileError } from '../../src/parser/index.js';
import { buildDocx, buildPdf } from './notice-file-builders.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array, fileName: string): Promise<NoticeFileError> {
  const error = await readNoticeFile(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NoticeFileError);
  return error as NoticeFileError;
}

const noticeLines = [
  'UBND HUYỆN NGA SƠN',
  'Số: 51/TB-UBND',
  'Nga Sơn, ngày 10 tháng 6 năm 2024',
  'THÔNG BÁO',
  'Kết luận của Chủ tịch UBND huyện về phòng chống hạn',
  'Ngày 09/6/2024, Chủ tịch UBND huyện họp bàn công tác chống hạn. Chủ tịch UBND huyện kết luận:',
];

describe('reading .docx notices', () => {
  it('keeps the numbers of Word automatic lists, so items and sub-items are found', async () => {
    const bytes = await buildDocx([
      ...noticeLines,
      { text: 'Giao Phòng Nông nghiệp và Phát triển nông thôn theo dõi nguồn nước hằng ngày.', level: 0 },
      { text: 'Giao Công ty TNHH MTV Thủy lợi huyện:', level: 0 },
      { text: 'nạo vét kênh chính trước ngày 20/6/2024;', level: 1 },
      { text: 'vận hành trạm bơm trong tháng 7/2024.', level: 1 },
      { text: 'UBND các xã rà soát diện tích chuyển đổi cây trồng.', level: 0 },
      'Nơi nhận:',
      '- Lưu VT.',
    ]);
    const text = await readNoticeFile(bytes, 'thong-bao.docx');
    expect(text).toContain('1. Giao Phòng Nông nghiệp');
    expect(text).toContain('a) nạo vét kênh chính');
    expect(text).toContain('3. UBND các xã');
    const parsed = parseNotice(text);
    expect(parsed.notice).toMatchObject({ number: '51/TB-UBND', issuedOn: '2024-06-10', meetingOn: '2024-06-09' });
    expect(parsed.directives.map((d) => [d.ordinal, d.lead.join(), d.due])).toEqual([
      ['1', 'Phòng Nông nghiệp và Phát triển nông thôn', null],
      ['2.a', 'Công ty TNHH MTV Thủy lợi huyện', '2024-06-20'],
      ['2.b', 'Công ty TNHH MTV Thủy lợi huyện', '2024-07-31'],
      ['3', 'UBND các xã', null],
    ]);
  });

  it('passes a Word task table on as one line per row, its cells separated by " | "', async () => {
    const bytes = await buildDocx([
      { table: [['UBND HUYỆN NGA SƠN\nSố: 52/TB-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNga Sơn, ngày 12 tháng 6 năm 2024']] },
      { p: 'Chủ tịch UBND huyện giao nhiệm vụ cụ thể như sau:' },
      {
        table: [
          ['STT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
          ['1', 'Nạo vét kênh tiêu\nxã Nga Thạch', 'UBND xã Nga Thạch', 'Phòng Nông nghiệp', '30/6/2024'],
        ],
      },
    ]);
    const lines = (await readNoticeFile(bytes, 'bang.docx')).split('\n');
    // The two-column header keeps one paragraph a line, as a header is read.
    expect(lines.slice(0, 4)).toEqual(['UBND HUYỆN NGA SƠN', 'Số: 52/TB-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Nga Sơn, ngày 12 tháng 6 năm 2024']);
    expect(lines.slice(5)).toEqual([
      'STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành',
      '1 | Nạo vét kênh tiêu xã Nga Thạch | UBND xã Nga Thạch | Phòng Nông nghiệp | 30/6/2024',
    ]);
  });

  it('keeps table columns aligned across merged cells: a span leaves empty cells, a vertical merge repeats the text above', async () => {
    const cell = (text: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const table = [
      row(cell('STT'), cell('Nội dung'), cell('Đơn vị chủ trì'), cell('Thời hạn')),
      row(cell('I. LĨNH VỰC NÔNG NGHIỆP', '<w:gridSpan w:val="4"/>')),
      row(cell('1'), cell('Rà soát diện tích lúa'), cell('Phòng Nông nghiệp', '<w:vMerge w:val="restart"/>'), cell('15/6/2024')),
      row(cell('2'), cell('Kiểm tra trạm bơm'), cell('', '<w:vMerge/>'), cell('20/6/2024')),
    ].join('');
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const bytes = zipSync({ 'word/document.xml': utf8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body><w:tbl>${table}</w:tbl></w:body></w:document>`) });
    expect((await readNoticeFile(bytes, 'gop-o.docx')).split('\n')).toEqual([
      'STT | Nội dung | Đơn vị chủ trì | Thời hạn',
      'I. LĨNH VỰC NÔNG NGHIỆP | | |',
      '1 | Rà soát diện tích lúa | Phòng Nông nghiệp | 15/6/2024',
      '2 | Kiểm tra trạm bơm | Phòng Nông nghiệp | 20/6/2024',
    ]);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(10 * 1024 * 1024) }, { level: 9 });
    expect((await refusal(bomb, 'bom.docx')).code).toBe('zip-bomb');
  });

  it('refuses a corrupted archive and a zip that is not a Word file', async () => {
    const corrupt = await buildDocx(['Nội dung']);
    expect((await refusal(corrupt.slice(0, 200), 'hong.docx')).code).toBe('corrupt');
    expect((await refusal(zipSync({ 'a.txt': utf8('x') }), 'khac.docx')).code).toBe('corrupt');
  });

  it('refuses a password-protected Word file with advice', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await refusal(ole, 'mat-khau.docx');
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/mật khẩu/);
    expect((await refusal(ole, 'cu.doc')).code).toBe('unsupported-type');
  });
});

describe('reading .pdf notices', () => {
  it('reads the text layer, Vietnamese included', async () => {
    const bytes = await buildPdf([...noticeLines, '1. Giao Phòng Tài chính - Kế hoạch bố trí kinh phí chống hạn trước ngày 15/6/2024.', '2. UBND các xã, thị trấn báo cáo thiệt hại trong tháng 6/2024.']);
    const parsed = parseNotice(await readNoticeFile(bytes, 'thong-bao.pdf'));
    expect(parsed.notice.title).toBe('Kết luận của Chủ tịch UBND huyện về phòng chống hạn');
    expect(parsed.directives.map((d) => [d.lead.join(), d.due])).toEqual([
      ['Phòng Tài chính - Kế hoạch', '2024-06-15'],
      ['UBND các xã, thị trấn', '2024-06-30'],
    ]);
  });

  it('refuses a scanned PDF that has no text', async () => {
    const error = await refusal(await buildPdf([]), 'scan.pdf');
    expect(error.code).toBe('no-text');
    expect(error.message).toMatch(/scan/);
  });

  it('refuses a damaged PDF without hanging', async () => {
    const bytes = await buildPdf(noticeLines);
    expect((await refusal(bytes.slice(0, 400), 'hong.pdf')).code).toBe('corrupt');
  });
});

describe('reading .txt notices and refusing wrong files', () => {
  const sample = 'Ngày 17/11/2020, đồng chí Chủ tịch UBND huyện làm việc với xã Bình Sơn về công tác xây dựng nông thôn mới của huyện và các xã.';

  it('reads UTF-8, UTF-16 with and without a byte-order mark', async () => {
    expect(await readNoticeFile(utf8(`\uFEFF${sample}`), 'a.txt')).toBe(sample);
    const le = new Uint8Array(Buffer.from(sample, 'utf16le'));
    expect(await readNoticeFile(new Uint8Array([0xff, 0xfe, ...le]), 'b.txt')).toBe(sample);
    expect(await readNoticeFile(le, 'c.txt')).toBe(sample);
  });

  it('detects Windows-1258 and TCVN3 text', async () => {
    // Windows-1258 has â, ơ, ư… as letters but the five tone marks only as combining characters.
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/u;
    const toneLast = [...sample]
      .map((char) => {
        const parts = [...char.normalize('NFD')];
        return parts.filter((p) => !tone.test(p)).join('').normalize('NFC') + parts.filter((p) => tone.test(p)).join('');
      })
      .join('');
    const windows1258 = new Uint8Array(iconv.encode(toneLast, 'windows1258'));
    expect(await readNoticeFile(windows1258, 'cu.txt')).toBe(sample);
    expect(await readNoticeFile(new Uint8Array(iconv.encode(sample, 'tcvn')), 'cu.txt')).toBe(sample);
  });

  it('refuses text in an encoding it cannot recognise, saying how to convert', async () => {
    const error = await refusal(new Uint8Array([0x41, 0xc3, 0x28, 0x9f, 0x81, 0x42, 0xff, 0x80, 0x20, 0x43]), 'la.txt');
    expect(error.code).toBe('legacy-encoding');
    expect(error.message).toMatch(/Unicode/);
  });

  it('refuses files over 20 MB, wrong extensions and unknown types', async () => {
    expect((await refusal(new Uint8Array(20 * 1024 * 1024 + 1), 'lon.txt')).code).toBe('too-large');
    expect((await refusal(await buildPdf(noticeLines), 'doi-ten.txt')).code).toBe('unsupported-type');
    expect((await refusal(utf8(sample), 'van-ban.docx')).code).toBe('unsupported-type');
    expect((await refusal(utf8(sample), 'anh.jpg')).code).toBe('unsupported-type');
  });
});
