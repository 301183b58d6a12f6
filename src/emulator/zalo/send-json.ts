import type { ServerResponse } from 'node:http';

/** Answers with a JSON body and the given HTTP status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
