/**
 * Builds .docx and .pdf notices for the file-intake tests and the benchmark: a .docx with
 * Word's automatic numbering (the case a plain text extraction gets wrong), and a PDF with a
 * real text layer in a font that has Vietnamese glyphs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

/** One paragraph of a generated notice: plain, or an item of Word's automatic list at a level. */
export type DocxLine = string | { text: string; level: 0 | 1 };

/** A .docx whose list items are numbered by Word (`1.`, `2.` at level 0; `a)`, `b)` at level 1). */
export async function buildDocx(lines: DocxLine[]): Promise<Uint8Array> {
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
    sections: [
      {
        children: lines.map((line) =>
          typeof line === 'string'
            ? new Paragraph({ children: [new TextRun(line)] })
            : new Paragraph({ numbering: { reference: 'tasks', level: line.level }, children: [new TextRun(line.text)] }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
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
