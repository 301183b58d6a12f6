import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNotice } from '../../src/parser/index.js';
import { fixtureText } from './fixture-notices.js';

/** Pieces of real notices, so that random input reaches deep into the parser rather than stopping at the header. */
const noticeWords = [
  'Số: 12/TB-UBND', 'Số:  /TB-BCĐ', 'THÔNG BÁO', 'Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH', 'I.', 'II. NHIỆM VỤ', '1.', '2)', '(3)', 'a)', '- ',
  'Giao', 'Phòng Tài nguyên và Môi trường', 'chủ trì', 'phối hợp với', 'UBND các xã, thị trấn', 'đồng chí Lê Văn A', 'trước ngày', '30/11/2020', '31/02/2021',
  'trong tháng 12/2020', 'quý IV/2023', 'tháng 3, tháng 5 năm 2021', 'ngay', 'thường xuyên', 'vào các ngày 14, 28 hàng tháng', 'hằng quý', ':', ';', ',', '.',
  '\n', '\n\n', '\f', '**', 'Uỷ ban', 'hoà', 'ngày  tháng  năm 2020', 'Ngày 17/11/2020,', 'Trên đây là', 'loading....', '\u00a0', 'xã Bình Sơn',
];
const noticeLike = fc.array(fc.oneof(fc.constantFrom(...noticeWords), fc.string({ maxLength: 12 })), { maxLength: 200 }).map((parts) => parts.join(' '));

describe('parser properties', () => {
  it('never throws, on notice-like or arbitrary text', () => {
    fc.assert(fc.property(fc.oneof(noticeLike, fc.string({ maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 500 })), (text) => {
      const parsed = parseNotice(text);
      expect(Array.isArray(parsed.directives)).toBe(true);
    }), { numRuns: 400 });
  });

  it('gives the same result for the same text, NFC or NFD', () => {
    fc.assert(fc.property(noticeLike, (text) => {
      const first = parseNotice(text);
      expect(parseNotice(text)).toEqual(first);
      expect(parseNotice(text.normalize('NFD'))).toEqual(parseNotice(text.normalize('NFC')));
    }), { numRuns: 200 });
  });

  it('only ever returns valid ISO dates', () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    fc.assert(fc.property(noticeLike, (text) => {
      const parsed = parseNotice(text);
      for (const d of parsed.directives) if (d.due !== null) expect(d.due).toMatch(iso);
      for (const date of [parsed.notice.issuedOn, parsed.notice.meetingOn]) if (date !== null) expect(Number.isNaN(Date.parse(date))).toBe(false);
    }), { numRuns: 200 });
  });

  it('parses a whole fixture the same way twice', () => {
    const text = fixtureText('seed-004-bcd-ntm-xa-binh-son.txt');
    expect(parseNotice(text)).toEqual(parseNotice(text));
  });
});
