/**
 * Seeds an office with published notices straight through Prisma, for the export tests and the
 * benchmark: every directive goes to every unit (the first unit leads), and the states cycle so
 * that all four result categories occur. `expectedCategory` says which one each cell gets.
 */
import type { ResultCategory } from '../../src/domain/result-category.js';
import type { Db } from '../../src/store/database.js';

const DAY = 86_400_000;

/** The first units are real names from the seeds, so Vietnamese diacritics are exercised. */
const unitNames = ['Đảng ủy xã Thuận', 'Phòng Tài nguyên và Môi trường', 'UBND xã Bình Sơn', 'Phòng Kinh tế - Hạ tầng', 'Văn phòng Huyện ủy'];

/** A note with markup, so that escaping is tested wherever notes are shown. */
export const hostileNote = '<script>alert("x")</script> & đã xong';

export interface SeedSize {
  notices: number;
  directives: number;
  units: number;
}

export interface SeededOffice {
  office: { id: string; name: string; timeZone: string };
  unitNames: string[];
}

/** The category of directive `d` (from 0) for unit `u` (from 0), as {@link seedOffice} sets it up. */
export function expectedCategory(d: number, u: number): ResultCategory {
  return (['ON_TIME', 'LATE', 'IN_TIME', 'OVERDUE', 'IN_TIME'] as const)[(d + u) % 5]!;
}

/** Creates the office, its units, a reporter and the notices, relative to `now`. */
export async function seedOffice(db: Db, size: SeedSize, now: Date): Promise<SeededOffice> {
  const office = await db.office.create({ data: { name: 'Văn phòng NTM huyện', deadlineOffsets: [-3, -1, 0] } });
  const names = Array.from({ length: size.units }, (_, u) => unitNames[u] ?? `UBND xã số ${u + 1}`);
  const unitIds = names.map((_, u) => `${office.id}-u${u}`);
  await db.unit.createMany({ data: names.map((name, u) => ({ id: unitIds[u]!, officeId: office.id, name, foldedName: `unit ${u}` })) });
  const reporter = await db.person.create({ data: { platform: 'TELEGRAM', externalId: `${office.id}-p`, displayName: 'Nguyễn Thị Thu' } });

  const at = (days: number) => new Date(now.getTime() + days * DAY);
  for (let n = 0; n < size.notices; n += 1) {
    const notice = await db.notice.create({
      data: {
        officeId: office.id,
        state: 'PUBLISHED',
        number: `${n + 1}/TB-BCĐ`,
        issuer: 'BAN CHỈ ĐẠO NÔNG THÔN MỚI',
        title: `Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp số ${n + 1}`,
        issuedOn: at(-30),
        meetingOn: at(-32),
        signer: 'Lê Phú Quốc',
        recipients: ['Thường trực Huyện ủy', 'Các phòng, ban'],
        warnings: [],
        publishedAt: at(-29 + n / 1000),
      },
    });
    const directives = Array.from({ length: size.directives }, (_, d) => ({ id: `${notice.id}-d${d}`, noticeId: notice.id, position: d + 1, ordinal: String(d + 1), text: `Nhiệm vụ ${d + 1}: rà soát, hoàn thiện hồ sơ xã đạt chuẩn nông thôn mới nâng cao`, dueAt: at(-10), dueText: 'trước ngày …', dueKind: 'DATE' as const, unmatched: [] }));
    await db.directive.createMany({ data: directives });
    const assignments = [];
    const reports = [];
    for (let d = 0; d < size.directives; d += 1) {
      for (let u = 0; u < size.units; u += 1) {
        const id = `${notice.id}-d${d}-u${u}`;
        const { state, dueAt, completedAt } = cell(expectedCategory(d, u), d, u, at);
        assignments.push({ id, directiveId: directives[d]!.id, unitId: unitIds[u]!, role: u === 0 ? ('LEAD' as const) : ('SUPPORT' as const), state, dueAt, originalDueAt: dueAt, completedAt, lastReportAt: state === 'NOT_STARTED' ? null : at(-2) });
        if (state !== 'NOT_STARTED') reports.push({ assignmentId: id, state, note: d === 0 && u === 0 ? hostileNote : `Báo cáo của ${names[u]}`, reporterId: reporter.id, createdAt: at(-2) });
      }
    }
    await db.assignment.createMany({ data: assignments });
    await db.statusReport.createMany({ data: reports });
    if (size.units > 1) await db.extension.create({ data: { assignmentId: `${notice.id}-d0-u1`, previousDueAt: at(-40), requestedDueAt: at(-20), reason: 'Chờ kinh phí', state: 'APPROVED', createdAt: at(-41) } });
  }
  return { office: { id: office.id, name: office.name, timeZone: office.timeZone }, unitNames: names };
}

function cell(category: ResultCategory, d: number, u: number, at: (days: number) => Date) {
  switch (category) {
    case 'ON_TIME':
      return { state: 'DONE' as const, dueAt: at(-10), completedAt: at(-12) };
    case 'LATE':
      return { state: 'DONE' as const, dueAt: at(-20), completedAt: at(-15) };
    case 'IN_TIME':
      return (d + u) % 5 === 2 ? { state: 'IN_PROGRESS' as const, dueAt: at(10), completedAt: null } : { state: 'BLOCKED' as const, dueAt: null, completedAt: null };
    case 'OVERDUE':
      return { state: 'NOT_STARTED' as const, dueAt: at(-3 - (u % 4)), completedAt: null };
  }
}
