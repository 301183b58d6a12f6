import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiError } from './api-error.js';
import { Described, type BotApi } from './bot-api.js';
import { parseMultipart } from './multipart.js';
import { readBody } from '../http/read-body.js';

/**
 * The Bot API over HTTP, as `https://api.telegram.org` serves it: `/bot<token>/<method>` with
 * parameters in the query string, a urlencoded or multipart form, or a JSON body, and files at
 * `/file/bot<token>/<file_path>`. The HTTP status is the `error_code` of the answer.
 */
export function createApiServer(api: BotApi): Server {
  const server = createServer((req, res) => {
    handle(api, req, res).catch((error: unknown) => {
      // Not a Bot API answer but a fault in the emulator itself: show it loudly.
      console.error('emulator: internal error', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

async function handle(api: BotApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  if (file) return serveFile(api, file[1]!, decodeURIComponent(file[2]!), res);
  const call = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
  if (!call) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  if (call[1] !== api.options.token) return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
  const method = call[2]!;

  const body = await readBody(req, api.options.maxUploadSize + 1024 * 1024);
  if (body === undefined) return sendJson(res, 413, { ok: false, error_code: 413, description: 'Request Entity Too Large' });
  let values: Record<string, unknown>;
  try {
    values = { ...Object.fromEntries(url.searchParams), ...parseBody(body, req.headers['content-type'] ?? '') };
  } catch {
    return sendJson(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON object" });
  }
  // JSON may escape half of a surrogate pair (`"\ud83d"`), which is no UTF-8 at all: Telegram refuses the whole call.
  if (!wellFormed(values)) return sendJson(res, 400, { ok: false, error_code: 400, description: 'Bad Request: strings must be encoded in UTF-8' });

  const fault = api.faults.takeFailure(method, values);
  if (fault === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault === 'error500') return sendJson(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
  if (fault === 'not-editable') return sendJson(res, 400, { ok: false, error_code: 400, description: "Bad Request: message can't be edited" });
  const delay = api.faults.takeDelay(method, values);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

  // A client that hangs up ends its long poll, so the next getUpdates is not seen as a rival.
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  try {
    const result = await api.call(method, values, gone.signal);
    if (result instanceof Described) sendJson(res, 200, { ok: true, result: result.result, description: result.description });
    else sendJson(res, 200, { ok: true, result });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(res, error.errorCode, error.toJSON());
  }
}

/** Whether every string in a call's parameters, however deep, is valid Unicode (no lone surrogate). */
function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !/\p{Cs}/u.test(value);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) return Object.values(value).every(wellFormed);
  return true;
}

function parseBody(body: Buffer, contentType: string): Record<string, unknown> {
  if (body.length === 0) return {};
  const type = contentType.toLowerCase();
  if (type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  }
  if (type.startsWith('multipart/form-data')) return parseMultipart(body, contentType);
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  return {};
}


function serveFile(api: BotApi, token: string, filePath: string, res: ServerResponse): void {
  const file = token === api.options.token ? api.files.atPath(filePath) : undefined;
  if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length }).end(file.data);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
