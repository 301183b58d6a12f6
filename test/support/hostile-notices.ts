/**
 * Hostile notices: what a stranger could upload to make the intake crash, spin or run out of
 * memory (issue 20). A seeded generator, so that a failure found by the fuzz test or the
 * `hostile` benchmark can be produced again from its seed and index.
 *
 * ```ts
 * for (const notice of hostileNotices({ seed: 20, count: 300, scale: 'test' })) {
 *   await noticeWorker.readText(notice.bytes, notice.fileName);
 * }
 * ```
 *
 * The first input of each class has the issue's own size (5 MB single lines, 100,000 numbered
 * items, sub-items or reporting lines, 5 MB of units and "phối hợp", a 64 MB zip bomb, 1,000 pages); after
 * them, `scale: 'test'` keeps inputs small so that a few hundred run in seconds, and
 * `scale: 'issue'` makes about a third of them issue-sized again.
 */
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';

export const HOSTILE_CLASSES = [
  'plain-notice',
  'truncated-docx',
  'garbage-docx',
  'truncated-pdf',
  'garbage-pdf',
  'zip-bomb',
  'long-line',
  'numbered-items',
  'sub-items',
  'units-and-support',
  'reporting-lines',
  'mixed-encoding',
  'nul-bytes',
  'impossible-dates',
  'docx-numbering',
  'deep-nesting',
  'many-pages',
] as const;

export type HostileClass = (typeof HOSTILE_CLASSES)[number];

