import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { parseNotice } from '../../src/parser/index.js';
import { NoticeLimitError } from '../../src/parser/limits.js';
import { NoticeWorker } from '../../src/parser/worker/notice-worker.js';
import { NoticeFileError } from '../../src/parser/files/notice-file-error.js';

const notice = [
  'UBND HUYỆN TRIỆU SƠN',
  'Số: 12/TB-UBND',
  'Triệu Sơn, ngày 01 tháng 12 năm 2024',
  'THÔNG BÁO',
  'Chủ tịch UBND huyện kết luận như sau:',
  '1. Giao Phòng Nội vụ rà soát biên chế, báo cáo trước ngày 15/12/2024.',
  '2. Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Nội vụ cân đối kinh phí trong quý I/2025.',
].join('\n');

/**
 * A stand-in worker that answers like the notice worker, except that a text of `spin` never
 * finishes and one of `hog` allocates until V8 stops it: the pool's limits are what is tested.
 */
const misbehavingWorker = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, task }) => {
  if (task.text === 'spin') for (;;);
  if (task.text === 'hog') { const kept = []; for (;;) kept.push(new Array(100_000).fill(kept.length)); }
  parentPort.postMessage({ id, ok: true, value: task.text.toUpperCase() });
});
`;

describe('the notice worker', () => {
  let folder: string;
  let script: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'dondoc-worker-'));
    script = path.join(folder, 'misbehaving-worker.mjs');
    await writeFile(script, misbehavingWorker);
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('reads and parses in a worker thread what the parser reads inline, and refuses as the readers do', async () => {
    const worker = new NoticeWorker();
    try {
      const text = await worker.readText(strToU8(notice), 'tb.txt');
      expect(text).toBe(notice);
      expect(await worker.parse(text, { referenceDate: '2024-12-01' })).toEqual(parseNotice(notice, { referenceDate: '2024-12-01' }));
      const refused = await worker.readText(strToU8('PK\u0003\u0004 not a docx'), 'tb.docx').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(NoticeFileError);
      expect((refused as NoticeFileError).code).toBe('corrupt');
      const tooMany = await worker.parse([notice, ...Array.from({ length: 600 }, (_, i) => `${i + 3}. Giao Công an huyện việc ${i}.`)].join('\n')).catch((e: unknown) => e);
      expect(tooMany).toBeInstanceOf(NoticeLimitError);
      expect((tooMany as NoticeLimitError).limit).toBe('directives');
    } finally {
      await worker.close();
    }
  });

  it('terminates a task past its time, answering meanwhile on the main thread, and takes the next task on a fresh worker', async () => {
    const worker = new NoticeWorker({ script, timeLimitMs: 400 });
    try {
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 10);
      const spun = await worker.parse('spin').catch((e: unknown) => e);
      clearInterval(ticker);
      expect(spun).toBeInstanceOf(NoticeLimitError);
      expect((spun as NoticeLimitError).message).toBe('Đọc văn bản quá 0,4 giây (giới hạn thời gian xử lý): tệp có thể bị hỏng hoặc có cấu trúc bất thường.');
      // The main thread's timers kept running while the worker spun.
      expect(ticks).toBeGreaterThan(10);
      expect(await worker.parse('next')).toBe('NEXT');
    } finally {
      await worker.close();
    }
  });

  it('refuses a task that runs out of its heap, without touching the main thread’s, and queues tasks behind it', async () => {
    const worker = new NoticeWorker({ script, memoryLimitMb: 16, timeLimitMs: 20_000 });
    try {
      const [hog, after] = await Promise.allSettled([worker.parse('hog'), worker.parse('after')]);
      expect(hog.status === 'rejected' && hog.reason).toBeInstanceOf(NoticeLimitError);
      expect(hog.status === 'rejected' && (hog.reason as NoticeLimitError).limit).toBe('memoryMb');
      expect(after).toEqual({ status: 'fulfilled', value: 'AFTER' });
    } finally {
      await worker.close();
    }
  });
});
