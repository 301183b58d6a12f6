import type { IncomingMessage } from 'node:http';
import { readBody } from '../../http/read-body.js';

/**
 * Reads a request's JSON body: `{}` when it is empty, null when it is not JSON or is larger than
 * `maxBytes` (reading stops there, so a huge body costs no memory).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = 1024 * 1024): Promise<unknown> {
  const body = await readBody(req, maxBytes);
  if (!body) return null;
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
