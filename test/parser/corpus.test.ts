/**
 * Guard rails over the accuracy corpus of issue #15 (`test/fixtures/corpus/`): the figures
 * `npm run bench -- parser-accuracy` prints in full must not fall back. The overall floor is the
 * measured figure less a small margin, so a regression fails here while an improvement only asks
 * for the floor to be raised; wrong routings are held to the issue's own target.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedNotice } from '../../src/parser/index.js';
import { evaluateCorpus, loadCorpus, type CorpusNotice, type ExpectedNotice } from '../support/corpus.js';
import { alignDirectives, scoreCorpus, scoreNotice, type CorpusScore, type ScoredRouting } from '../support/corpus-score.js';

/** Measured at 0.97 on 04/12/2026 over 48 notices; the margin absorbs fixture edits, not regressions. */
const OVERALL_FLOOR = 0.94;
/** Issue #15: sending to the wrong unit is worse than asking. Measured at 0.7% (3 of 444 routed pairs) on 04/12/2026. */
const WRONG_ROUTING_CEILING = 0.01;

describe('the accuracy corpus', () => {
  let notices: CorpusNotice[];
  let corpus: CorpusScore;

  beforeAll(async () => {
    notices = await loadCorpus();
    corpus = scoreCorpus(evaluateCorpus(notices));
  });

  it('holds at least 40 notices at district, province and commune level, from government and Party issuers', () => {
    expect(notices.length).toBeGreaterThanOrEqual(40);
    const classes = new Set(notices.flatMap((notice) => notice.expected.classes));
    for (const tag of ['district', 'province', 'commune', 'government', 'party']) expect(classes).toContain(tag);
    expect(notices.filter((notice) => notice.source.endsWith('.docx.json')).length).toBeGreaterThanOrEqual(4);
  });

  it('finds directives in every notice', () => {
    expect(corpus.zeroDirectives).toEqual([]);
  });

  it(`scores at least ${OVERALL_FLOOR} overall`, () => {
    expect(corpus.overall).toBeGreaterThanOrEqual(OVERALL_FLOOR);
  });

  it(`sends at most ${(WRONG_ROUTING_CEILING * 100).toFixed(1)}% of its routings to a unit in a role the notice does not give it`, () => {
    expect(corpus.pairs.wrongRate).toBeLessThanOrEqual(WRONG_ROUTING_CEILING);
  });
});

describe('scoring a notice against its expected reading', () => {
  const expected: ExpectedNotice = {
    source: '99-example.txt',
    classes: ['district'],
    units: [
      { id: 'tckh', name: 'Phòng Tài chính - Kế hoạch', aliases: [] },
      { id: 'kt', name: 'Phòng Kinh tế và Hạ tầng', aliases: [] },
      { id: 'gd', name: 'Phòng Giáo dục và Đào tạo', aliases: [] },
    ],
    people: [],
    notice: { number: '12/TB-UBND', issuedOn: '2024-03-05', meetingOn: null, signer: null, locality: null },
    directives: [
      { ordinal: '1', textStart: 'Phòng Tài chính - Kế hoạch rà soát', lead: ['tckh'], support: ['kt'], persons: [], due: '2024-03-31', flags: [] },
      { ordinal: '2', textStart: 'Phòng Kinh tế và Hạ tầng kiểm tra', lead: ['kt'], support: [], persons: [], due: null, flags: [] },
    ],
    schedules: [{ daysOfMonth: [14, 28], rule: 'monthly:14,28' }],
  };
  const directive = (text: string, due: string | null) => ({ ordinal: '1', text, lead: [], support: [], due, dueText: null, dueKind: 'none' as const, recurrence: null });
  const parsed: ParsedNotice = {
    notice: { number: '12/TB-UBND', issuer: null, issuedOn: '2024-03-05', meetingOn: null, title: null, signer: null, recipients: [], locality: null },
    addressee: [],
    directives: [
      directive('Trang chủ > Tin tức > Phòng Kinh tế và Hạ tầng kiểm tra (ảnh)', null),
      directive('Phòng  Tài chính – Kế hoạch rà soát   các dự án, xong trong tháng 3/2024.', '2024-03-31'),
      directive('Phòng Kinh tế và Hạ tầng kiểm tra công trình.', null),
    ],
    schedules: [],
    warnings: [],
  };
  const routing: ScoredRouting = {
    directives: [
      { routes: [{ unitId: 'gd', role: 'lead' }], flags: [], persons: [] },
      { routes: [{ unitId: 'tckh', role: 'lead' }, { unitId: 'kt', role: 'lead' }], flags: [], persons: [] },
      { routes: [{ unitId: 'kt', role: 'lead' }], flags: [], persons: [] },
    ],
  };

  it('pairs each expected directive with the text that starts with its words before one that merely contains them', () => {
    expect(alignDirectives(['Phòng Kinh tế và Hạ tầng kiểm tra'], parsed.directives.map((d) => d.text))).toEqual([2]);
  });

  it('matches texts whatever their spacing and dashes, but never one predicted directive twice', () => {
    expect(alignDirectives(['Phòng Tài chính - Kế hoạch rà soát', 'Phòng Tài chính - Kế hoạch rà soát'], parsed.directives.map((d) => d.text))).toEqual([1, null]);
  });

  it('counts a unit routed in the wrong role and every route of a directive that should not exist as wrong', () => {
    const score = scoreNotice('99-example', expected, parsed, routing);
    expect(score.pairs).toEqual({ right: 2, missed: 1, wrong: 2, wrongRole: 1, predicted: 4 });
    expect(score.lead).toEqual({ right: 1, total: 2 });
    expect(score.support).toEqual({ right: 1, total: 2 });
    expect(score.deadline).toEqual({ right: 2, total: 2 });
    expect(score.schedule).toEqual({ right: 0, total: 1 });
    expect(score.mismatches).toContain('schedule monthly:14,28 [14,28] not found');
  });
});
