/**
 * Scores what the parser and the routing core make of a corpus notice against what a secretary
 * expects (issue #15's measures). Pure: the bench and the corpus test both call it, so the
 * figures a developer reads are the ones the guard rails assert.
 *
 * Directives are aligned by text, one to one: an expected directive is found when a predicted
 * directive's text starts with (or else contains) its `textStart`, compared after folding case,
 * diacritics, markdown stars and whitespace. Every other per-directive measure is taken on the
 * aligned pairs; routes of predicted directives that align with nothing are all counted wrong,
 * since the bot would send them to someone.
 */
import { foldVietnamese } from '../../src/domain/vietnamese-text.js';
import type { ParsedNotice } from '../../src/parser/index.js';
import type { ExpectedNotice } from './corpus.js';

/** The part of contract B's `NoticeRouting` that scoring reads. */
export interface ScoredRouting {
  directives: {
    routes: { unitId: string; role: 'lead' | 'support' }[];
    flags: { kind: string; phrase: string }[];
    persons: { name: string; personId: string | null }[];
  }[];
}

/** Correct out of counted, for one measure. */
export interface Tally {
  right: number;
  total: number;
}

/** How one notice fared, with the mismatches a developer needs to see why. */
export interface NoticeScore {
  id: string;
  classes: string[];
  expectedDirectives: number;
  predictedDirectives: number;
  aligned: number;
  lead: Tally;
  support: Tally;
  deadline: Tally;
  persons: Tally;
  flags: Tally;
  schedule: Tally;
  metadata: Tally;
  /** `wrongRole` counts the wrong pairs whose unit was expected in the other role: the right unit, asked the wrong way. */
  pairs: { right: number; missed: number; wrong: number; wrongRole: number; predicted: number };
  mismatches: string[];
}

/** Segmentation precision, recall and F1 of one notice or of the whole corpus. */
export interface Segmentation {
  precision: number;
  recall: number;
  f1: number;
}

/** Key for comparing directive texts: blind to case, diacritics, markdown stars, the kind of dash and runs of whitespace. */
export function foldForMatch(text: string): string {
  return foldVietnamese(text.normalize('NFC')).replace(/\*+/g, '').replace(/[\u2010-\u2015\u2212]/gu, '-').replace(/\s+/gu, ' ').trim();
}

/**
 * Pairs each expected directive with at most one predicted directive (index into `predicted`),
 * in order: a text that starts with the expected start wins over one that only contains it.
 */
export function alignDirectives(expectedStarts: readonly string[], predictedTexts: readonly string[]): (number | null)[] {
  const texts = predictedTexts.map(foldForMatch);
  const used = new Set<number>();
  return expectedStarts.map((start) => {
    const key = foldForMatch(start);
    const pick = (test: (text: string) => boolean) => texts.findIndex((text, i) => !used.has(i) && test(text));
    let index = pick((text) => text.startsWith(key));
    if (index < 0) index = pick((text) => text.includes(key));
    if (index < 0) return null;
    used.add(index);
    return index;
  });
}

