import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Message } from 'grammy/types';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const notice = `BAN CHỈ ĐẠO XÂY DỰNG NÔNG THÔN MỚI HUYỆN
Số: 87/TB-BCĐ
Triệu Sơn, ngày 18 tháng 11 năm 2020
THÔNG BÁO
Kết luận của Trưởng Ban chỉ đạo tại buổi làm việc với xã Bình Sơn
Ngày 17/11/2020, đồng chí Trưởng Ban chỉ đạo kết luận như sau:
1. Giao Phòng Tài nguyên và Môi trường chủ trì rà soát hồ sơ đất đai của xã, hoàn thành trước ngày 30/11/2020.
2. Giao Phòng Tài nguyên và Môi trường hướng dẫn xã tổng dọn vệ sinh môi trường, báo cáo trước ngày 15/12/2020.
Nơi nhận:
- Như trên;
- Lưu: VT.`;

const textOf = (message: Message) => message.text ?? message.caption ?? '';

describe('/export and /dashboard through Telegram', () => {
  // 09:00 on 10/12/2020 in Hà Nội: directive 1 is overdue, directive 2 still in time.
  const clock = { now: new Date('2020-12-10T02:00:00Z') };
  let h: Harness;
  let d: Harness['driver'];
  let secretary: ReturnType<Harness['driver']['createUser']>;
  let clerk: ReturnType<Harness['driver']['createUser']>;
  let official: ReturnType<Harness['driver']['createUser']>;
  let office: ReturnType<Harness['driver']['createGroup']>;
  let unitGroup: ReturnType<Harness['driver']['createGroup']>;

  beforeAll(async () => {
    h = await startHarness({ now: () => clock.now, emulator: { rateLimits: false, botUsername: 'dondoc_test_bot' }, throttle: false });
    d = h.driver;
    secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky', languageCode: 'vi' });
    clerk = d.createUser({ firstName: 'Văn', lastName: 'Thư', username: 'vanthu' });
    official = d.createUser({ firstName: 'Cán bộ', lastName: 'TNMT', username: 'cb_tnmt' });
    office = d.createGroup({ title: 'Văn phòng NTM huyện', type: 'supergroup', admins: [secretary], members: [clerk] });
    unitGroup = d.createGroup({ title: 'Phòng TN&MT', members: [official] });

    d.sendCommand(secretary, office, '/setup', { addressed: true });
    await d.waitForBotMessage(office, { match: /Đã đăng ký nhóm này/ });
    d.sendCommand(secretary, office, '/invite');
    const code = /\/join (\w+)/.exec(textOf(await d.waitForBotMessage(office, { match: /Mã mời/ })))![1];
    d.sendCommand(official, unitGroup, `/join ${code} Phòng Tài nguyên và Môi trường`);
    await d.waitForBotMessage(unitGroup, { match: /đã được liên kết/ });
    d.sendCommand(secretary, office, `/notice ${notice}`);
    const preview = await d.waitForBotMessage(office, { match: (m) => d.buttons(m).length > 0, timeoutMs: 15_000 });
    const publish = d.buttons(preview).find((button) => button.text.includes('Phát hành')) as { callback_data: string };
    d.pressButton(secretary, preview, publish.callback_data);
    await d.waitForBotMessage(office, { match: /Đã phát hành/, timeoutMs: 15_000 });
    d.sendCommand(official, unitGroup, '/status 2 đang đã họp triển khai <i>tổng dọn</i>');
    await d.waitForBotMessage(unitGroup, { match: /Đã ghi nhận/ });
  });
  afterAll(async () => h?.stop());

  const fileOf = (message: Message) => h.emulator.api.files.get(message.document!.file_id)!.data;

  it('refuses /export in a unit group, and to someone who is neither secretary nor leader', async () => {
    d.sendCommand(official, unitGroup, '/export');
    expect(textOf(await d.waitForBotMessage(unitGroup))).toMatch(/chỉ dùng trong nhóm của cơ quan theo dõi/);
    d.sendCommand(clerk, office, '/xuat');
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/không có quyền/);
  });

  it('sends the .xlsx as a document by default', async () => {
    d.sendCommand(secretary, office, '/export');
    const message = await d.waitForBotMessage(office, { match: (m) => m.document !== undefined, timeoutMs: 15_000 });
    expect(message.document!.file_name).toBe('bao-cao-tat-ca-2020-12-10.xlsx');
    expect(textOf(message)).toBe('📎 Bảng theo dõi (Excel) — tất cả thông báo, số liệu đến ngày 10/12/2020');
    const workbook = new ExcelJS.Workbook();
    const bytes = fileOf(message);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('TB 87-TB-BCĐ')!;
    expect([4, 5].map((n) => [sheet.getRow(n).getCell(4).value, sheet.getRow(n).getCell(8).value, sheet.getRow(n).getCell(10).value])).toEqual([
      ['Phòng Tài nguyên và Môi trường', 'Quá hạn chưa hoàn thành', null],
      ['Phòng Tài nguyên và Môi trường', 'Chưa hoàn thành, còn trong hạn', 'đã họp triển khai <i>tổng dọn</i>'],
    ]);
  });

  it('sends the .docx report of one notice by its number, under the Vietnamese alias too', async () => {
    d.sendCommand(secretary, office, '/xuat 87 docx');
    const message = await d.waitForBotMessage(office, { match: (m) => m.document?.file_name?.endsWith('.docx') === true, timeoutMs: 15_000 });
    expect(message.document!.file_name).toBe('bao-cao-87-tb-bcd-2020-12-10.docx');
    const xml = strFromU8(unzipSync(fileOf(message))['word/document.xml']!);
    expect(xml).toContain('Kết quả thực hiện Thông báo số 87/TB-BCĐ ngày 18/11/2020');
    expect(xml).toContain('Quá hạn chưa hoàn thành (10 ngày)');
  });

  it('sends the progress chart as a photo to look at in the chat, with its caption, not as a file', async () => {
    const before = d.stats().calls;
    d.sendCommand(secretary, office, '/export png');
    const message = await d.waitForBotMessage(office, { match: (m) => m.photo !== undefined, timeoutMs: 15_000 });
    const after = d.stats().calls;
    expect((after.sendPhoto ?? 0) - (before.sendPhoto ?? 0)).toBe(1);
    expect(after.sendDocument ?? 0).toBe(before.sendDocument ?? 0);
    expect(message.document).toBeUndefined();
    expect(textOf(message)).toBe('📎 Biểu đồ tiến độ — tất cả thông báo, số liệu đến ngày 10/12/2020');
    const largest = message.photo!.at(-1)!;
    const png = PNG.sync.read(Buffer.from(h.emulator.api.files.get(largest.file_id)!.data));
    // One unit: the chart is as wide as ever and as tall as its title's lines and one bar need.
    expect([png.width, largest.width, largest.height]).toEqual([1000, png.width, png.height]);
    expect(png.height).toBeGreaterThanOrEqual(118 + 34 + 24);
  });

  it('answers an unknown number and a bad format with a usable message', async () => {
    d.sendCommand(secretary, office, '/export 999 docx');
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/Không tìm thấy thông báo số “999”/);
    d.sendCommand(secretary, office, '/export 87 docx png');
    expect(textOf(await d.waitForBotMessage(office))).toMatch(/Cú pháp: \/export/);
  });

  it('sends a signed dashboard link that opens, and refuses it once altered', async () => {
    d.sendCommand(secretary, office, '/bangtheodoi');
    const message = await d.waitForBotMessage(office, { match: /Trang theo dõi/ });
    const link = message.entities?.find((entity) => entity.type === 'text_link') as { url: string } | undefined;
    expect(link?.url).toMatch(new RegExp(`^${h.app.http.url}/dashboard/\\w+\\?exp=\\d+&sig=[\\w-]{43}$`));
    expect(textOf(message)).toMatch(/hết hạn lúc 09:00 11\/12\/2020/);
    const page = await fetch(link!.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Thông báo số 87/TB-BCĐ');
    expect(html).toContain('Quá hạn chưa hoàn thành (1)');
    expect((await fetch(link!.url.replace(/exp=(\d+)/, (_, n: string) => `exp=${Number(n) + 60}`))).status).toBe(403);
  });

  it('sends the link in a private chat to a secretary, and not to a unit official', async () => {
    const secretaryChat = d.privateChat(secretary);
    d.sendCommand(secretary, secretaryChat, '/dashboard');
    const message = await d.waitForBotMessage(secretaryChat, { match: /Trang theo dõi Văn phòng NTM huyện/ });
    const link = message.entities?.find((entity) => entity.type === 'text_link') as { url: string };
    expect((await fetch(link.url)).status).toBe(200);
    const officialChat = d.privateChat(official);
    d.sendCommand(official, officialChat, '/dashboard');
    expect(textOf(await d.waitForBotMessage(officialChat))).toMatch(/chưa là thư ký hoặc lãnh đạo/);
  });
});
