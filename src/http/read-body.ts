import type { IncomingMessage } from 'node:http';

/** The largest request body a route reads unless it says otherwise: an update, a form, a small JSON call. */
export const defaultBodyLimit = 1024 * 1024;

/**
 * Reads a request's whole body, or resolves undefined as soon as it is known to be larger than
 * `limit` bytes: from its Content-Length before any of it is read, else once it grows past.
 * Nothing more of an oversized body is kept; the route answers 413 and the server closes the
 * connection rather than read the rest.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(size > limit ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A JSON body as read by {@link readJson}. */
export type JsonBody = { status: 'ok'; value: unknown } | { status: 'empty' } | { status: 'malformed' } | { status: 'too-large' };

/** Reads a request's body as JSON, telling an empty, unparsable or oversized body apart so that each gets its answer. */
export async function readJson(req: IncomingMessage, limit = defaultBodyLimit): Promise<JsonBody> {
  const body = await readBody(req, limit);
  if (!body) return { status: 'too-large' };
  const text = body.toString('utf8');
  if (text.trim() === '') return { status: 'empty' };
  try {
    return { status: 'ok', value: JSON.parse(text) };
  } catch {
    return { status: 'malformed' };
  }
}
