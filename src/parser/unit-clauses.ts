/**
 * Several tasks in one item, each for its own unit: `1. Về lĩnh vực kinh tế: Phòng Nông nghiệp
 * chỉ đạo … trong quý I/2024; Phòng Tài chính - Kế hoạch phối hợp với Chi cục Thuế …; Phòng Kinh
 * tế và Hạ tầng hoàn thành …`, or sentences `Phòng X … . Trung tâm Y tế huyện tăng cường …`.
 * Read as one directive, every unit would lead every task and each task's deadline would be
 * lost; read clause by clause, each unit gets its own task and its own deadline.
 */
import { scanUnitPhrase } from './units.js';

/** Where a clause may end: a `;`, or a sentence end before a capital. A global regex with no nested repetition: linear. */
const clauseBreak = /;\s*|[.!?]\s+(?=\p{Lu})/gu;
/** What may stand before a clause's unit: `Giao Phòng X …`, `Đề nghị Sở Y …`, `Đối với UBND các xã, …`. */
const opener = /^(?:[Gg]iao(?: nhiệm vụ)?(?: cho)?|[Đđ]ề nghị|[Yy]êu cầu|[Đđ]ối với)\s+/u;
/** A speaker's verb: in `Đồng chí Chủ tịch giao Sở A …` the task is Sở A's, not the speaker's. */
const speakerVerb = /^(?:giao(?: nhiệm vụ)?(?: cho)?|yêu cầu|đề nghị)\s+/u;
/**
 * Verbs that report what was done or said (`Sở X đã phối hợp …`, `Sở Y cho biết …`), that
 * report upward (a reporting chain, `xã X báo cáo …; Văn phòng Y tổng hợp, báo cáo …`, is one
 * duty and one schedule), or
 * that only oversee the unit doing the work (`Giao Phòng Y hướng dẫn, kiểm tra và báo cáo …`):
 * those stay with the task they oversee.
 */
const oversight = '(?:hướng dẫn|kiểm tra|giám sát|theo dõi|đôn đốc)';
const notOwnTask = new RegExp(String.raw`^(?:đã|vừa|từng|được|bị|là|có|cho biết|trình bày|phát biểu|báo cáo|tổng hợp,? báo cáo)(?![\p{L}])|^${oversight}\s*(?:[.;]|$)|^${oversight}(?:(?:\s*,\s*|\s+và\s+)(?:${oversight}|báo cáo)(?![\p{L}]))+`, 'u');
/** The first word of a clause that may open with a unit: a capital, an opener, or a unit named in lower case (`các xã`, `công chức Địa chính`). */
const mayOpenUnit = /^(?:\p{Lu}|(?:các|giao|đề nghị|yêu cầu|đối với|công chức|cán bộ|xã|phường|thị trấn|ban|phòng|trạm|tổ|đội)(?![\p{L}]))/u;
/** A label or a request before the tasks, up to its colon: `Về lĩnh vực kinh tế:`, `Chủ tịch UBND xã kết luận:`. */
const maxLabel = 400;

/** One task of a split item: its text and the unit it opens with. */
export interface UnitClause {
  text: string;
  /** Lower-case name of the unit the clause opens with, which tells tasks apart. */
  unit: string;
}

/**
 * The unit a clause opens with, as its subject: a unit phrase followed by a verb (or by a comma,
 * as in `Đối với UBND các xã, …` or a list the grammar reads only in part), after an optional
 * `Giao`/`Đề nghị`/`Đối với`. Null for continuations (`đồng thời …`, `tăng cường …`), results
 * (`Sở X đã …`), a unit that coordinates (`Phòng Y phối hợp.`) or only oversees. `from` is
 * where the task's words start: the speaker's verb in `Đồng chí Chủ tịch giao Sở A …`, else 0.
 */
