import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/bot/html.js';
import { previewButtons, renderPreview } from '../../src/bot/notice-preview.js';
import { parseIsoDate } from '../../src/domain/local-date.js';
import { translator } from '../../src/i18n.js';
import type { LoadedNotice } from '../../src/store/notices.js';

const t = translator('vi');
const zone = 'Asia/Ho_Chi_Minh';
/** The day the secretary looks at the preview. */
const today = parseIsoDate('2020-12-04');
/** An id as long as Prisma's cuids (25 characters). */
const cuid = (n: number) => `c${String(n).padStart(24, '0')}`;

const units = { binhSon: { id: cuid(1), name: 'UBND xã Bình Sơn' }, tnmt: { id: cuid(2), name: 'Phòng Tài nguyên và Môi trường' }, ktht: { id: cuid(3), name: 'Phòng Kinh tế - Hạ tầng' }, vpntm: { id: cuid(4), name: 'Văn phòng NTM huyện' } };
const unitNames = new Map(Object.values(units).map((unit) => [unit.id, unit.name]));

type Unit = (typeof units)[keyof typeof units];
interface DirectiveSpec {
  ordinal: string;
  lead?: Unit[];
  flags?: unknown[];
  persons?: unknown[];
  handRouted?: boolean;
  dueText?: string | null;
  dueAt?: Date;
  dueKind?: string;
  text?: string;
}

function notice(directives: DirectiveSpec[], extra: { warnings?: string[]; expansions?: unknown[] } = {}): LoadedNotice {
  return {
    id: cuid(99),
    number: '12/TB-BCĐ',
    issuedOn: new Date('2020-11-20T00:00:00Z'),
    meetingOn: null,
    title: null,
    signer: null,
    warnings: extra.warnings ?? [],
    expansions: extra.expansions ?? [],
    schedules: [],
    directives: directives.map((spec, index) => ({
      id: cuid(100 + index),
      ordinal: spec.ordinal,
      text: spec.text ?? `Nội dung nhiệm vụ ${spec.ordinal}`,
      dueAt: spec.dueAt ?? null,
      dueText: spec.dueText ?? null,
      dueKind: spec.dueKind ?? (spec.dueText ? 'DATE' : 'NONE'),
      unmatched: spec.flags ?? [],
      persons: spec.persons ?? [],
      handRouted: spec.handRouted ?? false,
      assignments: (spec.lead ?? []).map((unit) => ({ unitId: unit.id, role: 'LEAD', unit })),
    })),
  } as unknown as LoadedNotice;
}

const ambiguous = {
  kind: 'ambiguous',
  phrase: 'các phòng',
  message: 'Chủ trì "các phòng": gần với nhiều đơn vị, cần chọn.',
  suggestions: [units.tnmt, units.ktht, units.vpntm, units.binhSon].map((unit, i) => ({ unitId: unit.id, score: 0.6 - i / 10, reason: 'gần giống' })),
};

