/**
 * Builds .docx and .pdf notices for the file-intake tests and the benchmark: a .docx with
 * Word's automatic numbering (the case a plain text extraction gets wrong), and a PDF with a
 * real text layer in a font that has Vietnamese glyphs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

/** One paragraph of a generated notice: plain, or an item of Word's automatic list at a level. */
export type DocxLine = string | { text: string; level: 0 | 1 };

/**
 * One block of a generated notice as the corpus writes it (contract C): a paragraph, optionally
 * an item of Word's automatic list at level 0 (`1.`) or 1 (`a)`), or a real Word table whose
 * first row is the header. A cell's text may hold `\n` for the paragraphs of a wrapped cell.
 */
export type DocxBlock = { p: string; numbered?: 0 | 1 } | { table: string[][] };

/** A .docx whose list items are numbered by Word (`1.`, `2.` at level 0; `a)`, `b)` at level 1) and whose tables are real `w:tbl`s. */
export async function buildDocx(blocks: (DocxLine | DocxBlock)[]): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'tasks',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [{ children: blocks.map(docxBlock) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function docxBlock(block: DocxLine | DocxBlock): Paragraph | Table {
  if (typeof block === 'string') return plainParagraph(block);
  if ('table' in block) return docxTable(block.table);
  const [text, level] = 'text' in block ? [block.text, block.level] : [block.p, block.numbered];
  return level === undefined
    ? plainParagraph(text)
    : new Paragraph({ numbering: { reference: 'tasks', level }, children: [new TextRun(text)] });
}

function plainParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

/** A bordered full-width table; the first row is marked as Word's repeating header row. */
function docxTable(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0,
          children: cells.map((cell) => new TableCell({ children: cell.split('\n').map(plainParagraph) })),
        }),
    ),
  });
}

const require = createRequire(import.meta.url);
const fontPath = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A PDF with one text line per entry of `lines`, paged every 45 lines; no lines gives a blank (scan-like) page. */
export async function buildPdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(fontPath), { subset: true });
  const perPage = 45;
  for (let first = 0; first === 0 || first < lines.length; first += perPage) {
    const page = pdf.addPage([595, 842]);
    lines.slice(first, first + perPage).forEach((line, i) => page.drawText(line, { x: 40, y: 800 - i * 16, size: 10, font }));
  }
  return pdf.save();
}
