import { describe, expect, it } from 'vitest';
import { findDeadline } from '../../src/parser/deadlines.js';

const dates = { issuedOn: '2024-11-25', meetingOn: '2024-11-21' };
const due = (text: string, reference: Parameters<typeof findDeadline>[1] = dates) => findDeadline(text, reference).due;

describe('deadlines counted from the signing or the meeting', () => {
  it('counts "trong vòng 15 ngày kể từ ngày ký" from the notice’s date', () => {
    expect(due('hoàn thành trong vòng 15 ngày kể từ ngày ký Thông báo này')).toBe('2024-12-10');
  });

  it('counts "chậm nhất 10 ngày sau cuộc họp" from the meeting’s date', () => {
    expect(due('trình Thường trực Huyện ủy chậm nhất 10 ngày sau cuộc họp')).toBe('2024-12-01');
  });

  it('counts from the meeting when the notice’s date is blank, and the other way round', () => {
    expect(due('hoàn thành trong vòng 15 ngày kể từ ngày ký', { issuedOn: null, meetingOn: '2025-03-05' })).toBe('2025-03-20');
    expect(due('chậm nhất 10 ngày sau cuộc họp', { issuedOn: '2025-03-07', meetingOn: null })).toBe('2025-03-17');
  });

  it('skips the weekend in "ngày làm việc"', () => {
    // 25/11/2024 is a Monday: five working days later is the next Monday.
    expect(due('trong thời hạn 05 ngày làm việc kể từ ngày ký')).toBe('2024-12-02');
  });
});

describe('dates and periods as notices write them', () => {
  it.each([
    ['chậm nhất ngày 15-12', '2024-12-15'],
    ['trước ngày 15/01', '2025-01-15'],
    ['trước 17 giờ ngày 05/12/2024', '2024-12-05'],
    ['trong quý II/2025', '2025-06-30'],
    ['hoàn thành trong 6 tháng đầu năm 2025', '2025-06-30'],
    ['trong tháng 10/2025', '2025-10-31'],
    ['báo cáo Chủ tịch UBND tỉnh tại phiên họp thường kỳ tháng 12/2024', '2024-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it('reads a "Thời gian hoàn thành:" line and a task table’s due cell', () => {
    expect(due('Thời gian hoàn thành: 30/6/2025.')).toBe('2025-06-30');
    expect(due('Thời gian thực hiện: từ nay đến 31/12/2024')).toBe('2024-12-31');
    expect(due('trong Quý I/2025')).toBe('2025-03-31');
    expect(due('trong Tháng 12/2024')).toBe('2024-12-31');
    expect(findDeadline('trong Thường xuyên', dates)).toMatchObject({ due: null, dueKind: 'none' });
  });

  it('reads "ngay" as due on the notice’s date and "thường xuyên" as no date', () => {
    expect(findDeadline('triển khai ngay trong tuần', dates)).toMatchObject({ due: '2024-11-25', dueKind: 'immediate' });
    expect(findDeadline('thường xuyên theo dõi', dates)).toMatchObject({ due: null, dueKind: 'none' });
  });

  it('does not take a period named as a noun for a deadline', () => {
    expect(due('thu nộp đảng phí 6 tháng đầu năm, hoàn thành trong tháng 12/2024')).toBe('2024-12-31');
  });
});

describe('a reporting date is not the task’s deadline', () => {
  it('keeps the task’s own date when the report has another', () => {
    expect(due('rà soát hồ sơ, hoàn thành trước ngày 15/12/2024, báo cáo kết quả về UBND tỉnh trước ngày 20/12/2024')).toBe('2024-12-15');
    expect(due('mở đợt cao điểm đến hết ngày 28/02/2025; báo cáo kết quả sơ bộ về Ban Chỉ đạo trước ngày 10/01/2025')).toBe('2025-02-28');
  });

  it('takes the report’s date when it is the only one', () => {
    expect(due('đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện trước ngày 30/11/2024')).toBe('2024-11-30');
  });
});