export interface HostileNotice {
  kind: HostileClass;
  /** What this input is, to name it in a failure. */
  label: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface HostileOptions {
  seed: number;
  count: number;
  scale: 'issue' | 'test';
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof seededRandom>;

const HEADER = ['UBND HUYỆN TRIỆU SƠN', 'Số: 12/TB-UBND', 'Triệu Sơn, ngày 01 tháng 12 năm 2024', 'THÔNG BÁO', 'Kết luận của Chủ tịch UBND huyện', 'Chủ tịch UBND huyện kết luận như sau:'];
const UNITS = ['Phòng Tài chính - Kế hoạch', 'Phòng Nội vụ', 'UBND các xã, thị trấn', 'Công an huyện', 'Văn phòng HĐND và UBND huyện', 'Sở Xây dựng', 'Kho bạc Nhà nước huyện'];
const TASKS = ['rà soát, hoàn thiện hồ sơ', 'báo cáo kết quả', 'tổ chức kiểm tra, giám sát', 'cân đối kinh phí', 'tuyên truyền, vận động nhân dân'];
const DUES = ['trước ngày 30/12/2024', 'trong quý I/2025', 'thường xuyên', 'vào các ngày 14, 28 hằng tháng', 'trong tháng 12/2024', 'ngay'];
const IMPOSSIBLE_DATES = ['trước ngày 31/02/2024', 'trước ngày 99/99/99999', 'trong quý IX/0000', 'trong tháng 13/2024', 'ngày 0 tháng 0 năm 0', 'trước ngày 29/02/2023', 'trước ngày 1e308/12/2024', 'trong năm 99999999999', 'trước 99 giờ 99 ngày 32/12'];

/** The hostile corpus: `count` inputs, cycling through every class with seeded sizes and damage. */
export function* hostileNotices(options: HostileOptions): Generator<HostileNotice> {
  const random = seededRandom(options.seed);
  for (let index = 0; index < options.count; index += 1) {
    const kind = HOSTILE_CLASSES[index % HOSTILE_CLASSES.length]!;
    // The issue's sizes: the first of each class, then (at the issue's scale) about a third of them.
    const big = index < HOSTILE_CLASSES.length || (options.scale === 'issue' && random() < 0.3);
    yield { ...makers[kind](random, big), kind };
  }
}

type Made = Omit<HostileNotice, 'kind'>;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, low: number, high: number) => Math.floor(low + random() * (high - low + 1));
const txt = (label: string, text: string): Made => ({ label, fileName: `${label}.txt`, bytes: strToU8(text) });

function notice(random: Random, items: number, dues: readonly string[] = DUES): string {
  const lines = [...HEADER];
  for (let n = 1; n <= items; n += 1) lines.push(`${n}. Giao ${pick(random, UNITS)} chủ trì, phối hợp với ${pick(random, UNITS)} ${pick(random, TASKS)}, ${pick(random, dues)}.`);
  lines.push('Trên đây là kết luận của Chủ tịch UBND huyện.');
  return lines.join('\n');
}

const makers: Record<HostileClass, (random: Random, big: boolean) => Made> = {
  'plain-notice': (random) => txt('plain-notice', notice(random, between(random, 1, 40))),
  'truncated-docx': (random) => {
    const whole = docxFromXml(paragraphs(notice(random, between(random, 5, 60))));
    return { label: 'truncated-docx', fileName: 'truncated.docx', bytes: whole.subarray(0, between(random, 4, whole.length - 1)) };
  },
  'garbage-docx': (random) => {
    const bytes = docxFromXml(paragraphs(notice(random, between(random, 5, 60))));
    // Flipped bytes past the zip's first header: a damaged download.
    for (let i = 0; i < 1 + bytes.length / 200; i += 1) bytes[between(random, 30, bytes.length - 1)] = between(random, 0, 255);
    return { label: 'garbage-docx', fileName: 'garbage.docx', bytes };
  },
  'truncated-pdf': (random) => {
    const whole = textPdf(notice(random, between(random, 5, 30)).split('\n'), between(random, 1, 5));
    return { label: 'truncated-pdf', fileName: 'truncated.pdf', bytes: whole.subarray(0, between(random, 5, whole.length - 1)) };
  },
  'garbage-pdf': (random) => {
    const bytes = new Uint8Array(between(random, 16, 64 * 1024)).map(() => between(random, 0, 255));
    bytes.set(strToU8('%PDF-1.7\n'));
    return { label: 'garbage-pdf', fileName: 'garbage.pdf', bytes };
  },
  'zip-bomb': (random, big) => {
    const megabytes = big ? 64 : between(random, 1, 8);
    return { label: `zip-bomb-${megabytes}mb`, fileName: 'bomb.docx', bytes: zipBomb(megabytes) };
  },
  'long-line': (random, big) => {
    const length = big ? 5 * 1024 * 1024 : between(random, 1_000, 200_000);
    const words = 'Tiếp tục rà soát, hoàn thiện hồ sơ trước ngày 30/12/2024 phối hợp với Phòng Nội vụ ';
    return txt(`long-line-${length}`, `${HEADER.join('\n')}\n1. ${words.repeat(Math.ceil(length / words.length)).slice(0, length)}`);
  },
  'numbered-items': (random, big) => {
    const items = big ? 100_000 : between(random, 50, 1_500);
    return txt(`numbered-items-${items}`, notice(random, items));
  },
  'sub-items': (random, big) => {
    const items = big ? 100_000 : between(random, 50, 3_000);
    const lines = [...HEADER, '1. Giao các phòng, ban:'];
    for (let i = 0; i < items; i += 1) lines.push(`${pick(random, ['-', '+', 'a)', '•'])} ${pick(random, UNITS)} ${pick(random, TASKS)} ${pick(random, DUES)};`);
    return txt(`sub-items-${items}`, lines.join('\n'));
  },
  'units-and-support': (random, big) => {
    const length = big ? 5 * 1024 * 1024 : between(random, 1_000, 200_000);
    let text = `${HEADER.join('\n')}\n1. Giao `;
    while (text.length < length) text += `${pick(random, UNITS)} ${pick(random, ['chủ trì', 'phối hợp', 'phối hợp với', 'và', ','])} `;
    return txt(`units-and-support-${length}`, text);
  },
  'reporting-lines': (random, big) => {
    // Prose lines that each name a period: every one is looked for among the directives (a search that once made such a notice quadratic).
    const lines = big ? 100_000 : between(random, 50, 5_000);
    const body = Array.from({ length: lines }, (_, i) => `${pick(random, ['Các chi bộ', 'UBND các xã', 'Phòng Nội vụ'])} ${i} báo cáo ${pick(random, ['hằng tháng', 'định kỳ hằng quý', 'vào thứ Sáu hằng tuần', 'trước ngày 20 hằng tháng'])}`);
    return txt(`reporting-lines-${lines}`, [...HEADER, '1. Giao Phòng Văn hóa.', ...body].join('\n'));
  },
  'mixed-encoding': (random) => {
    const text = notice(random, between(random, 3, 30));
    const variant = between(random, 0, 3);
    if (variant === 0) return { label: 'utf16le-no-mark', fileName: 'utf16.txt', bytes: new Uint8Array(iconv.encode(text, 'utf16le')) };
    if (variant === 1) return { label: 'windows-1258', fileName: 'cp1258.txt', bytes: new Uint8Array(iconv.encode(text, 'windows1258')) };
    // UTF-8 with stray legacy bytes, or with TCVN3 pieces spliced in.
    const utf8 = Buffer.from(text);
    const spliced = Buffer.concat([utf8.subarray(0, utf8.length / 2), iconv.encode(text.slice(0, 200), variant === 2 ? 'windows1258' : 'tcvn'), utf8.subarray(utf8.length / 2)]);
    return { label: variant === 2 ? 'utf8-with-cp1258' : 'utf8-with-tcvn3', fileName: 'mixed.txt', bytes: new Uint8Array(spliced) };
  },
  'nul-bytes': (random) => {
    const chars = [...notice(random, between(random, 3, 30))];
    for (let i = 0; i < 1 + chars.length / 50; i += 1) chars.splice(between(random, 0, chars.length), 0, '\0');
    const text = chars.join('');
    return random() < 0.5 ? txt('nul-bytes-txt', text) : { label: 'nul-bytes-docx', fileName: 'nul.docx', bytes: docxFromXml(paragraphs(text)) };
  },
  'impossible-dates': (random) => txt('impossible-dates', notice(random, between(random, 3, 60), IMPOSSIBLE_DATES)),
  'docx-numbering': (random) => {
    const variants = [
      { label: 'level-1e9', level: '1000000000', start: '1', text: '%1.' },
      { label: 'placeholders-20000', level: '0', start: '1', text: '%1'.repeat(20_000) },
      { label: 'start-negative', level: '0', start: '-100', text: '%1)' },
      { label: 'start-1e11', level: '0', start: '100000000000', text: '%1.' },
      { label: 'start-infinity', level: '0', start: 'Infinity', text: '%1.' },
      { label: 'start-nan', level: '0', start: 'abc', text: '%9.%1.' },
      { label: 'level-negative', level: '-1', start: '1', text: '%1.' },
    ];
    const variant = pick(random, variants);
    const format = pick(random, ['decimal', 'lowerLetter', 'upperRoman', 'lowerRoman', 'upperLetter', 'decimalZero', 'bullet']);
    const items = notice(random, between(random, 3, 40)).split('\n').map((text) => ({ text: text.replace(/^\d+\. /u, ''), numbered: /^\d+\. /u.test(text) }));
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="${variant.level}"><w:start w:val="${variant.start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${variant.text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="${variant.level}"><w:startOverride w:val="${variant.start}"/></w:lvlOverride></w:num>`;
    const body = items.map((item) => (item.numbered ? `<w:p><w:pPr><w:numPr><w:ilvl w:val="${variant.level}"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(item.text)}</w:p>` : `<w:p>${run(item.text)}</w:p>`));
    return { label: `numbering-${variant.label}-${format}`, fileName: 'numbering.docx', bytes: docxFromXml(body.join(''), numbering) };
  },
  'deep-nesting': (random, big) => {
    const depth = big ? 100_000 : between(random, 100, 20_000);
    // Each level with an id of its own, so that the archive does not compress like a zip bomb and the reader walks the tree.
    const open = Array.from({ length: depth }, () => `<w:sdt><w:sdtPr><w:id w:val="${between(random, 0, 2 ** 31)}"/></w:sdtPr><w:sdtContent>`).join('');
    return { label: `deep-nesting-${depth}`, fileName: 'nested.docx', bytes: docxFromXml(`${open}<w:p>${run('1. Giao Phòng Nội vụ')}</w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}`) };
  },
  'many-pages': (random, big) => {
    const pages = big ? 1_000 : between(random, 2, 600);
    if (random() < 0.5) return { label: `pdf-${pages}-pages`, fileName: 'pages.pdf', bytes: textPdf(notice(random, 5).split('\n'), pages) };
    const breaks = Array.from({ length: pages - 1 }, () => `<w:p><w:r><w:br w:type="page"/></w:r>${run(pick(random, TASKS))}</w:p>`);
    return { label: `docx-${pages}-pages`, fileName: 'pages.docx', bytes: docxFromXml(paragraphs(notice(random, 5)) + breaks.join('')) };
  },
};

const bombs = new Map<number, Uint8Array>();

/** Megabytes of one character deflate a thousandfold: a .docx the reader must refuse from the sizes its archive declares. Made once per size. */
function zipBomb(megabytes: number): Uint8Array {
  let bomb = bombs.get(megabytes);
  if (!bomb) bombs.set(megabytes, (bomb = docxFromXml(`<w:p><w:r><w:t>${' '.repeat(megabytes * 1024 * 1024)}</w:t></w:r></w:p>`)));
  // A copy: a reader may take ownership of the bytes it is given.
  return bomb.slice();
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
export const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const paragraphs = (text: string) => text.split('\n').map((line) => `<w:p>${run(line)}</w:p>`).join('');
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx of WordprocessingML written directly: a document body and, optionally, a numbering part's content. */
export function docxFromXml(body: string, numbering?: string): Uint8Array {
  return zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${body}</w:body></w:document>`),
    ...(numbering ? { 'word/numbering.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${NS}>${numbering}</w:numbering>`) } : {}),
  });
}

/**
 * A PDF with a text layer, written by hand: `pages` pages, each showing `lines` in Helvetica
 * (letters outside Latin-1 become `?`, which is enough to be text).
 */
export function textPdf(lines: string[], pages: number): Uint8Array {
  const objects: string[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const latin = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[^\x20-\x7e]/gu, '?').replace(/[()\\]/gu, '');
  const content = `BT /F1 10 Tf 40 800 Td 12 TL ${lines.slice(0, 60).map((line) => `(${latin(line).slice(0, 100)}) '`).join(' ')} ET`;
  for (const id of pageIds) {
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}
