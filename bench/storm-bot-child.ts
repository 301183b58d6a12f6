/**
 * The bot of the storm benchmark in a process of its own, so that the peak RSS it reports is the
 * bot's alone and not the emulator's or the seeding's. It is the whole app (`startApp`: long
 * polling, features, Telegram adapter with its throttler, HTTP server, scheduler) on a clock
 * that stands at 07:59 on Friday 14/03/2025 (a reporting day, Asia/Ho_Chi_Minh) and runs from
 * 08:00 once told to tick. The benchmark runs it compiled, as `npm start` runs the bot.
 *
 * Arguments: DATABASE_URL API_ROOT TOKEN. Over IPC it says `ready` once it has ticked at 07:59
 * (as the running scheduler has before 08:00: it plans nothing then), runs the 08:00 tick on
 * `tick` and answers with its report, and on `stop` stops the app and answers with its memory figures.
 */
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { parseIsoDate } from '../src/domain/local-date.js';
import { instantAt } from '../src/domain/zoned-time.js';
import { createLogger } from '../src/logger.js';
import type { TickReport } from '../src/scheduler/scheduler.js';

/** What the child says over IPC. */
export type StormChildMessage = 'ready' | { tick: TickReport } | { memory: BotMemory };

/** The bot's memory in MB: its peak RSS, its RSS once started, and the peaks of what Node can account for, sampled every 100 ms. */
export interface BotMemory {
  peakRss: number;
  readyRss: number;
  heapUsed: number;
  external: number;
}

const [databaseUrl, apiRoot, token] = process.argv.slice(2) as [string, string, string];
const eight = instantAt(parseIsoDate('2025-03-14'), 8, 0, 'Asia/Ho_Chi_Minh').getTime();
let tickedAt: number | undefined;
const now = () => new Date(tickedAt === undefined ? eight - 60_000 : eight + (Date.now() - tickedAt));

const config = parseConfig({ BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, HTTP_PORT: '0' });
if (config.mode !== 'polling') throw new Error('storm bench: expected polling mode');
// Errors only, on stderr: a failed update or delivery should show in the benchmark's output.
const app = await startApp(config, { logger: createLogger({ level: 'error', destination: process.stderr }), now, scheduler: false });
await app.scheduler.tick();
const mb = (bytes: number) => bytes / 2 ** 20;
const memory: BotMemory = { peakRss: 0, readyRss: mb(process.memoryUsage.rss()), heapUsed: 0, external: 0 };
const sample = setInterval(() => {
  const { heapUsed, external } = process.memoryUsage();
  memory.heapUsed = Math.max(memory.heapUsed, mb(heapUsed));
  memory.external = Math.max(memory.external, mb(external));
}, 100);
const say = (message: StormChildMessage) => process.send!(message);
say('ready');

process.on('message', (message: 'tick' | 'stop') => {
  if (message === 'tick') {
    tickedAt = Date.now();
    void app.scheduler.tick().then((tick) => say({ tick }));
  } else {
    void app.stop().then(() => {
      clearInterval(sample);
      // Exits once the figures are sent, whatever timers the libraries left running.
      process.send!({ memory: { ...memory, peakRss: process.resourceUsage().maxRSS / 1024 } } satisfies StormChildMessage, () => process.exit(0));
    });
  }
});
