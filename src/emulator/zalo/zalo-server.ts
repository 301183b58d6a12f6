import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readJsonBody } from '../../messaging/zalo/read-json-body.js';
import { sendJson as answer } from './send-json.js';
import { ZaloRefusal, zaloMethods } from './zalo-methods.js';
import type { ZaloWorld } from './zalo-world.js';

/**
 * The emulated Bot API over HTTP, as `https://bot-api.zaloplatforms.com` serves it:
 * `POST /bot<TOKEN>/<method>` with a JSON body, answered `{ok, result}` or
 * `{ok: false, error_code, description}` with the error code as the HTTP status, the codes as
 * Zalo's error table has them: 401 for a token it does not know, 400 for a method it does not
 * have or bad parameters, 408 for a long poll that found nothing, 429 to back off.
 */
export function createZaloApiServer(world: ZaloWorld, token: string): Server {
  const server = createServer((req, res) => {
    handle(world, token, req, res).catch((error: unknown) => {
      console.error('zalo emulator: internal error', error);
      if (!res.headersSent) answer(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

async function handle(world: ZaloWorld, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const call = /^\/bot([^/]+)\/([^/?]*)/.exec(req.url ?? '');
  if (!call) return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  if (call[1] !== token) return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
  const name = call[2]!;
  const method = zaloMethods[name];
  // Zalo's error table: a method it does not have is a bad request, not a missing page.
  if (!method) return answer(res, 400, { ok: false, error_code: 400, description: `Bad Request: method ${name} is not supported` });
  world.calls[name] = (world.calls[name] ?? 0) + 1;

  const params = (await readJsonBody(req)) as Record<string, unknown> | null;
  if (!params || typeof params !== 'object') return answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request: body is not JSON' });
  const fault = world.takeFault(name);
  if (fault) return answer(res, fault, { ok: false, error_code: fault, description: fault === 429 ? 'Too Many Requests' : 'Injected failure' });
  try {
    answer(res, 200, { ok: true, result: await method(world, params) });
  } catch (error) {
    if (!(error instanceof ZaloRefusal)) throw error;
    answer(res, error.errorCode, { ok: false, error_code: error.errorCode, description: error.description });
  }
}
