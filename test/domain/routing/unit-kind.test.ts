import { describe, expect, it } from 'vitest';
import { inferUnitKind, UNIT_KINDS } from '../../../src/domain/routing/index.js';

describe('inferUnitKind', () => {
  it.each([
    'UBND xã Tân Lập',
    'Ủy ban nhân dân phường Tân Định',
    'Đảng ủy xã Thuận',
    'Đảng uỷ xã Thuận',
    'HĐND xã Bình Sơn',
    'Thị trấn Triệu Sơn',
    'Phường 3',
    'Đặc khu Phú Quốc',
    'Ban chỉ đạo NTM xã Bình Sơn',
    'UBND XÃ BÌNH SƠN',
  ])('sees a commune or a commune organ in "%s"', (name) => {
    expect(inferUnitKind(name)).toBe('commune');
    expect(inferUnitKind(name.normalize('NFD'))).toBe('commune');
  });

  it.each([
    'Phòng Tài nguyên và Môi trường',
    'Phòng TN&MT',
    'Phòng Lao động - Thương binh và Xã hội',
    'PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
    'Sở Xây dựng',
    'Ban Quản lý dự án đầu tư xây dựng huyện',
    'Ban Tuyên giáo Huyện ủy',
    'Chi cục Thống kê',
    'Cục Thuế tỉnh',
  ])('sees a department in "%s"', (name) => {
    expect(inferUnitKind(name)).toBe('department');
  });

  it.each([
    'Ủy ban MTTQ Việt Nam huyện',
    'Mặt trận Tổ quốc xã Bình Sơn',
    'Hội Nông dân huyện',
    'Hội Liên hiệp Phụ nữ xã Bình Sơn',
    'Hội Cựu chiến binh huyện',
    'Huyện đoàn',
    'Đoàn Thanh niên xã Bình Sơn',
    'Liên đoàn Lao động huyện',
  ])('sees a mass organisation in "%s", even when it belongs to a commune', (name) => {
    expect(inferUnitKind(name)).toBe('mass-org');
  });

  it.each(['Trường THCS Bình Sơn', 'Trường Mầm non xã Bình Sơn', 'Trường Tiểu học Thọ Xuân'])('sees a school in "%s"', (name) => {
    expect(inferUnitKind(name)).toBe('school');
  });

  it.each([
    'UBND huyện Triệu Sơn',
    'Huyện ủy',
    'Văn phòng HĐND và UBND huyện',
    'Văn phòng Huyện ủy',
    'Văn phòng NTM huyện',
    'Ban chỉ đạo NTM huyện',
    'Ban Chỉ huy Quân sự huyện',
    'Công an huyện',
    'UBND thị xã Nghi Sơn',
    'Hợp tác xã Nông nghiệp Bình Sơn',
    'Trạm Y tế xã Bình Sơn',
    'Công an xã Bình Sơn',
    'Văn phòng HĐND và UBND xã',
    'Trung tâm Văn hóa huyện',
  ])('files "%s" under other: an office, a district body or a body inside a commune', (name) => {
    expect(inferUnitKind(name)).toBe('other');
  });

  it('offers every kind the secretary can choose', () => {
    expect([...UNIT_KINDS].sort()).toEqual(['commune', 'department', 'mass-org', 'other', 'school']);
  });
});
