import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/parser/index.js';
import { fixtureText } from './fixture-notices.js';

describe('notices shaped like the three reference seeds', () => {
  it('a Party conclusion without number or date gives its 9 numbered directives, mending the item cut by a page', () => {
    const parsed = parseNotice(fixtureText('seed-000-toa-dam-huyen-uy.txt'));
    expect(parsed.directives.map((d) => d.ordinal)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(parsed.directives[4]!.text).toContain('trong việc thực hiện Chỉ thị 05-CT/TW');
    expect(parsed.notice).toMatchObject({ number: null, issuedOn: null, meetingOn: '2022-04-14', issuer: 'Ban Thường vụ Huyện ủy', signer: 'Võ Văn Nhân' });
    expect(parsed.notice.title).toMatch(/^Kết luận của Ban Thường vụ Huyện ủy tại buổi Tọa đàm/);
    expect(parsed.notice.recipients).toHaveLength(5);
    expect(parsed.directives[0]!.lead).toEqual(['Các địa phương, cơ quan, đơn vị']);
    expect(parsed.directives[1]!).toMatchObject({ leadSource: 'addressee', lead: ['các chi, đảng bộ trực thuộc Huyện ủy, cơ quan, ban, ngành, đoàn thể huyện'] });
    // Statistics such as "06/11 xã" are evaluation, not directives or deadlines.
    expect(parsed.directives.every((d) => !d.text.includes('06/11'))).toBe(true);
  });

  it('a press article with inline (1)…(8) gives 8 directives for the commune it addresses', () => {
    const parsed = parseNotice(fixtureText('seed-002-bao-chi-xa-thuan.txt'));
    expect(parsed.directives.map((d) => d.ordinal)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(parsed.directives.every((d) => d.lead.join() === 'Đảng ủy xã Thuận')).toBe(true);
    expect(parsed.directives[0]).toMatchObject({ due: '2022-12-31', dueKind: 'year' });
    expect(parsed.directives[7]!.text).not.toMatch(/Nguyễn Đăng Thái|loading/);
    expect(parsed.notice).toMatchObject({ meetingOn: '2022-11-10', signer: null, title: 'BAN THƯỜNG VỤ HUYỆN ỦY LÀM VIỆC VỚI ĐẢNG ỦY XÃ THUẬN' });
  });

  describe('a steering-committee notice with blank number and date', () => {
    const parsed = parseNotice(fixtureText('seed-004-bcd-ntm-xa-binh-son.txt'));
    const byOrdinal = (ordinal: string) => parsed.directives.find((d) => d.ordinal === ordinal)!;

    it('has 11 directives, an unnumbered paragraph staying with the item above it', () => {
      expect(parsed.directives).toHaveLength(11);
      expect(byOrdinal('6').text).toContain('Thực hiện nghiêm quy chế dân chủ');
    });

    it('leaves the blank number and date null and resolves deadlines against the meeting date', () => {
      expect(parsed.notice).toMatchObject({ number: null, issuedOn: null, meetingOn: '2020-11-17', signer: 'Lê Phú Quốc', issuer: 'Văn phòng NTM huyện' });
      expect(byOrdinal('2')).toMatchObject({ due: '2020-11-30', dueKind: 'date', dueText: 'trước ngày 30/11/2020' });
      expect(byOrdinal('3')).toMatchObject({ due: '2020-11-17', dueKind: 'immediate' });
      expect(byOrdinal('4')).toMatchObject({ due: '2020-12-31', dueKind: 'month' });
      expect(byOrdinal('4').recurrence?.dates).toEqual(['2020-12-31', '2021-03-31', '2021-05-31', '2021-12-31']);
      expect(byOrdinal('7')).toMatchObject({ due: '2021-03-31', dueKind: 'quarter', lead: ['Phòng Kinh tế - Hạ tầng'] });
      expect(byOrdinal('11')).toMatchObject({ due: null, dueKind: 'none', lead: ['Văn phòng NTM huyện'], support: ['Văn phòng Huyện ủy'] });
    });

    it('does not take a cited resolution date for a deadline', () => {
      expect(byOrdinal('3').dueText).toBe('ngay');
    });

    it('finds the units reporting on the 14th and 28th and the office consolidating on the 15th and 30th', () => {
      expect(parsed.schedules).toEqual([
        expect.objectContaining({ daysOfMonth: [14, 28], rule: 'monthly:14,28', kind: 'report', reporters: ['xã Bình Sơn'], recipient: 'Ban chỉ đạo huyện qua Văn phòng NTM huyện' }),
        expect.objectContaining({ daysOfMonth: [15, 30], rule: 'monthly:15,30', kind: 'consolidate', reporters: ['Văn phòng NTM huyện'], recipient: 'Trưởng Ban chỉ đạo huyện' }),
      ]);
      expect(byOrdinal('10')).toMatchObject({ dueKind: 'recurring', recurrence: expect.objectContaining({ kind: 'monthly', daysOfMonth: [14, 28] }) });
    });

    it('is about xã Bình Sơn, and the commune\'s organs, its bare "Xã" and its unnamed tasks all lead as xã Bình Sơn', () => {
      expect(parsed.notice.locality).toBe('xã Bình Sơn');
      expect(byOrdinal('1').lead).toEqual(['Các đồng chí Bí thư, Phó Bí thư, Chủ tịch UBND xã và Ban chấp hành Đảng bộ xã Bình Sơn']);
      expect(byOrdinal('2').lead).toEqual(['Ban chỉ đạo xây dựng NTM xã Bình Sơn']);
      expect(byOrdinal('3')).toMatchObject({ lead: ['xã Bình Sơn'], leadSource: 'addressee' });
      expect(byOrdinal('6').lead).toEqual(['Các đồng chí lãnh đạo xã Bình Sơn']);
      expect(byOrdinal('10').lead).toEqual(['xã Bình Sơn', 'Văn phòng NTM huyện']);
    });

    it('gives 4 to the commune and to the department that guides and checks it', () => {
      expect(byOrdinal('4').lead).toEqual(['xã Bình Sơn', 'Phòng Tài nguyên và Môi trường']);
    });

    it('names the person who follows 9 apart from its units, and keeps the district bodies of 8', () => {
      expect(byOrdinal('9')).toMatchObject({ persons: ['Lê Phú Quốc'], lead: ['xã Bình Sơn'] });
      expect(byOrdinal('8').lead).toEqual(['Các ban, phòng, ngành cấp huyện', 'các đồng chí thành viên Ban chỉ đạo xây dựng NTM huyện']);
    });
  });
});
