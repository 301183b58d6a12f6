import { afterAll, describe, expect, it } from 'vitest';
import { NoticeFileError } from '../../src/parser/files/notice-file-error.js';
import { NOTICE_LIMITS, NoticeLimitError } from '../../src/parser/limits.js';
import { NoticeWorker } from '../../src/parser/worker/notice-worker.js';
import { HOSTILE_CLASSES, hostileNotices } from '../support/hostile-notices.js';

/**
 * The fuzz test of issue 20: a fixed seed's hostile corpus through the notice worker, as the
 * bot's intake runs it. The full run (thousands of inputs) is `npm run bench -- hostile`.
 */
describe('hostile notices', () => {
  const worker = new NoticeWorker();
  afterAll(() => worker.close());

  it('are refused with a reason or parsed within the limits, never crash', { timeout: 60_000 }, async () => {
    const outcomes = new Map<string, number>();
    const crashes: string[] = [];
    const pastLimits: string[] = [];
    const kinds = new Set<string>();
    let count = 0;
    for (const notice of hostileNotices({ seed: 20, count: 256, scale: 'test' })) {
      count += 1;
      kinds.add(notice.kind);
      const id = `#${count - 1} ${notice.label}`;
      try {
        const text = await worker.readText(notice.bytes, notice.fileName);
        const parsed = await worker.parse(text);
        if (text.length > NOTICE_LIMITS.characters || parsed.directives.length > NOTICE_LIMITS.directives) pastLimits.push(id);
        outcomes.set('parsed', (outcomes.get('parsed') ?? 0) + 1);
      } catch (error) {
        if (!(error instanceof NoticeFileError)) crashes.push(`${id}: ${String(error)}`);
        const reason = error instanceof NoticeLimitError ? `limit:${error.limit}` : error instanceof NoticeFileError ? error.code : 'crash';
        outcomes.set(reason, (outcomes.get(reason) ?? 0) + 1);
      }
    }
    expect(crashes).toEqual([]);
    expect(pastLimits).toEqual([]);
    expect(count).toBe(256);
    // Every class ran, and the corpus reaches the outcomes it is built for.
    expect(kinds).toEqual(new Set(HOSTILE_CLASSES));
    expect([...outcomes.keys()]).toEqual(expect.arrayContaining(['corrupt', 'legacy-encoding', 'limit:characters', 'limit:directives', 'limit:pages', 'parsed', 'zip-bomb', 'unsupported-type']));
  });
});
