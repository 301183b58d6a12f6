/**
 * Parser accuracy (issue #15): parses and routes every notice of `test/fixtures/corpus/` and
 * prints segmentation, lead, coordinating, deadline, schedule and metadata accuracy, routing pairs
 * right / missed / wrong (target ≤ 1% wrong), the overall score (target ≥ 0.90), per-class
 * averages, one line per notice and the ten worst notices with what went wrong. Then the same
 * for `test/fixtures/holdout/`, notices written apart from the parser (see its README).
 */
import { fileURLToPath } from 'node:url';
import { evaluateCorpus, loadCorpus } from '../test/support/corpus.js';
import { formatReport } from '../test/support/corpus-score.js';

const holdoutDir = fileURLToPath(new URL('../test/fixtures/holdout/', import.meta.url));

export default async function bench(log: (line: string) => void): Promise<void> {
  for (const [name, dir] of [['corpus', undefined], ['held-out notices', holdoutDir]] as const) {
    const notices = await loadCorpus(dir);
    const started = performance.now();
    const scores = evaluateCorpus(notices);
    log(`### ${name}`);
    for (const line of formatReport(scores)) log(line);
    log('');
    log(`parsed and routed ${notices.length} notices in ${(performance.now() - started).toFixed(0)} ms`);
    log('');
  }
}
