/**
 * The hostile corpus of issue 20 in full: 3,200 seeded inputs (every class, about a third of
 * them at the issue's sizes) read and parsed through the notice worker as the bot's intake does
 * it. Prints how many were refused and why, parsed, timed out, out of memory and crashed, the
 * slowest inputs and the process's peak RSS (the worker's heap included). Targets: no crash, no
 * parse past the limits, every input answered within the time limit.
 */
import { NoticeFileError } from '../src/parser/files/notice-file-error.js';
import { NOTICE_LIMITS, NoticeLimitError } from '../src/parser/limits.js';
import { NoticeWorker } from '../src/parser/worker/notice-worker.js';
import { hostileNotices } from '../test/support/hostile-notices.js';

const SEED = 20;
const COUNT = 3_200;

export default async function bench(log: (line: string) => void): Promise<void> {
  const worker = new NoticeWorker();
  const outcomes = new Map<string, number>();
  const slowest: { ms: number; label: string; outcome: string }[] = [];
  const crashes: string[] = [];
  let pastLimits = 0;
  const started = performance.now();
  let index = 0;
  for (const notice of hostileNotices({ seed: SEED, count: COUNT, scale: 'issue' })) {
    const begun = performance.now();
    let outcome: string;
    try {
      const text = await worker.readText(notice.bytes, notice.fileName);
      const parsed = await worker.parse(text);
      if (text.length > NOTICE_LIMITS.characters || parsed.directives.length > NOTICE_LIMITS.directives) pastLimits += 1;
      outcome = 'parsed';
    } catch (error) {
      outcome = error instanceof NoticeLimitError ? `refused: ${error.limit} limit` : error instanceof NoticeFileError ? `refused: ${error.code}` : 'crashed';
      if (outcome === 'crashed') crashes.push(`#${index} ${notice.label}: ${String(error)}`);
    }
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    slowest.push({ ms: performance.now() - begun, label: `#${index} ${notice.label}`, outcome });
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
    index += 1;
  }
  await worker.close();
  const seconds = (performance.now() - started) / 1000;
  log(`${index} hostile inputs (seed ${SEED}) in ${seconds.toFixed(0)} s through the notice worker (limits: ${NOTICE_LIMITS.characters} characters, ${NOTICE_LIMITS.directives} directives, ${NOTICE_LIMITS.pages} pages, ${NOTICE_LIMITS.seconds} s, ${NOTICE_LIMITS.memoryMb} MB)`);
  for (const [outcome, count] of [...outcomes].sort((a, b) => b[1] - a[1])) log(`  ${outcome}: ${count}`);
  log(`timed out: ${outcomes.get('refused: seconds limit') ?? 0}, out of memory: ${outcomes.get('refused: memoryMb limit') ?? 0}, crashed: ${crashes.length} (target 0), parsed past the limits: ${pastLimits} (target 0)`);
  for (const crash of crashes.slice(0, 10)) log(`  crash ${crash}`);
  log(`slowest: ${slowest.map((s) => `${s.label} ${s.ms.toFixed(0)} ms (${s.outcome})`).join('; ')}`);
  log(`max time: ${slowest[0]?.ms.toFixed(0)} ms (limit ${NOTICE_LIMITS.seconds * 1000} ms); peak RSS of the process, worker included: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
