/**
 * Reads and parses notices off the bot's event loop. A notice is whatever a stranger uploads:
 * one built to make the parser spin or take all memory must cost its sender a refusal, not
 * stop every office's updates and reminders. So the work runs in one worker thread, reused from
 * notice to notice, with V8's heap limits (`resourceLimits`) and a wall-time limit; a worker
 * that runs past its time is terminated and the next notice gets a fresh one.
 *
 * ```ts
 * const text = await noticeWorker.readText(bytes, 'TB-412.docx');
 * const parsed = await noticeWorker.parse(text, { referenceDate: '2024-12-01' });
 * ```
 *
 * Notices wait their turn: one worker keeps a second core free for the bot, and at most one
 * notice's worth of memory is ever held. An idle worker ends after a while and frees its heap.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectDir } from '../../project-files.js';
import { NoticeFileError } from '../files/notice-file-error.js';
import { NOTICE_LIMITS, NoticeLimitError } from '../limits.js';
import type { ParseOptions, ParsedNotice } from '../index.js';
import type { NoticeTask, NoticeTaskResult, TaskFailure, TaskReply } from './notice-task.js';

export interface NoticeWorkerOptions {
  /** Wall time of one task, from when the worker starts it. */
  timeLimitMs: number;
  /** The worker's heap (old generation); its young generation and stack are limited alongside. */
  memoryLimitMb: number;
  /** An idle worker is ended after this long. */
  idleMs: number;
  /** A JavaScript file to run as the worker instead of the notice worker of this build (tests of the limits). */
  script?: string;
}

const defaults: NoticeWorkerOptions = { timeLimitMs: NOTICE_LIMITS.seconds * 1000, memoryLimitMb: NOTICE_LIMITS.memoryMb, idleMs: 60_000 };

interface Job {
  id: number;
  task: NoticeTask;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A worker thread that reads and parses notices one at a time, recreated after it was killed. */
export class NoticeWorker {
  private readonly options: NoticeWorkerOptions;
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(options: Partial<NoticeWorkerOptions> = {}) {
    this.options = { ...defaults, ...options };
  }

  /** A notice file's text, held to the page and character limits. Refusals are `NoticeFileError`s (`NoticeLimitError` for a limit). */
  readText(bytes: Uint8Array, fileName: string): Promise<string> {
    return this.run({ kind: 'read', bytes, fileName });
  }

  /** A notice's text parsed, held to the character and directive limits. */
  parse(text: string, options: ParseOptions = {}): Promise<ParsedNotice> {
    return this.run({ kind: 'parse', text, options });
  }

  /** Ends the worker; notices still waiting fail. */
  async close(): Promise<void> {
    const waiting = this.queue.splice(0);
    if (this.current) waiting.unshift(this.current.job);
    this.finishCurrent();
    for (const job of waiting) job.reject(new Error('notice worker closed'));
    await this.stopIdleWorker();
  }

  private run<K extends NoticeTask['kind']>(task: Extract<NoticeTask, { kind: K }>): Promise<NoticeTaskResult[K]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve: resolve as (value: unknown) => void, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (!job) {
      this.idleTimer = setTimeout(() => void this.stopIdleWorker(), this.options.idleMs).unref();
      this.worker?.unref();
      return;
    }
    const worker = this.worker ?? this.startWorker();
    // A waiting notice keeps the process alive (`dondoc parse` has nothing else to wait on); an idle worker does not.
    worker.ref();
    const timer = setTimeout(() => this.fail(new NoticeLimitError('seconds', this.options.timeLimitMs / 1000, null)), this.options.timeLimitMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, task: job.task });
  }

  private startWorker(): Worker {
    const script = this.options.script ? { source: this.options.script, eval: false } : noticeWorkerScript();
    const worker = new Worker(script.source, {
      eval: script.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    worker.on('message', (reply: TaskReply) => {
      if (reply.id !== this.current?.job.id) return;
      const { job } = this.current;
      this.finishCurrent();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(errorOf(reply.failure));
      this.startNext();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      // V8 ends a worker past `resourceLimits` with this code; the bot's own heap is untouched.
      this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new NoticeLimitError('memoryMb', this.options.memoryLimitMb, null) : new Error(`notice worker failed: ${error.message}`));
    });
    worker.on('exit', () => {
      // A worker this class ended was already let go of; any other exit fails the notice it was reading.
      if (this.worker === worker) this.fail(new Error('notice worker exited'));
    });
    this.worker = worker;
    return worker;
  }

  /** Ends the current job with `error` and its worker with it, then moves on to the next notice on a fresh worker. */
  private fail(error: Error): void {
    const dead = this.worker;
    this.worker = null;
    void dead?.terminate();
    const job = this.current?.job;
    if (!job) return;
    this.finishCurrent();
    job.reject(error);
    this.startNext();
  }

  private finishCurrent(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
  }

  private async stopIdleWorker(): Promise<void> {
    if (this.current) return;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/**
 * The worker's script: bundled beside the CLI in `dist/` (scripts/build.mjs), or, when dondoc
 * runs from `src/` (tests, benchmarks), a few lines that register tsx's hooks in the worker's
 * thread and then import the TypeScript source (Node 20 does not apply `--import tsx` to a
 * worker's entry).
 */
function noticeWorkerScript(): { source: string; eval: boolean } {
  const entry = 'parser/worker/notice-worker-entry';
  if (!import.meta.url.endsWith('.ts')) return { source: path.join(projectDir, 'dist', `${entry}.js`), eval: false };
  // `require.resolve` finds the CommonJS build of tsx's API; its ES module build sits beside it (tsx's `exports` map).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/u, '.mjs')).href;
  const source = pathToFileURL(path.join(projectDir, 'src', `${entry}.ts`)).href;
  return { source: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, eval: true };
}

function errorOf(failure: TaskFailure): Error {
  if (failure.kind === 'limit') return new NoticeLimitError(failure.limit, failure.max, failure.actual);
  if (failure.kind === 'refused') return new NoticeFileError(failure.code, failure.message);
  return new Error(`notice worker: ${failure.message}`);
}

/** The process's notice worker, which the bot's intake and the CLI share. */
export const noticeWorker = new NoticeWorker();