/** Scores one notice. `routing` is `routeNotice(parsed, units, people)`. */
export function scoreNotice(id: string, expected: ExpectedNotice, parsed: ParsedNotice, routing: ScoredRouting): NoticeScore {
  const mismatches: string[] = [];
  const unitName = new Map(expected.units.map((unit) => [unit.id, unit.name]));
  const names = (ids: Iterable<string>) => [...ids].map((unitId) => unitName.get(unitId) ?? unitId).join(', ') || '∅';
  const alignment = alignDirectives(expected.directives.map((d) => d.textStart), parsed.directives.map((d) => d.text));
  const tally = (): Tally => ({ right: 0, total: 0 });
  const lead = tally(), support = tally(), deadline = tally(), persons = tally(), flags = tally();
  const pairs = { right: 0, missed: 0, wrong: 0, wrongRole: 0, predicted: 0 };
  const alignedPredicted = new Set<number>();

  expected.directives.forEach((want, i) => {
    const index = alignment[i];
    if (index === null || index === undefined) {
      mismatches.push(`${want.ordinal}: not found — "${want.textStart}"`);
      return;
    }
    alignedPredicted.add(index);
    const got = parsed.directives[index]!;
    const routed = routing.directives[index] ?? { routes: [], flags: [], persons: [] };
    const label = `${want.ordinal} (as ${got.ordinal})`;
    const roleSet = (role: 'lead' | 'support') => new Set(routed.routes.filter((route) => route.role === role).map((route) => route.unitId));
    for (const [role, measure, wantIds] of [['lead', lead, want.lead], ['support', support, want.support]] as const) {
      const gotIds = roleSet(role);
      measure.total += 1;
      if (sameSet(new Set(wantIds), gotIds)) measure.right += 1;
      else mismatches.push(`${label} ${role}: want ${names(wantIds)}; got ${names(gotIds)} (parsed ${flat(JSON.stringify(role === 'lead' ? got.lead : got.support))})`);
      for (const unitId of wantIds) if (gotIds.has(unitId)) pairs.right += 1; else pairs.missed += 1;
      for (const unitId of gotIds) {
        pairs.predicted += 1;
        if (!wantIds.includes(unitId)) {
          pairs.wrong += 1;
          const otherRole = (role === 'lead' ? want.support : want.lead).includes(unitId);
          if (otherRole) pairs.wrongRole += 1;
          mismatches.push(`${label} WRONG ${role}: ${names([unitId])}${otherRole ? ' (expected in the other role)' : ''}`);
        }
      }
    }
    const gotPersons = new Set([...(got.persons ?? []), ...routed.persons.map((person) => person.name)].map(foldForMatch));
    if (want.persons.length > 0 || gotPersons.size > 0) {
      persons.total += 1;
      if (sameSet(new Set(want.persons.map(foldForMatch)), gotPersons)) persons.right += 1;
      else mismatches.push(`${label} persons: want ${want.persons.join(', ') || '∅'}; got ${[...gotPersons].join(', ') || '∅'}`);
    }
    for (const kind of want.flags) {
      flags.total += 1;
      if (routed.flags.some((flag) => flag.kind === kind)) flags.right += 1;
      else mismatches.push(`${label} flag ${kind} not raised`);
    }
    deadline.total += 1;
    if (got.due === want.due) deadline.right += 1;
    else mismatches.push(`${label} due: want ${want.due ?? 'none'}; got ${got.due ?? 'none'}${got.dueText ? ` from "${flat(got.dueText)}"` : ''}`);
  });

  parsed.directives.forEach((got, index) => {
    if (alignedPredicted.has(index)) return;
    const routes = routing.directives[index]?.routes ?? [];
    pairs.predicted += routes.length;
    pairs.wrong += routes.length;
    mismatches.push(`extra directive ${got.ordinal}: "${excerpt(got.text)}"${routes.length > 0 ? ` WRONG: sent to ${names(routes.map((route) => route.unitId))}` : ''}`);
  });

  return {
    id,
    classes: expected.classes,
    expectedDirectives: expected.directives.length,
    predictedDirectives: parsed.directives.length,
    aligned: alignedPredicted.size,
    lead, support, deadline, persons, flags,
    schedule: scoreSchedules(expected, parsed, mismatches),
    metadata: scoreMetadata(expected, parsed, mismatches),
    pairs,
    mismatches,
  };
}

/**
 * Each expected schedule matched once by its rule and days; spare predicted ones count against.
 * Weekly and quarterly rules carry their day in the rule itself (`quarterly:last-month:10`), and
 * contract C writes `[]` for their days, so only the rule is compared for them.
 */
function scoreSchedules(expected: ExpectedNotice, parsed: ParsedNotice, mismatches: string[]): Tally {
  const key = (s: { rule: string; daysOfMonth: number[] }) =>
    /^(weekly|quarterly)/u.test(s.rule) ? s.rule : `${s.rule} [${[...s.daysOfMonth].sort((a, b) => a - b).join(',')}]`;
  const spare = parsed.schedules.map(key);
  let right = 0;
  for (const want of expected.schedules.map(key)) {
    const index = spare.indexOf(want);
    if (index >= 0) {
      right += 1;
      spare.splice(index, 1);
    } else mismatches.push(`schedule ${want} not found`);
  }
  for (const extra of spare) mismatches.push(`extra schedule ${extra}`);
  return { right, total: Math.max(expected.schedules.length, parsed.schedules.length) };
}