describe('the draft preview', () => {
  it('opens with how many directives are routed and which still need a unit, and says how far a collective reached', () => {
    const text = renderPreview(
      notice([{ ordinal: '1', lead: [units.binhSon] }, { ordinal: '2' }, { ordinal: '3', lead: [units.tnmt, units.ktht] }, { ordinal: '4', flags: [ambiguous] }], {
        expansions: [{ phrase: 'các ban, phòng, ngành cấp huyện', unitIds: [units.tnmt.id, units.ktht.id] }],
      }),
      t,
      zone,
      today,
    );
    const lines = text.split('\n');
    expect(lines.findIndex((line) => line.includes('2/4 nhiệm vụ đã giao; cần giao: 2, 4'))).toBeLessThan(lines.findIndex((line) => line.startsWith('<b>1.</b>')));
    expect(text).toContain('• các ban, phòng, ngành cấp huyện → 2 đơn vị');
  });

  it('shows who follows a directive, and lists under "Cần kiểm tra" only what is still open', () => {
    const known = { kind: 'person', phrase: 'Lê Phú Quốc', message: 'Đồng chí Lê Phú Quốc được giao theo dõi.', suggestions: [], personId: cuid(7) };
    const text = renderPreview(
      notice(
        [
          { ordinal: '1', lead: [units.binhSon], persons: [{ name: 'Lê Phú Quốc', personId: cuid(7) }], flags: [known] },
          { ordinal: '2', flags: [ambiguous] },
          { ordinal: '3' },
          { ordinal: '4', lead: [units.ktht], dueText: 'trong tháng tới' },
        ],
        // The parser's remarks on single directives describe the draft before corrections.
        { warnings: ['Văn bản chưa có số.', 'Nhiệm vụ 1, 3 không nêu đơn vị chủ trì: tạm giao cho UBND huyện.'] },
      ),
      t,
      zone,
      today,
    );
    expect(text).toContain('Theo dõi: đ/c Lê Phú Quốc');
    const checks = text.slice(text.indexOf('<b>Cần kiểm tra</b>')).split('\n').filter((line) => line.startsWith('• '));
    expect(checks).toEqual([
      '• Văn bản chưa có số.',
      '• Nhiệm vụ 2: Chủ trì "các phòng": gần với nhiều đơn vị, cần chọn.',
      '• Nhiệm vụ 3: chưa giao cho đơn vị nào (dùng /assign hoặc bấm đơn vị gợi ý).',
      '• Nhiệm vụ 4: chưa tính được ngày của thời hạn “trong tháng tới” (dùng /due).',
    ]);
  });

  it('flags a deadline already past and "ngay" with the dates they resolve to and the /due that corrects them, and says "không nêu" for no deadline', () => {
    const text = renderPreview(
      notice([
        { ordinal: '1', lead: [units.tnmt], dueAt: new Date('2020-11-30T10:00:00Z'), dueText: 'trước ngày 30/11/2020' },
        { ordinal: '2', lead: [units.ktht], dueAt: new Date('2020-12-04T10:00:00Z'), dueText: 'ngay', dueKind: 'IMMEDIATE' },
        { ordinal: '3', lead: [units.binhSon], dueAt: new Date('2020-12-04T10:00:00Z') },
        { ordinal: '4', lead: [units.vpntm] },
        { ordinal: '5', lead: [units.vpntm], dueAt: new Date('2020-11-17T10:00:00Z'), dueText: 'ngay', dueKind: 'IMMEDIATE' },
      ]),
      t,
      zone,
      today,
    );
    const checks = text.slice(text.indexOf('<b>Cần kiểm tra</b>')).split('\n').filter((line) => line.startsWith('• '));
    expect(checks).toEqual([
      '• Nhiệm vụ 1: Thời hạn 30/11/2020 đã qua (hôm nay 04/12/2020): sửa bằng <code>/due 1 dd/mm/yyyy</code>',
      '• Nhiệm vụ 2: “ngay” được tính là 04/12/2020; nếu cần hạn khác, sửa bằng <code>/due 2 dd/mm/yyyy</code>',
      '• Nhiệm vụ 5: “ngay” được tính là 17/11/2020, đã qua (hôm nay 04/12/2020): sửa bằng <code>/due 5 dd/mm/yyyy</code>',
    ]);
    // A deadline due today is not past yet; a date with no words shows no empty brackets.
    expect(text).toContain('Thời hạn: <b>04/12/2020</b>\n');
    expect(text).toContain('Thời hạn: không nêu');
    expect(text).not.toMatch(/không có|\(\s*\)/);
  });

  it('offers at most three suggested units per flagged directive as one-tap buttons within Telegram’s 64 bytes, above publish', () => {
    const draft = notice([{ ordinal: '2', lead: [units.tnmt], flags: [ambiguous] }, { ordinal: '5', lead: [units.ktht], handRouted: true }]);
    const rows = previewButtons(draft, unitNames, t);
    // The unit already leading directive 2 is not offered again.
    expect(rows[0]!.map((button) => button.text)).toEqual(['2 → Phòng Kinh tế - Hạ tầng', '2 → Văn phòng NTM huyện', '2 → UBND xã Bình Sơn']);
    expect(rows.at(-1)!.map((button) => button.text)).toEqual(['✅ Phát hành', '✏️ Sửa', '✖️ Hủy']);
    expect(rows).toHaveLength(2);
    for (const button of rows.flat()) expect(Buffer.byteLength(button.data)).toBeLessThanOrEqual(64);
    expect(rows[0]![0]!.data).toBe(`rs:${cuid(100)}:${units.ktht.id}`);
  });

  it('splits a long preview between lines, so that no part cuts a tag', () => {
    const long = notice(Array.from({ length: 40 }, (_, i) => ({ ordinal: String(i + 1), text: 'Rà soát, hoàn thiện hồ sơ các tiêu chí nông thôn mới '.repeat(6), flags: [ambiguous] })));
    const parts = splitMessage(renderPreview(long, t, zone, today));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.match(/<b>/g)?.length ?? 0).toBe(part.match(/<\/b>/g)?.length ?? 0);
      expect(part.match(/<i>/g)?.length ?? 0).toBe(part.match(/<\/i>/g)?.length ?? 0);
    }
  });
});
