/**
 * The emulator's own ceiling: sendMessage calls per second with limits off (target ≥ 5,000/s on
 * two cores). The load comes from a worker thread over keep-alive HTTP, so the figure includes
 * the emulator's request parsing and JSON answers, as the bot sees them.
 */
import { Worker } from 'node:worker_threads';
import { startEmulator } from '../src/emulator/emulator.js';
import type { Benchmark } from '../src/cli/bench.js';

const durationMs = 4_000;
const warmupMs = 1_000;
const connections = 32;

// Plain JavaScript so that the worker needs no TypeScript loader.
const loadGenerator = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { url, chatId, connections, warmupMs, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
let counting = false, ok = 0, failed = 0, stop = false;
function one(i) {
  if (stop) return Promise.resolve();
  const body = JSON.stringify({ chat_id: chatId, text: 'Nhắc việc số ' + i + ': <b>hạn 30/11</b>', parse_mode: 'HTML' });
  return new Promise((resolve) => {
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => { if (counting) { if (res.statusCode === 200) ok++; else failed++; } resolve(); });
    });
    req.on('error', () => { if (counting) failed++; resolve(); });
    req.end(body);
  }).then(() => one(i + connections));
}
const loops = Array.from({ length: connections }, (_, i) => one(i));
setTimeout(() => { counting = true; }, warmupMs);
setTimeout(() => { stop = true; Promise.all(loops).then(() => { parentPort.postMessage({ ok, failed }); agent.destroy(); }); }, warmupMs + durationMs);
`;

const bench: Benchmark = async (log) => {
  const emulator = await startEmulator({ rateLimits: false });
  const user = emulator.driver.createUser({ firstName: 'Bench' });
  emulator.driver.startBot(user);
  try {
    const worker = new Worker(loadGenerator, {
      eval: true,
      workerData: { url: `${emulator.apiRoot}/bot${emulator.token}/sendMessage`, chatId: user.id, connections, warmupMs, durationMs },
    });
    const { ok, failed } = await new Promise<{ ok: number; failed: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const perSecond = Math.round(ok / (durationMs / 1000));
    log(`sendMessage with limits off: ${perSecond.toLocaleString('en')} calls/s over ${durationMs / 1000} s, ${connections} keep-alive connections (${failed} failed)`);
    log(`target ≥ 5,000 calls/s: ${perSecond >= 5_000 ? 'met' : 'NOT met'}`);
  } finally {
    await emulator.stop();
  }
};

export default bench;
