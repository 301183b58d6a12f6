/**
 * Parser accuracy (issue #15): parses and routes every notice of `test/fixtures/corpus/` and
 * prints segmentation, lead, coordinating, deadline, schedule and metadata accuracy, routing pairs
 * right / missed / wrong (target ≤ 1% wrong), the overall score (target ≥ 0.90), per-class
 * averages, one line per notice and the ten worst notices with what went wrong.
 */
import { evaluateCorpus, loadCorpus } from '../test/support/corpus.js';
import { formatReport } from '../test/support/corpus-score.js';

export default async function bench(log: (line: string) => void): Promise<void> {
  const notices = await loadCorpus();
  const started = performance.now();
  const scores = evaluateCorpus(notices);
  for (const line of formatReport(scores)) log(line);
  log('');
  log(`parsed and routed ${notices.length} notices in ${(performance.now() - started).toFixed(0)} ms`);
}
