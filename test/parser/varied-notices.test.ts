import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';
import { fixtureText } from './fixture-notices.js';

const parse = (name: string) => parseNotice(fixtureText(name));
const summary = (name: string) =>
  parse(name).directives.map((d) => ({ ordinal: d.ordinal, lead: d.lead, support: d.support, due: d.due, dueKind: d.dueKind }));

describe('notices in varied styles', () => {
  it('district government: full header, lead with coordinating units, deadline with an hour', () => {
    const parsed = parse('01-ubnd-huyen-giao-ban.txt');
    expect(parsed.notice).toEqual({
      number: '412/TB-UBND',
      issuer: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN',
      issuedOn: '2024-09-04',
      meetingOn: '2024-09-03',
      title: 'Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp giao ban tháng 8 năm 2024',
      signer: 'Trần Thị Hồng Nhung',
      recipients: ['Thường trực Huyện ủy', 'Chủ tịch, các PCT UBND huyện', 'Các phòng, ban, đơn vị liên quan', 'UBND các xã, thị trấn', 'Lưu: VT'],
      locality: null,
    });
    expect(parsed.directives[0]).toMatchObject({ dueTime: '17:00', dueText: 'trước 17 giờ 00 ngày 05/9/2024' });
    expect(summary('01-ubnd-huyen-giao-ban.txt')).toEqual([
      { ordinal: '1', lead: ['Phòng Tài chính - Kế hoạch'], support: ['Chi cục Thuế khu vực', 'Kho bạc Nhà nước huyện'], due: '2024-09-05', dueKind: 'date' },
      { ordinal: '2', lead: ['Ban Quản lý dự án đầu tư xây dựng huyện'], support: [], due: '2024-09-30', dueKind: 'date' },
      { ordinal: '3', lead: ['Phòng Nông nghiệp và Phát triển nông thôn'], support: ['Phòng Tài nguyên và Môi trường'], due: '2024-09-15', dueKind: 'date' },
      { ordinal: '4', lead: ['UBND các xã, thị trấn'], support: [], due: '2024-09-30', dueKind: 'month' },
      { ordinal: '5', lead: ['Phòng Giáo dục và Đào tạo'], support: [], due: '2024-09-04', dueKind: 'immediate' },
    ]);
  });

  it('Party notice with roman sections: only the tasks section holds directives', () => {
    const parsed = parse('02-huyen-uy-roman-sections.txt');
    expect(parsed.notice).toMatchObject({ number: '87-TB/HU', issuer: 'HUYỆN ỦY CAN LỘC', issuedOn: '2023-03-12', meetingOn: '2023-03-10', signer: 'Nguyễn Văn Hùng' });
    expect(summary('02-huyen-uy-roman-sections.txt')).toEqual([
      { ordinal: '1', lead: ['Ban cán sự đảng UBND huyện'], support: [], due: '2023-03-31', dueKind: 'quarter' },
      { ordinal: '2', lead: ['Ban Tuyên giáo Huyện ủy'], support: ['Trung tâm Văn hóa - Truyền thông huyện'], due: null, dueKind: 'none' },
      { ordinal: '3', lead: ['Các chi, đảng bộ cơ sở'], support: [], due: '2023-12-31', dueKind: 'year' },
      { ordinal: '4', lead: ['Văn phòng Huyện ủy'], support: [], due: '2023-06-30', dueKind: 'half-year' },
    ]);
  });

  it('commune Party notice: bullets after the tasks lead-in, not the results bullets before it; "UBND xã" is the issuing commune\'s', () => {
    expect(parse('03-xa-bullets.txt').notice.locality).toBe('xã Thạch Long');
    expect(summary('03-xa-bullets.txt')).toEqual([
      { ordinal: '1', lead: ['UBND xã Thạch Long'], support: [], due: '2023-10-31', dueKind: 'month' },
      { ordinal: '2', lead: ['Ban Chỉ huy Quân sự xã Thạch Long'], support: [], due: '2023-12-31', dueKind: 'quarter' },
      { ordinal: '3', lead: ['Các chi bộ thôn'], support: [], due: '2023-09-20', dueKind: 'immediate' },
      { ordinal: '4', lead: ['Mặt trận Tổ quốc', 'các đoàn thể xã'], support: [], due: null, dueKind: 'none' },
    ]);
    expect(parse('03-xa-bullets.txt').directives[2]!.text).toContain('rà soát đảng viên nghỉ sinh hoạt dài ngày');
  });

  it('sub-items with their own deadlines become directives that inherit the "Giao X:" header', () => {
    const parsed = parse('04-sub-items-giao.txt');
    expect(parsed.notice.issuer).toBe('VĂN PHÒNG UBND HUYỆN YÊN THÀNH');
    expect(parsed.directives.map((d) => [d.ordinal, d.lead.join('; '), d.leadSource, d.due])).toEqual([
      ['1.a', 'Phòng Tài chính - Kế hoạch', 'parent', '2024-05-20'],
      ['1.b', 'Phòng Tài chính - Kế hoạch', 'parent', '2024-05-31'],
      ['1.c', 'Phòng Tài chính - Kế hoạch', 'parent', null],
      ['2', 'UBND xã Hoa Thành', 'text', null],
      ['3', 'Trung tâm Phát triển quỹ đất huyện', 'text', '2024-06-30'],
    ]);
    expect(parsed.directives[3]!.support).toEqual(['Trung tâm Phát triển quỹ đất huyện']);
    expect(parsed.directives[4]!.support).toEqual(['Phòng Tài nguyên và Môi trường', 'UBND các xã có dự án đi qua']);
    // The closing "… thông báo để …" is not part of the last directive.
    expect(parsed.directives[4]!.text).not.toContain('thông báo');
  });

  it('NFD text with a page break inside an item reads like clean NFC text', () => {
    const parsed = parse('05-nfd-page-break.txt');
    expect(parsed.notice).toMatchObject({ number: '09/TB-BCĐ', issuer: 'BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI', issuedOn: '2024-08-02', signer: 'Lê Văn Quý' });
    expect(parsed.directives).toHaveLength(4);
    expect(parsed.directives[1]).toMatchObject({ due: '2024-08-10', support: ['Công an huyện', 'Ban Chỉ huy Quân sự huyện'] });
    expect(parsed.directives[1]!.text).toContain('về Ban chỉ đạo trước ngày 10/8/2024');
    expect(parsed.directives[1]!.text).not.toContain('- 2 -');
    expect(parsed.directives[0]!.lead).toEqual(['Ủy ban nhân dân các xã, thị trấn']);
    expect(parsed.schedules).toEqual([expect.objectContaining({ reporters: ['Trạm Khí tượng thủy văn'], recipient: 'Ban chỉ đạo', daysOfMonth: [25], kind: 'report' })]);
  });

  it('reads each reporting rule: before the 20th, quarterly before the 10th, the last day, once a month', () => {
    const parsed = parse('06-schedules-reporting.txt');
    expect(parsed.schedules.map((s) => [s.reporters.join(), s.recipient, s.rule, s.daysOfMonth, s.kind])).toEqual([
      ['UBND các xã', 'Văn phòng Điều phối nông thôn mới huyện', 'before-monthly:20', [20], 'report'],
      ['Các phòng, ban phụ trách tiêu chí', 'Văn phòng Điều phối', 'quarterly:last-month:10', [10], 'report'],
      ['Văn phòng Điều phối nông thôn mới huyện', 'Ban Chỉ đạo huyện', 'monthly:last', [31], 'consolidate'],
      ['Phòng Nông nghiệp và Phát triển nông thôn', 'UBND huyện', 'monthly', [], 'report'],
    ]);
    expect(parsed.directives.every((d) => d.dueKind === 'recurring' && d.recurrence !== null)).toBe(true);
  });

  it('resolves period deadlines to their last day and takes a missing year from the notice date', () => {
    expect(summary('07-periods-and-years.txt').map((d) => [d.due, d.dueKind])).toEqual([
      ['2022-12-31', 'year'],
      ['2022-06-30', 'half-year'],
      ['2022-08-15', 'date'],
      ['2022-12-31', 'year'],
      ['2022-04-10', 'date'],
    ]);
  });

  it('"1)" numbering, sentence subjects and collective units', () => {
    expect(summary('08-paren-numbering-collective.txt')).toEqual([
      { ordinal: '1', lead: ['Công an huyện'], support: ['Phòng Văn hóa và Thông tin', 'Hội Liên hiệp Phụ nữ huyện'], due: null, dueKind: 'none' },
      { ordinal: '2', lead: ['UBND các xã, thị trấn'], support: [], due: '2023-10-31', dueKind: 'date' },
      { ordinal: '3', lead: ['Các ban, phòng, ngành cấp huyện'], support: [], due: null, dueKind: 'none' },
      { ordinal: '4', lead: ['Phòng Kinh tế và Hạ tầng', 'Phòng Tài chính - Kế hoạch'], support: [], due: '2023-12-31', dueKind: 'quarter' },
    ]);
  });

  it('a web copy loses its breadcrumb, view counter, "Xem thêm", byline and "loading…"; the addressee leads', () => {
    const parsed = parse('09-web-copy-mttq.txt');
    expect(parsed.notice.title).toBe('Ủy ban MTTQ huyện kết luận hội nghị hiệp thương quý III');
    expect(parsed.notice.meetingOn).toBe('2023-09-28');
    expect(parsed.directives).toHaveLength(3);
    expect(parsed.directives.every((d) => d.leadSource === 'addressee' && d.lead.join() === 'Ban Thường trực Ủy ban MTTQ các xã, thị trấn')).toBe(true);
    expect(parsed.directives[0]!.text).toBe('Tiếp tục hòa giải các mâu thuẫn ở khu dân cư, duy trì hoạt động của tổ hòa giải thường xuyên.');
    expect(parsed.directives[2]).toMatchObject({ text: 'Vận động Quỹ “Vì người nghèo” đến hết năm 2023.', due: '2023-12-31' });
    expect(parsed.warnings.join('\n')).toMatch(/Nhiệm vụ 1, 2, 3 không nêu đơn vị chủ trì/);
  });

  it('new-style tone marks are unified and several months become milestones', () => {
    const parsed = parse('10-phuong-tone-variants.txt');
    expect(parsed.notice).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH', signer: 'Nguyễn Thị Hòa' });
    expect(parsed.notice.title).toContain('Ủy ban nhân dân phường về công tác thủy lợi');
    expect(parsed.directives[0]).toMatchObject({
      lead: ['bộ phận Địa chính - Xây dựng phường Hòa Bình'],
      due: '2025-03-31',
      recurrence: { kind: 'milestones', dates: ['2025-03-31', '2025-06-30'], text: 'tháng 3, tháng 6 năm 2025' },
    });
    expect(parsed.schedules[0]).toMatchObject({ reporters: ['Các tổ dân phố'], recipient: 'Ủy ban nhân dân phường', rule: 'monthly:last' });
    expect(parsed.directives[2]).toMatchObject({ lead: ['Công an phường Hòa Bình'], support: ['Đoàn Thanh niên phường Hòa Bình'] });
  });

  it('a press article with numbered demands after its statistics', () => {
    const parsed = parse('11-press-numbered.txt');
    expect(parsed.directives.map((d) => [d.lead.join(), d.due])).toEqual([
      ['UBND huyện Nghi Lộc', '2024-06-30'],
      ['Sở Tài nguyên và Môi trường', '2024-07-31'],
      ['Sở Giao thông vận tải', '2024-12-31'],
    ]);
    expect(parsed.directives[2]!.text).not.toContain('Hoài Thu');
  });

  it('a notice of results only has no directives and says so', () => {
    const parsed = parse('12-evaluation-only.txt');
    expect(parsed.directives).toEqual([]);
    expect(parsed.warnings[0]).toMatch(/Không tìm thấy nhiệm vụ/);
  });
});

describe('the meeting date', () => {
  it('is not taken from a directive’s deadline when the opening names no date', () => {
    const parsed = parseNotice('THÔNG BÁO\nKết luận\n1. Giao Phòng Nội vụ rà soát biên chế, hoàn thành trước ngày 10/12/2020.');
    expect(parsed.notice.meetingOn).toBeNull();
    expect(parsed.directives[0]?.due).toBe('2020-12-10');
  });
});
