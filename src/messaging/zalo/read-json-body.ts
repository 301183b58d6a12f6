import type { IncomingMessage } from 'node:http';
import { defaultBodyLimit, readJson } from '../../http/read-body.js';

/**
 * Reads a request's JSON body: `{}` when it is empty, null when it is not JSON or is larger than
 * `maxBytes` (reading stops there, so a huge body costs no memory).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = defaultBodyLimit): Promise<unknown> {
  const body = await readJson(req, maxBytes);
  return body.status === 'ok' ? body.value : body.status === 'empty' ? {} : null;
}
