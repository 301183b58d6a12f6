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

/**
 * How long the server waits on a client and how many it serves at once. A client that opens
 * connections and sends nothing, or starts a body and never ends it, otherwise holds a socket
 * and its buffers for as long as it likes: hundreds of them ran the process out of memory.
 */
export interface HttpLimits {
  /** Time for a request's headers to arrive, from the connection (or the previous request) on. */
  headersTimeoutMs: number;
  /** Time for a whole request, body included, to arrive. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may sit idle between requests. */
  keepAliveTimeoutMs: number;
  /** How long a connection may see no traffic at all, whatever it is doing. */
  idleTimeoutMs: number;
  /** Open connections at most; further ones are closed at once. */
  maxConnections: number;
}

/** Telegram and Zalo post small updates and wait about 10 s for an answer; a browser loads the dashboard in a few requests. */
export const defaultHttpLimits: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, idleTimeoutMs: 60_000, maxConnections: 512 };

/** How the health check learns whether the process can serve: the database answers, for one. */
export type HealthCheck = () => Promise<{ ok: true } | { ok: false; problem: string }>;

/**
 * `GET /healthz` (and `HEAD`, the same without a body): 200 while the process can serve, 503
 * with the problem when `check` says it cannot (the database refuses connections, say), so that
 * a load balancer or a supervisor sees an outage the users would otherwise meet in silence.
 */
export function healthRoute(check: HealthCheck): Route {
  return async (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.url?.split('?')[0] !== '/healthz') return false;
    const health = await check();
    const body = JSON.stringify(health);
    res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/**
 * Starts the HTTP server on `host:port` with the given routes, tried in order; a request no
 * route takes gets 404, and a route that throws gets 500 with the error logged, never echoed.
 */
export async function startHttpServer(options: { host: string; port: number; routes: Route[]; logger: Logger; limits?: Partial<HttpLimits> }): Promise<HttpServer> {
  const { routes, logger } = options;
  const limits = { ...defaultHttpLimits, ...options.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node looks for requests past their time every 30 s by default: far too coarse for a 10 s limit.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 4)),
    },
    (req, res) => {
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
    },
  );
  server.maxConnections = limits.maxConnections;
  server.timeout = limits.idleTimeoutMs;
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

/** Answers that a body is over the route's limit and closes the connection, so the rest of it is never read. */
export function refuseTooLarge(res: ServerResponse): void {
  res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end('{"ok":false,"error_code":413,"description":"Request Entity Too Large"}');
}

/** Answers a body that is not the JSON the route expects: 400, and a one-line warning in the log (the body is not logged). */
export function refuseMalformed(req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  logger.warn({ path: req.url?.split('?')[0], remote: req.socket.remoteAddress }, 'malformed webhook request: body is not a JSON update');
  res.writeHead(400, { 'content-type': 'application/json' }).end('{"ok":false,"error_code":400,"description":"Bad Request"}');
}
