import type { UploadedFile } from './params.js';

/**
 * Parses a multipart/form-data body into fields and files. grammY writes its parts tersely
 * (`content-disposition:form-data;name="x";filename=report.pdf`, no quotes around the file name,
 * raw UTF-8 in it), which stricter parsers reject, so this one reads the headers leniently.
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, string | UploadedFile> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return {};
  const delimiter = Buffer.from(`--${marker}`);
  const result: Record<string, string | UploadedFile> = {};
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    let partStart = start + delimiter.length;
    if (body[partStart] === 0x2d && body[partStart + 1] === 0x2d) break; // closing "--boundary--"
    if (body[partStart] === 0x0d && body[partStart + 1] === 0x0a) partStart += 2;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // The CRLF before the next delimiter belongs to the delimiter, not to the content.
    const partEnd = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    addPart(body.subarray(partStart, partEnd), result);
    start = next;
  }
  return result;
}

function addPart(part: Buffer, into: Record<string, string | UploadedFile>): void {
  const headerEnd = part.indexOf('\r\n\r\n');
  if (headerEnd === -1) return;
  const headers = part.subarray(0, headerEnd).toString('utf8');
  const content = part.subarray(headerEnd + 4);
  const disposition = headers.split('\r\n').find((line) => /^content-disposition\s*:/i.test(line));
  if (!disposition) return;
  const name = headerParameter(disposition, 'name');
  if (name === undefined) return;
  const fileName = headerParameter(disposition, 'filename');
  into[name] = fileName === undefined ? content.toString('utf8') : { kind: 'upload', fileName, data: Buffer.from(content) };
}

function headerParameter(header: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}\\s*=\\s*(?:"([^"]*)"|([^;\\r\\n]*))`, 'i').exec(header);
  if (!match) return undefined;
  return (match[1] ?? match[2] ?? '').trim();
}
