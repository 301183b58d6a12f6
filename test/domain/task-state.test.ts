import { describe, expect, it } from 'vitest';
import { parseStateWords } from '../../src/domain/task-state.js';

describe('state words in a status report', () => {
  it.each([
    ['xong Đã tổng dọn ngày 20/12', 'DONE', 'Đã tổng dọn ngày 20/12'],
    ['Hoàn thành: đã nộp báo cáo số 12/BC-UBND', 'DONE', 'đã nộp báo cáo số 12/BC-UBND'],
    ['đã hoàn thành', 'DONE', ''],
    ['done', 'DONE', ''],
    ['Đang thực hiện, dự kiến xong 25/12', 'IN_PROGRESS', 'dự kiến xong 25/12'],
    ['đang làm', 'IN_PROGRESS', ''],
    ['chưa xong vì thiếu kinh phí', 'IN_PROGRESS', 'vì thiếu kinh phí'],
    ['vướng mắc - chưa có mặt bằng', 'BLOCKED', 'chưa có mặt bằng'],
    ['khó khăn về kinh phí', 'BLOCKED', 'về kinh phí'],
  ])('"%s" is %s with the rest as the note', (text, state, note) => {
    expect(parseStateWords(text)).toEqual({ state, note });
  });

  it('reads decomposed (NFD) Vietnamese the same as composed text', () => {
    expect(parseStateWords('hoàn thành rồi'.normalize('NFD'))?.state).toBe('DONE');
  });

  it('understands text typed without diacritics', () => {
    expect(parseStateWords('dang lam, xong truoc 25/12')).toEqual({ state: 'IN_PROGRESS', note: 'xong truoc 25/12' });
    expect(parseStateWords('hoan thanh')?.state).toBe('DONE');
  });

  it('does not take a word that merely starts like a state word', () => {
    expect(parseStateWords('đăng ký xong')).toBeNull();
    expect(parseStateWords('xongxuôi')).toBeNull();
    expect(parseStateWords('Đã gửi công văn')).toBeNull();
  });
});
