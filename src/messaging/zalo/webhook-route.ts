import { carriesSecret } from '../../http/secret-header.js';
import { readJson } from '../../http/read-body.js';
import { refuseMalformed, refuseTooLarge, type Route } from '../../http/server.js';
import type { Logger } from '../../logger.js';
import type { ZaloUpdate } from './types.js';

/** Where Zalo posts updates, under the public `ZALO_WEBHOOK_URL`. */
export const zaloWebhookPath = '/zalo/webhook';

/**
 * The webhook route: `POST /zalo/webhook` with the secret in `X-Bot-Api-Secret-Token`. A wrong
 * or missing secret gets 401 and the body is not even read; an oversized body 413, one that is
 * not an update 400 and a warning. The update usually comes wrapped
 * as `{ok, result}` and is accepted bare as well. It is answered 200 at once and handled
 * after, so that a long publish never makes Zalo resend; a resent update is dropped by the
 * router on its message id.
 */
export function zaloWebhookRoute(secret: string, onUpdate: (update: ZaloUpdate) => void, logger: Logger): Route {
  return async (req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== zaloWebhookPath) return false;
    if (!carriesSecret(req.headers['x-bot-api-secret-token'], secret)) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"ok":false,"error_code":401,"description":"Unauthorized"}');
      return true;
    }
    const body = await readJson(req);
    const update = body.status === 'ok' ? unwrap(body.value) : null;
    if (body.status === 'too-large') refuseTooLarge(res);
    else if (!update) refuseMalformed(req, res, logger);
    if (!update) return true;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    onUpdate(update);
    return true;
  };
}

function unwrap(body: unknown): ZaloUpdate | null {
  if (!body || typeof body !== 'object') return null;
  const wrapped = body as { ok?: unknown; result?: unknown };
  const update = (wrapped.ok === true && wrapped.result && typeof wrapped.result === 'object' ? wrapped.result : body) as Partial<ZaloUpdate>;
  // event_name is not required: not every sample in Zalo's documentation has one.
  return update.message && typeof update.message === 'object' ? (update as ZaloUpdate) : null;
}