const metadataFields = ['number', 'issuedOn', 'meetingOn', 'signer', 'locality'] as const;

function scoreMetadata(expected: ExpectedNotice, parsed: ParsedNotice, mismatches: string[]): Tally {
  const got = parsed.notice;
  let right = 0;
  for (const field of metadataFields) {
    const want = expected.notice[field];
    const value = got[field] ?? null;
    const same = want === null || value === null ? want === value : sameWords(want, value);
    if (same) right += 1;
    else mismatches.push(`metadata ${field}: want ${want ?? 'null'}; got ${value === null ? 'null' : JSON.stringify(value)}`);
  }
  return { right, total: metadataFields.length };
}

/** Equal up to case and spacing: `Số 12/TB-UBND` details like accents still count. */
function sameWords(a: string, b: string): boolean {
  const key = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/gu, '');
  return key(a) === key(b);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** One line of a report: runs of whitespace (parsed phrases may hold newlines) as one space. */
function flat(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function excerpt(text: string): string {
  const line = flat(text);
  return line.length > 70 ? `${line.slice(0, 70)}…` : line;
}

function listed(ids: readonly string[]): string {
  return ids.length === 0 ? '0' : `${ids.length} (${ids.join(', ')})`;
}

/** A ratio that reads 1 when nothing was there to get wrong. */
export function ratio(tally: Tally): number {
  return tally.total === 0 ? 1 : tally.right / tally.total;
}

/** Segmentation of one notice (or, with summed counts, of the corpus). */
export function segmentation(aligned: number, expected: number, predicted: number): Segmentation {
  const precision = predicted === 0 ? (expected === 0 ? 1 : 0) : aligned / predicted;
  const recall = expected === 0 ? 1 : aligned / expected;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The overall score of issue #15: mean of segmentation F1, lead, support, deadline, schedule and metadata accuracy. */
export function overall(parts: { f1: number; lead: number; support: number; deadline: number; schedule: number; metadata: number }): number {
  return (parts.f1 + parts.lead + parts.support + parts.deadline + parts.schedule + parts.metadata) / 6;
}

/** The overall score of one notice. */
export function noticeOverall(score: NoticeScore): number {
  return overall({
    f1: segmentation(score.aligned, score.expectedDirectives, score.predictedDirectives).f1,
    lead: ratio(score.lead), support: ratio(score.support), deadline: ratio(score.deadline), schedule: ratio(score.schedule), metadata: ratio(score.metadata),
  });
}

/** The corpus figures: tallies summed over notices (micro averages), as the issue reports them. */
export interface CorpusScore {
  notices: number;
  segmentation: Segmentation;
  lead: number;
  support: number;
  deadline: number;
  schedule: number;
  metadata: number;
  persons: Tally;
  flags: Tally;
  pairs: { right: number; missed: number; wrong: number; wrongRole: number; predicted: number; wrongRate: number };
  zeroDirectives: string[];
  /** Notices whose directives, if any, are none of the expected ones (chrome read as tasks, say). */
  noneFound: string[];
  overall: number;
}

/** Sums the notices' tallies into the corpus figures. */
export function scoreCorpus(scores: readonly NoticeScore[]): CorpusScore {
  const sum = (pick: (score: NoticeScore) => Tally): Tally =>
    scores.reduce((acc, score) => ({ right: acc.right + pick(score).right, total: acc.total + pick(score).total }), { right: 0, total: 0 });
  const count = (pick: (score: NoticeScore) => number) => scores.reduce((acc, score) => acc + pick(score), 0);
  const seg = segmentation(count((s) => s.aligned), count((s) => s.expectedDirectives), count((s) => s.predictedDirectives));
  const parts = { f1: seg.f1, lead: ratio(sum((s) => s.lead)), support: ratio(sum((s) => s.support)), deadline: ratio(sum((s) => s.deadline)), schedule: ratio(sum((s) => s.schedule)), metadata: ratio(sum((s) => s.metadata)) };
  const pairs = { right: count((s) => s.pairs.right), missed: count((s) => s.pairs.missed), wrong: count((s) => s.pairs.wrong), wrongRole: count((s) => s.pairs.wrongRole), predicted: count((s) => s.pairs.predicted) };
  return {
    notices: scores.length,
    segmentation: seg,
    lead: parts.lead, support: parts.support, deadline: parts.deadline, schedule: parts.schedule, metadata: parts.metadata,
    persons: sum((s) => s.persons),
    flags: sum((s) => s.flags),
    pairs: { ...pairs, wrongRate: pairs.predicted === 0 ? 0 : pairs.wrong / pairs.predicted },
    zeroDirectives: scores.filter((s) => s.predictedDirectives === 0).map((s) => s.id),
    noneFound: scores.filter((s) => s.aligned === 0).map((s) => s.id),
    overall: overall(parts),
  };
}

/** The report the bench prints: corpus figures, per-class averages, every notice, then the worst ten with their mismatches. */
export function formatReport(scores: readonly NoticeScore[]): string[] {
  const corpus = scoreCorpus(scores);
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const two = (value: number) => value.toFixed(2);
  const lines = [
    `corpus: ${corpus.notices} notices, ${scores.reduce((n, s) => n + s.expectedDirectives, 0)} expected directives, ${scores.reduce((n, s) => n + s.predictedDirectives, 0)} predicted`,
    `segmentation: precision ${two(corpus.segmentation.precision)}, recall ${two(corpus.segmentation.recall)}, F1 ${two(corpus.segmentation.f1)}`,
    `lead ${two(corpus.lead)} · coordinating ${two(corpus.support)} · deadline ${two(corpus.deadline)} · schedule ${two(corpus.schedule)} · metadata ${two(corpus.metadata)}`,
    `persons as leads ${corpus.persons.right}/${corpus.persons.total} · expected flags raised ${corpus.flags.right}/${corpus.flags.total}`,
    `routing pairs (directive, unit, role): right ${corpus.pairs.right}, missed ${corpus.pairs.missed}, WRONG ${corpus.pairs.wrong} of ${corpus.pairs.predicted} predicted = ${pct(corpus.pairs.wrongRate)} (target ≤ 1%; ${corpus.pairs.wrongRole} of them the right unit in the other role)`,
    `notices with zero directives: ${listed(corpus.zeroDirectives)} · with none of the expected ones found: ${listed(corpus.noneFound)}`,
    `OVERALL ${two(corpus.overall)} (target ≥ 0.90)`,
    '',
    'by class (mean of per-notice scores):',
  ];
  const classes = [...new Set(scores.flatMap((s) => s.classes))].sort();
  for (const name of classes) {
    const members = scores.filter((s) => s.classes.includes(name));
    const mean = (pick: (s: NoticeScore) => number) => members.reduce((acc, s) => acc + pick(s), 0) / members.length;
    lines.push(`  ${name.padEnd(24)} n=${String(members.length).padStart(2)}  overall ${two(mean(noticeOverall))}  seg ${two(mean((s) => segmentation(s.aligned, s.expectedDirectives, s.predictedDirectives).f1))}  lead ${two(mean((s) => ratio(s.lead)))}  due ${two(mean((s) => ratio(s.deadline)))}  wrong ${members.reduce((n, s) => n + s.pairs.wrong, 0)}`);
  }
  lines.push('', 'per notice: id · overall · seg P/R · lead · coord · due · sched · meta · wrong pairs · classes');
  for (const s of scores) {
    const seg = segmentation(s.aligned, s.expectedDirectives, s.predictedDirectives);
    lines.push(`  ${s.id.padEnd(34)} ${two(noticeOverall(s))}  ${two(seg.precision)}/${two(seg.recall)} (${s.aligned}/${s.expectedDirectives}, ${s.predictedDirectives} found)  ${two(ratio(s.lead))}  ${two(ratio(s.support))}  ${two(ratio(s.deadline))}  ${two(ratio(s.schedule))}  ${two(ratio(s.metadata))}  ${s.pairs.wrong}  [${s.classes.join(', ')}]`);
  }
  lines.push('', 'worst 10, with what went wrong:');
  for (const s of [...scores].sort((a, b) => noticeOverall(a) - noticeOverall(b)).slice(0, 10)) {
    lines.push(`  ${s.id} — ${two(noticeOverall(s))}`);
    for (const mismatch of s.mismatches) lines.push(`      ${mismatch}`);
  }
  return lines;
}
