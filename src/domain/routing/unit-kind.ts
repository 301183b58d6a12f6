/**
 * The kind of a unit, read from its name: what collectives such as "UBND các xã, thị trấn" or
 * "các phòng, ban, ngành" expand to. The secretary can change a unit's kind; this is the guess
 * made when it joins.
 *
 * ```ts
 * inferUnitKind('Đảng ủy xã Thuận'); // 'commune'
 * inferUnitKind('Phòng TN&MT'); // 'department'
 * ```
 */
import { communeMentions, uniformText } from './localities.js';

/**
 * commune: a xã, phường, thị trấn or đặc khu and its organs; department: phòng, sở, ban, ngành,
 * chi cục, cục; mass-org: MTTQ and the đoàn thể; school: trường; other: the rest (UBND huyện,
 * Công an, Trung tâm …).
 *
 * A Văn phòng (Văn phòng HĐND và UBND, Văn phòng Huyện ủy, Văn phòng NTM) is `other`: it is the
 * office that serves a committee, usually the one that issues the notice, and "các phòng, ban,
 * ngành" is not read as including it. A secretary who counts it among the departments sets its
 * kind by hand.
 */
export type UnitKind = 'commune' | 'department' | 'mass-org' | 'school' | 'other';

/** Every unit kind, in the order the secretary's menu lists them. */
export const UNIT_KINDS: readonly UnitKind[] = ['commune', 'department', 'mass-org', 'school', 'other'];

const school = /^(?:các\s+)?trường(?![\p{L}])(?!\s+hợp)/iu;

/** The Fatherland Front and the đoàn thể, wherever they are (`Ủy ban MTTQ xã X` is the Front's, not the commune's). */
const massOrg = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:MTTQ|UBMTTQ|Mặt trận(?: Tổ quốc)?|đoàn thể|Cựu chiến binh|Liên hiệp Phụ nữ)(?![\p{L}])`,
    String.raw`^(?:các\s+)?(?:Ban Thường vụ\s+)?(?:Hội(?!\s+đồng)|Đoàn(?!\s+(?:công tác|kiểm tra|giám sát|đại biểu|liên ngành|khảo sát))|Huyện đoàn|Tỉnh đoàn|Thành đoàn|Thị đoàn|Quận đoàn|Liên đoàn|Công đoàn)(?![\p{L}])`,
  ].join('|'),
  'iu',
);

/**
 * Words that open the name of a commune's own organ (its government, Party committee, steering
 * committee, leaders), not its military command (`Ban Chỉ huy Quân sự xã`). A commune-level name opening otherwise (`Công an xã X`, `Văn phòng HĐND
 * và UBND xã`, `Trạm Y tế xã X`) is another body in the commune, which a commune's own office
 * registers as a unit of its own: never the commune.
 */
const communeOrganOpening =
  /^(?:của\s+)?(?:(?:các\s+)?đồng chí|(?:các\s+)?(?:UBND|HĐND|Ủy ban|Hội đồng|Đảng ủy|Đảng bộ|Ban (?:chỉ đạo|chấp hành|thường vụ|thường trực)|Thường trực|Thường vụ|(?:Phó\s+)?Chủ tịch|(?:Phó\s+)?Bí thư|Lãnh đạo|Chính quyền|Cấp ủy)(?![\p{L}])|(?:xã|phường|thị trấn|đặc khu)(?![\p{L}]))/iu;

/** Ban that are not departments: a steering or command committee, the Party's executive, its standing committee. */
const department =
  /^(?:các\s+)?(?:Phòng|Sở|Chi cục|Tổng cục|Cục|ngành|cơ quan chuyên môn|Ban(?!\s+(?:chỉ đạo|chỉ huy|chấp hành|thường vụ|thường trực|điều hành|công tác|vận động|tổ chức cuộc)))(?![\p{L}])/iu;

/** From the name: the kind collectives and levels are decided on. See `UnitKind`. */
export function inferUnitKind(name: string): UnitKind {
  const text = uniformText(name).trim();
  if (school.test(text)) return 'school';
  if (massOrg.test(text)) return 'mass-org';
  if (communeMentions(text).length > 0 && communeOrganOpening.test(text)) return 'commune';
  if (department.test(text)) return 'department';
  return 'other';
}
