import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';

/**
 * A route of the one HTTP server. It answers the request and returns true, or returns false to
 * let the next route try: webhooks, the health check, the sandbox page and the dashboard are
 * all routes, so the process listens on a single port.
 */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

/** The running HTTP server, with the address it really listens on (port 0 picks a free one). */
export interface HttpServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** `GET /healthz`: answers 200 while the process is up, for load balancers and the sandbox. */
export const healthRoute: Route = (req, res) => {
  if (req.method !== 'GET' || req.url !== '/healthz') return false;
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  return true;
};

/**
 * Starts the HTTP server on `host:port` with the given routes, tried in order; a request no
 * route takes gets 404, and a route that throws gets 500 with the error logged, never echoed.
 */
export async function startHttpServer(options: { host: string; port: number; routes: Route[]; logger: Logger }): Promise<HttpServer> {
  const { routes, logger } = options;
  const server = createServer((req, res) => {
    void (async () => {
      for (const route of routes) {
        if (await route(req, res)) return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    })().catch((error: unknown) => {
      logger.error({ err: error, method: req.method }, 'http route failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
