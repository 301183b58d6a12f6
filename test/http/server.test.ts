import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody } from '../../src/http/read-body.js';
import { healthRoute, startHttpServer, type HttpServer, type Route } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';

const logger = createLogger({ level: 'silent' });
let http: HttpServer | undefined;
afterEach(async () => {
  await http?.close();
  http = undefined;
});

/** A raw TCP client: what it received, and a promise that resolves with the time it was closed, in ms after connecting. */
function rawClient(url: string, send?: string) {
  const { port } = new URL(url);
  const started = Date.now();
  const socket: Socket = connect(Number(port), '127.0.0.1', () => send && socket.write(send));
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  return { socket, closed, received: () => received };
}

const echoBody: Route = async (req, res) => {
  const body = await readBody(req, 1024);
  if (!body) res.writeHead(413, { connection: 'close' }).end();
  else res.end(`read ${body.length}`);
  return true;
};

describe('the HTTP server under slow or greedy clients', () => {
  it('closes a connection that sends no headers, or only some, after the header timeout', async () => {
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [echoBody], logger, limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    const silent = rawClient(http.url);
    const partial = rawClient(http.url, 'POST / HTTP/1.1\r\nHost: x\r\n');
    // Bounded by the test's own timeout: before the limits, Node waited 60 s for headers and never closed a silent socket.
    expect(await silent.closed).toBeLessThan(3_000);
    expect(await partial.closed).toBeLessThan(3_000);
  });

  it('closes a request whose body never ends after the request timeout, with 408', async () => {
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [echoBody], logger, limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    const client = rawClient(http.url, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc');
    expect(await client.closed).toBeLessThan(3_000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle kept-alive connection', async () => {
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [echoBody], logger, limits: { keepAliveTimeoutMs: 200 } });
    const client = rawClient(http.url, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi');
    expect(await client.closed).toBeLessThan(3_000);
    expect(client.received()).toMatch(/read 2$/);
  });

  it('refuses connections beyond the cap while the others are open', async () => {
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [echoBody], logger, limits: { maxConnections: 2, headersTimeoutMs: 5_000, requestTimeoutMs: 10_000 } });
    const held = [rawClient(http.url), rawClient(http.url)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = rawClient(http.url, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi');
    expect(await extra.closed).toBeLessThan(2_000);
    expect(extra.received()).toBe('');
    for (const client of held) client.socket.destroy();
  });

  it('answers 413 to a body over the limit, from its Content-Length or as it streams', async () => {
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [echoBody], logger });
    expect((await fetch(http.url, { method: 'POST', body: 'x'.repeat(2048) })).status).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i += 1) controller.enqueue(new TextEncoder().encode('y'.repeat(512)));
        controller.close();
      },
    });
    expect((await fetch(http.url, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit)).status).toBe(413);
    expect(await (await fetch(http.url, { method: 'POST', body: 'small' })).text()).toBe('read 5');
  });

  it('answers HEAD /healthz like GET without a body, and 503 with the problem when the check fails', async () => {
    let health: { ok: true } | { ok: false; problem: string } = { ok: true };
    http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [healthRoute(async () => health)], logger });
    const get = await fetch(`${http.url}/healthz`);
    const head = await fetch(`${http.url}/healthz`, { method: 'HEAD' });
    expect([get.status, head.status]).toEqual([200, 200]);
    expect(await get.json()).toEqual({ ok: true });
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    health = { ok: false, problem: 'the database does not answer' };
    const down = await fetch(`${http.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual(health);
    expect((await fetch(`${http.url}/healthz`, { method: 'HEAD' })).status).toBe(503);
  });
});