export function clauseSubject(clause: string): { unit: string; from: number } | null {
  // Most clauses go on in lower case (`tăng cường …`, `đồng thời …`): only a capital or a lower-case unit word can open a unit's clause.
  if (!mayOpenUnit.test(clause)) return null;
  const open = opener.exec(clause);
  const start = open ? open[0].length : 0;
  const scanned = scanUnitPhrase(clause, start);
  if (!scanned || scanned.units.length === 0) return null;
  const next = clause.slice(scanned.end, scanned.end + 160);
  const after = next.trimStart();
  if (!scanned.verb && !after.startsWith(',')) return null;
  if (scanned.coordinates || notOwnTask.test(after)) return null;
  const first = scanned.units[0]!;
  if (first.kind === 'person' || /^(?:[Đđ]ồng chí|(?:Phó )?Chủ tịch|Bí thư|Giám đốc|Trưởng)/u.test(first.text)) {
    // `Đồng chí Chủ tịch giao Sở A …`: the unit after the speaker's verb is whose the task is.
    const spoken = speakerVerb.exec(after);
    if (!spoken) return first.kind === 'person' ? null : { unit: first.text.toLowerCase(), from: 0 };
    const verbAt = scanned.end + next.length - after.length;
    const addressed = scanUnitPhrase(clause, verbAt + spoken[0].length);
    // The task reads from the speaker's verb (`giao Sở A …`): who spoke is not who leads.
    return addressed?.units[0] ? { unit: addressed.units[0].text.toLowerCase(), from: verbAt } : null;
  }
  return { unit: first.text.toLowerCase(), from: 0 };
}

/**
 * Splits a text into one task per unit when at least two of its clauses (between `;` or
 * sentence ends) each open with a different unit as subject. Clauses that open with no unit of
 * their own stay with the clause before. What comes before the first such clause (a topic label
 * `Về lĩnh vực kinh tế:`, a request `… kết luận: yêu cầu các bộ phận nâng cao tinh thần …`) is
 * returned as the lead, which the tasks share as their parent text. Null when the text is one
 * task, however many units it names (`X chủ trì, phối hợp với Y …`, `Phòng A, Phòng B rà soát …`).
 */
export function splitUnitClauses(text: string): { lead: string; clauses: UnitClause[] } | null {
  if (!text.includes(';') && !/[.!?]\s+\p{Lu}/u.test(text)) return null;
  const colon = text.indexOf(': ');
  const semicolon = text.indexOf(';');
  // A label before a colon, unless it is itself a unit's heading (`Sở Tài chính: …`), whose clauses are all its own.
  const labelEnd = colon > 0 && colon < maxLabel && (semicolon < 0 || colon < semicolon) && !clauseSubjectBeforeColon(text.slice(0, colon)) ? colon + 2 : 0;
  const starts = [labelEnd];
  for (const match of text.slice(labelEnd).matchAll(clauseBreak)) starts.push(labelEnd + match.index + match[0].length);
  const groups: { start: number; from: number; unit: string }[] = [];
  for (const start of starts) {
    if (start >= text.length) continue;
    const subject = clauseSubject(text.slice(start, start + 400));
    // The same unit opening the next clause goes on with its own task.
    if (subject && subject.unit !== groups[groups.length - 1]?.unit) groups.push({ start, from: start + subject.from, unit: subject.unit });
  }
  if (groups.length < 2 || new Set(groups.map((g) => g.unit)).size < 2) return null;
  const lead = text.slice(0, groups[0]!.start);
  // Words before the first unit that assign work to a unit of their own (`Phòng A rà soát …: …`) would be lost as a mere lead.
  if (lead.trim() !== '' && clauseSubject(lead.trim())) return null;
  const clauses = groups.map((group, i) => ({
    text: sentenceCase(text.slice(group.from, groups[i + 1]?.start ?? text.length).replace(/[\s;]+$/u, '').trim()),
    unit: group.unit,
  }));
  return { lead: lead.replace(/[\s;]+$/u, '').trim(), clauses };
}

function clauseSubjectBeforeColon(label: string): boolean {
  const open = opener.exec(label);
  const scanned = scanUnitPhrase(label, open ? open[0].length : 0);
  // `Sở Tài chính:`, `Giao Phòng Nội vụ:`: a unit heading, not a topic label.
  return scanned !== null && scanned.units.length > 0 && label.slice(scanned.end).trim() === '';
}

/** A task cut from after a `;` starts a text of its own: `đối với UBND các xã, …` reads as `Đối với UBND các xã, …`. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
