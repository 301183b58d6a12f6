import { describe, expect, it } from 'vitest';
import { shortNoticeTitle } from '../../src/domain/notice-label.js';

const seed004 = {
  number: null,
  issuedOn: null,
  // The store keeps calendar dates at UTC midnight.
  meetingOn: new Date('2020-11-17T00:00:00Z'),
  title: 'Kết luận của đồng chí Trưởng Ban chỉ đạo xây dựng nông thôn mới huyện tại buổi làm việc với xã Bình Sơn',
};

describe('shortNoticeTitle', () => {
  it('names a numbered notice by its number', () => {
    const notice = { number: '123/TB-UBND', issuedOn: new Date('2021-03-01T00:00:00Z'), meetingOn: null, title: 'Kết luận của Chủ tịch UBND huyện' };
    expect(shortNoticeTitle(notice, 'vi')).toBe('TB số 123/TB-UBND');
    expect(shortNoticeTitle(notice, 'en')).toBe('Notice No. 123/TB-UBND');
    expect(shortNoticeTitle(notice, 'vi', undefined, 'formal')).toBe('Thông báo số 123/TB-UBND');
  });

  it('names an unnumbered conclusion by its meeting date and the commune its title names', () => {
    expect(shortNoticeTitle(seed004, 'vi')).toBe('TB kết luận ngày 17/11/2020 (xã Bình Sơn)');
    expect(shortNoticeTitle(seed004, 'en')).toBe('Conclusion notice of 17/11/2020 (xã Bình Sơn)');
    expect(shortNoticeTitle(seed004, 'vi', undefined, 'formal')).toBe('Thông báo kết luận ngày 17/11/2020 (xã Bình Sơn)');
  });

  it('prefers the locality the parser stored over the title', () => {
    expect(shortNoticeTitle({ ...seed004, title: 'Kết luận tại buổi làm việc', locality: 'phường Hòa Bình' }, 'vi')).toBe('TB kết luận ngày 17/11/2020 (phường Hòa Bình)');
  });

  it('dates by the notice when the meeting date is unknown, read in the zone it was stored in', () => {
    const notice = { number: null, issuedOn: new Date('2021-01-05T00:00:00Z'), meetingOn: null, title: 'Kết luận giao ban tháng 12' };
    expect(shortNoticeTitle(notice, 'vi')).toBe('TB kết luận ngày 05/01/2021');
    expect(shortNoticeTitle({ ...notice, issuedOn: new Date('2021-01-04T17:00:00Z') }, 'vi', 'Asia/Ho_Chi_Minh')).toBe('TB kết luận ngày 05/01/2021');
  });

  it('falls back to the start of the title, cut at a word, when nothing else names the notice', () => {
    const label = shortNoticeTitle({ number: null, issuedOn: null, meetingOn: null, title: 'Kết luận của đồng chí Bí thư Huyện ủy về công tác chuẩn bị tổ chức Đại hội Đảng bộ các cấp' }, 'vi');
    expect(label.startsWith('TB kết luận — Kết luận của đồng chí Bí thư Huyện ủy')).toBe(true);
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThan(80);
    expect(shortNoticeTitle({ number: '  ', issuedOn: null, meetingOn: null, title: null }, 'vi')).toBe('TB kết luận');
  });
});
