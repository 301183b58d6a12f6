import { describe, expect, it } from 'vitest';
import { parseNotice, readNoticeFile } from '../../src/parser/index.js';
import { normalizeNoticeText } from '../../src/parser/normalize-text.js';
import { segmentBody, type DirectiveSegment } from '../../src/parser/directives.js';
import { findDeadline } from '../../src/parser/deadlines.js';
import { buildDocx } from './notice-file-builders.js';

/** The body of a notice cut into directives, as the parser does after its header. */
function segments(body: string): DirectiveSegment[] {
  const lines = normalizeNoticeText(body).split('\n');
  return segmentBody(lines, (text) => findDeadline(text, '2024-03-05').dueKind !== 'none').directives;
}

const ordinals = (body: string) => segments(body).map((d) => d.ordinal);

describe('task tables', () => {
  const header = 'STT | Nội dung (công việc) | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành/Thời hạn';

  it('makes each row of a pipe table a directive whose cells say who leads, who helps and by when', () => {
    const found = segments(
      [
        'Chủ tịch UBND huyện giao nhiệm vụ cụ thể như sau:',
        header,
        '1 | Rà soát hồ sơ đất đai | Phòng Tài nguyên và Môi trường | UBND các xã | Trước 30/3/2024',
        '2 | Kiểm tra trạm bơm | Phòng Nông nghiệp | | Tháng 4/2024',
        'Trên đây là kết luận của Chủ tịch UBND huyện.',
      ].join('\n'),
    );
    expect(found).toEqual([
      { ordinal: '1', text: 'Rà soát hồ sơ đất đai', parentText: null, cells: { lead: 'Phòng Tài nguyên và Môi trường', support: 'UBND các xã', due: 'Trước 30/3/2024' } },
      { ordinal: '2', text: 'Kiểm tra trạm bơm', parentText: null, cells: { lead: 'Phòng Nông nghiệp', due: 'Tháng 4/2024' } },
    ]);
  });

  it('joins a row wrapped over several lines, cell by cell or into its Nội dung', () => {
    const found = segments(
      [
        header,
        '1 | Rà soát, hoàn thiện hồ sơ đề nghị | UBND xã Bình | Phòng Nông | Trước 30/6/2024',
        '| công nhận xã đạt chuẩn nông thôn mới | Sơn | nghiệp |',
        '2 | Nạo vét kênh tiêu | Công ty Thủy lợi | UBND các xã | Tháng 5/2024',
        'trên toàn tuyến kênh chính',
      ].join('\n'),
    );
    expect(found.map((d) => [d.ordinal, d.text, d.cells?.lead, d.cells?.support])).toEqual([
      ['1', 'Rà soát, hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới', 'UBND xã Bình Sơn', 'Phòng Nông nghiệp'],
      ['2', 'Nạo vét kênh tiêu trên toàn tuyến kênh chính', 'Công ty Thủy lợi', 'UBND các xã'],
    ]);
  });

  it('reads a table copied with tabs and a header written without diacritics', () => {
    const found = segments(['TT\tNoi dung cong viec\tDon vi chu tri\tThoi han', '1\tTổng hợp báo cáo quý\tVăn phòng UBND huyện\t10/4/2024'].join('\n'));
    expect(found).toEqual([{ ordinal: '1', text: 'Tổng hợp báo cáo quý', parentText: null, cells: { lead: 'Văn phòng UBND huyện', due: '10/4/2024' } }]);
  });

  it('reads a header written over two rows, the way Word merges "Đơn vị thực hiện" over "Chủ trì" and "Phối hợp"', () => {
    const found = segments(['TT | Nội dung | Đơn vị thực hiện | | Thời hạn', 'TT | Nội dung | Chủ trì | Phối hợp | Thời hạn', '1 | Kiểm tra đê điều | Phòng Nông nghiệp | UBND các xã | 30/5/2024'].join('\n'));
    expect(found).toEqual([{ ordinal: '1', text: 'Kiểm tra đê điều', parentText: null, cells: { lead: 'Phòng Nông nghiệp', support: 'UBND các xã', due: '30/5/2024' } }]);
  });

  it('reads a markdown table and numbers restarting under group rows apart', () => {
    const found = segments(
      [
        '| STT | Nội dung | Đơn vị chủ trì |',
        '|---|---|---|',
        '| I | Lĩnh vực nông nghiệp | |',
        '| 1 | Rà soát diện tích lúa | Phòng Nông nghiệp |',
        '| II | Lĩnh vực giáo dục | |',
        '| 1 | Sửa chữa phòng học | Phòng Giáo dục và Đào tạo |',
      ].join('\n'),
    );
    expect(found.map((d) => [d.ordinal, d.text, d.cells?.lead])).toEqual([
      ['I.1', 'Rà soát diện tích lúa', 'Phòng Nông nghiệp'],
      ['II.1', 'Sửa chữa phòng học', 'Phòng Giáo dục và Đào tạo'],
    ]);
  });

  it('does not take the two-column header block for a task table', () => {
    const parsed = parseNotice(
      [
        'UBND TỈNH HÀ NGUYÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc',
        'Số: 123/TB-VP | Hà Nguyên, ngày 5 tháng 3 năm 2024',
        'THÔNG BÁO',
        'Kết luận của Chủ tịch UBND tỉnh',
        '1. Giao Sở Tài chính bố trí vốn trước ngày 30/3/2024.',
      ].join('\n'),
    );
    expect(parsed.directives.map((d) => d.ordinal)).toEqual(['1']);
  });

  it('finds the rows of a real Word table in a .docx', async () => {
    const bytes = await buildDocx([
      { p: 'Chủ tịch UBND huyện giao:' },
      {
        table: [
          ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
          ['1', 'Lập kế hoạch\nchống hạn', 'Phòng Nông nghiệp', 'UBND các xã', '15/6/2024'],
        ],
      },
    ]);
    const found = segments(await readNoticeFile(bytes, 'bang.docx'));
    expect(found).toEqual([{ ordinal: '1', text: 'Lập kế hoạch chống hạn', parentText: null, cells: { lead: 'Phòng Nông nghiệp', support: 'UBND các xã', due: '15/6/2024' } }]);
  });
});

describe('numbering as notices write it', () => {
  it('takes "1)" items after an introduction that names who chaired, not the attendance list', () => {
    const body = [
      'Chủ trì: đồng chí Nguyễn Văn A - Chủ tịch UBND huyện; Tham dự: lãnh đạo các phòng, ban.',
      'Thành phần tham dự:',
      '1) Đại diện Phòng Nội vụ;',
      '2) Đại diện Phòng Tư pháp.',
      'Chủ tịch UBND huyện kết luận:',
      '1) Phòng Nội vụ rà soát biên chế trước ngày 15/3/2024.',
      '2) Phòng Tư pháp kiểm tra văn bản.',
    ].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.text])).toEqual([
      ['1', 'Phòng Nội vụ rà soát biên chế trước ngày 15/3/2024.'],
      ['2', 'Phòng Tư pháp kiểm tra văn bản.'],
    ]);
  });

  it('numbers "Thứ nhất, … Thứ hai, …" in running prose and at paragraph starts, but not a weekday', () => {
    expect(ordinals('Đồng chí Bí thư yêu cầu xã tập trung: Thứ nhất, rà soát các chỉ tiêu. Thứ hai, đẩy nhanh tiến độ. Thứ ba, kiện toàn bộ máy.')).toEqual(['1', '2', '3']);
    expect(ordinals(['Thứ nhất, rà soát các chỉ tiêu.', 'Thứ hai, đẩy nhanh tiến độ.'].join('\n'))).toEqual(['1', '2']);
    expect(ordinals('Thứ hai, ngày 04/3/2024, Chủ tịch UBND huyện họp. Thứ ba, ngày 05/3/2024, tiếp tục họp.')).toEqual([]);
  });

  it('keeps 1.1 sections as directives of their own', () => {
    const body = ['1. Lĩnh vực kinh tế', '1.1. Phòng Tài chính - Kế hoạch rà soát vốn.', '1.2. Phòng Kinh tế - Hạ tầng kiểm tra công trình.', '2. Lĩnh vực xã hội', '2.1. Phòng Y tế kiểm tra an toàn thực phẩm.'].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.parentText])).toEqual([
      ['1.1', 'Lĩnh vực kinh tế'],
      ['1.2', 'Lĩnh vực kinh tế'],
      ['2.1', 'Lĩnh vực xã hội'],
    ]);
  });

  it('counts past 99 without gluing item 100 into 99, and never takes a year for an item', () => {
    const items = Array.from({ length: 101 }, (_, i) => `${i + 1}. Giao Phòng Nội vụ thực hiện nhiệm vụ số ${i + 1}.`);
    const found = ordinals(['Kết luận như sau:', ...items, '2024. Năm của chuyển đổi số.'].join('\n'));
    expect(found).toHaveLength(101);
    expect(found.slice(-2)).toEqual(['100', '101']);
  });

  it('gives each sub-item under a unit heading its own directive, the heading as parent', () => {
    const body = ['1. Sở Xây dựng:', 'a) Rà soát quy hoạch chung.', 'b) Hướng dẫn cấp phép xây dựng.', '2. Đối với UBND các huyện, thị xã:', '- Kiểm tra công trình;', '+ tập trung vào nhà ở riêng lẻ;', '- Báo cáo kết quả.'].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.text, d.parentText])).toEqual([
      ['1.a', 'Rà soát quy hoạch chung.', 'Sở Xây dựng:'],
      ['1.b', 'Hướng dẫn cấp phép xây dựng.', 'Sở Xây dựng:'],
      ['2.1', 'Kiểm tra công trình;\n+ tập trung vào nhà ở riêng lẻ;', 'Đối với UBND các huyện, thị xã:'],
      ['2.2', 'Báo cáo kết quả.', 'Đối với UBND các huyện, thị xã:'],
    ]);
  });

  it('numbers unnumbered unit headings in order and hands a "Thời gian hoàn thành" line after the sub-items to their parent', () => {
    const body = ['Sở Tài chính:', '- Cân đối nguồn vốn;', '- Thẩm định dự toán.', 'Thời gian hoàn thành: trước ngày 30/4/2024.', 'Văn phòng UBND tỉnh:', '- Theo dõi, đôn đốc các sở.'].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.text, d.parentText])).toEqual([
      ['1.1', 'Cân đối nguồn vốn;', 'Sở Tài chính:\nThời gian hoàn thành: trước ngày 30/4/2024.'],
      ['1.2', 'Thẩm định dự toán.', 'Sở Tài chính:\nThời gian hoàn thành: trước ngày 30/4/2024.'],
      ['2.1', 'Theo dõi, đôn đốc các sở.', 'Văn phòng UBND tỉnh:'],
    ]);
  });

  it('reads "1/" and "a/" numbering and headings written in capitals', () => {
    const body = ['Kết luận như sau:', '1/ ĐỐI VỚI SỞ XÂY DỰNG:', 'a/ Rà soát quy hoạch.', 'b/ Cấp phép xây dựng.', '2/ Phòng Nội vụ rà soát biên chế.'].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.parentText])).toEqual([
      ['1.a', 'ĐỐI VỚI SỞ XÂY DỰNG:'],
      ['1.b', 'ĐỐI VỚI SỞ XÂY DỰNG:'],
      ['2', null],
    ]);
  });

  it('splits "yêu cầu: Sở …; Sở …" written in one paragraph into one directive per unit', () => {
    const body = 'Kết luận buổi làm việc, Chủ tịch UBND tỉnh yêu cầu: Sở Xây dựng khẩn trương hoàn thiện hồ sơ; Sở Tài chính bố trí vốn trong tháng 4/2024; UBND huyện Bắc Mỹ bàn giao mặt bằng.';
    expect(segments(body).map((d) => [d.ordinal, d.text])).toEqual([
      ['1', 'Sở Xây dựng khẩn trương hoàn thiện hồ sơ'],
      ['2', 'Sở Tài chính bố trí vốn trong tháng 4/2024'],
      ['3', 'UBND huyện Bắc Mỹ bàn giao mặt bằng.'],
    ]);
  });

  it('keeps a topic heading on its own line apart from the task under it', () => {
    const body = ['Kết luận:', '1. Về thu ngân sách', 'Chi cục Thuế khu vực thu hồi nợ đọng thuế.', '2. Về đầu tư công:', 'Phòng Tài chính - Kế hoạch rà soát dự án chậm giải ngân.'].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.text, d.parentText])).toEqual([
      ['1', 'Chi cục Thuế khu vực thu hồi nợ đọng thuế.', 'Về thu ngân sách'],
      ['2', 'Phòng Tài chính - Kế hoạch rà soát dự án chậm giải ngân.', 'Về đầu tư công:'],
    ]);
  });

  it('numbers unnumbered paragraphs that each open with their unit and a colon', () => {
    const body = ['Chủ tịch UBND huyện kết luận:', 'Phòng Tài chính - Kế hoạch: tham mưu bố trí vốn trước ngày 20/3/2024.', 'UBND các xã, thị trấn: rà soát hộ nghèo.', 'Trên đây là kết luận của Chủ tịch UBND huyện.'].join('\n');
    // The chair's lead-in ends with a colon too, but it speaks: it is not a unit heading.
    expect(segments(body).map((d) => [d.ordinal, d.text, d.parentText])).toEqual([
      ['1', 'tham mưu bố trí vốn trước ngày 20/3/2024.', 'Phòng Tài chính - Kế hoạch:'],
      ['2', 'rà soát hộ nghèo.', 'UBND các xã, thị trấn:'],
    ]);
  });

  it('splits sub-items that each open with their own unit and a colon', () => {
    const body = ['Kết luận:', '1. Về công tác phòng chống dịch:', '- Phòng Y tế: hướng dẫn các xã phun khử khuẩn;', '- UBND các xã: tuyên truyền cho nhân dân.'].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.text])).toEqual([
      ['1.1', 'Phòng Y tế: hướng dẫn các xã phun khử khuẩn;'],
      ['1.2', 'UBND các xã: tuyên truyền cho nhân dân.'],
    ]);
  });

  it('makes each unmarked paragraph after "kết luận như sau:" a directive rather than finding none', () => {
    const body = ['Ngày 01/3/2024, Chủ tịch UBND xã họp bàn công tác chống hạn.', 'Đồng chí Chủ tịch UBND xã kết luận như sau:', '', 'Tập trung nạo vét kênh mương nội đồng trước ngày 20/3/2024.', '', 'Rà soát diện tích có nguy cơ thiếu nước, báo cáo UBND xã.'].join('\n');
    expect(segments(body).map((d) => [d.ordinal, d.text])).toEqual([
      ['1', 'Tập trung nạo vét kênh mương nội đồng trước ngày 20/3/2024.'],
      ['2', 'Rà soát diện tích có nguy cơ thiếu nước, báo cáo UBND xã.'],
    ]);
  });

  it('keeps the sub-items of a plain parent with no deadline of their own merged in it', () => {
    const found = segments(['Kết luận:', '1. Về công tác quy hoạch:', '- rà soát quy hoạch;', '- công khai quy hoạch.'].join('\n'));
    expect(found.map((d) => d.ordinal)).toEqual(['1']);
    expect(found[0]!.text).toContain('công khai quy hoạch');
  });
});

describe('web pages and press articles', () => {
  const page = [
    'CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN SÔNG LAM',
    '☰ Menu | Trang chủ | Giới thiệu | Tin tức | Liên hệ',
    'Trang chủ > Tin tức > Hoạt động của lãnh đạo',
    '**Chủ tịch UBND huyện làm việc với xã An Phú**',
    'Ngày đăng: 12/03/2024 09:30 | Lượt xem: 1.204',
    'Cỡ chữ: A- A A+ | In bài | Chia sẻ',
    'Sáng 11/3, đồng chí Chủ tịch UBND huyện làm việc với xã An Phú.',
    'Quang cảnh buổi làm việc',
    'Kết luận buổi làm việc, Chủ tịch UBND huyện yêu cầu *xã An Phú* tập trung:',
    '- Rà soát các chỉ tiêu chưa đạt.',
    '- Hoàn thành đường liên thôn trong quý II/2024.',
    'Về kiến nghị của xã, Chủ tịch UBND huyện giao Phòng Tài chính - Kế hoạch cân đối vốn hỗ trợ.',
    'Đồng chí Chủ tịch UBND huyện phát biểu tại buổi làm việc (Ảnh: Minh Anh)',
    'Minh Anh - Văn phòng UBND huyện',
    'Tin liên quan',
    '› Huyện Sông Lam ra quân làm đường (02/3/2024)',
    'Bình luận',
    'Họ và tên',
    'Email',
    'loading...',
  ].join('\n');

  it('strips the page chrome and keeps the article, with its posting date as a line the metadata reads', () => {
    expect(normalizeNoticeText(page).split('\n')).toEqual([
      'Chủ tịch UBND huyện làm việc với xã An Phú',
      'Ngày đăng: 12/03/2024',
      'Sáng 11/3, đồng chí Chủ tịch UBND huyện làm việc với xã An Phú.',
      'Kết luận buổi làm việc, Chủ tịch UBND huyện yêu cầu xã An Phú tập trung:',
      '- Rà soát các chỉ tiêu chưa đạt.',
      '- Hoàn thành đường liên thôn trong quý II/2024.',
      'Về kiến nghị của xã, Chủ tịch UBND huyện giao Phòng Tài chính - Kế hoạch cân đối vốn hỗ trợ.',
    ]);
  });

  it('ends the article at the site footer and drops a reporter credit', () => {
    const text = ['Tin tức địa phương', 'Ngày 11/3/2024, UBND xã An Phú họp bàn kế hoạch.', 'PV Thu Hà', 'Từ khóa: nông thôn mới, An Phú', 'Cơ quan chủ quản: UBND huyện Sông Lam', '© 2024 Cổng thông tin điện tử huyện Sông Lam'].join('\n');
    expect(normalizeNoticeText(text)).toBe('Tin tức địa phương\nNgày 11/3/2024, UBND xã An Phú họp bàn kế hoạch.');
  });

  it('reads the bullets and the assignment that follows them, and dates the article by its posting', () => {
    const parsed = parseNotice(page);
    expect(parsed.directives.map((d) => [d.ordinal, d.text])).toEqual([
      ['1', 'Rà soát các chỉ tiêu chưa đạt.'],
      ['2', 'Hoàn thành đường liên thôn trong quý II/2024.'],
      ['3', 'giao Phòng Tài chính - Kế hoạch cân đối vốn hỗ trợ.'],
    ]);
    expect(parsed.notice).toMatchObject({ title: 'Chủ tịch UBND huyện làm việc với xã An Phú', issuedOn: '2024-03-12', meetingOn: '2024-03-11' });
  });
});

describe('header blocks', () => {
  it('reads number, place and issue date from a two-column header flattened with "|" and broken mid-phrase', () => {
    const parsed = parseNotice(
      [
        'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT',
        'TỈNH QUẢNG HÒA | NAM',
        'VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc',
        'Số: 123/TB-VP | Quảng Hòa, ngày 5 tháng 3',
        '| năm 2024',
        'THÔNG BÁO',
        'Kết luận của Chủ tịch UBND tỉnh tại cuộc họp',
        'về tiến độ giải ngân vốn đầu tư công',
        'Ngày 01/3/2024, đồng chí Chủ tịch UBND tỉnh chủ trì cuộc họp. Chủ tịch UBND tỉnh kết luận:',
        '1. Sở Tài chính tham mưu điều chuyển vốn trước ngày 25/3/2024.',
        'Nơi nhận: | KT. CHÁNH VĂN PHÒNG',
        '- Như trên; | PHÓ CHÁNH VĂN PHÒNG',
        '- Lưu: VT. |',
        '| Lương Thị Hạnh',
      ].join('\n'),
    );
    expect(parsed.notice).toMatchObject({
      number: '123/TB-VP',
      issuer: 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH QUẢNG HÒA',
      issuedOn: '2024-03-05',
      meetingOn: '2024-03-01',
      title: 'Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải ngân vốn đầu tư công',
      signer: 'Lương Thị Hạnh',
      recipients: ['Như trên', 'Lưu: VT'],
    });
  });

  it('leaves a blank number and date null and never takes the meeting date for the issue date', () => {
    const parsed = parseNotice(['HUYỆN ỦY CAN LỘC | ĐẢNG CỘNG SẢN VIỆT NAM', 'Số:    /TB-HU | Can Lộc, ngày   tháng   năm 2024', 'THÔNG BÁO', 'Kết luận', 'Ngày 01/3/2024, Ban Thường vụ họp.', '1. Giao Ban Tổ chức rà soát.'].join('\n'));
    expect(parsed.notice).toMatchObject({ number: null, issuedOn: null, meetingOn: '2024-03-01' });
  });

  it('reads a Party number with its dash', () => {
    expect(parseNotice(['HUYỆN ỦY CAN LỘC', 'Số 87-TB/HU', 'Can Lộc, ngày 12 tháng 3 năm 2023', 'THÔNG BÁO', 'Kết luận'].join('\n')).notice.number).toBe('87-TB/HU');
  });
});

describe('evaluation is not directives', () => {
  it('drops praise and statistics of results, and the closing formula, from the items', () => {
    const body = [
      'Kết luận như sau:',
      '1. Ghi nhận, biểu dương kết quả của xã trong năm qua.',
      '2. Xã đã đạt 9/19 tiêu chí, 06/11 thôn đạt chuẩn.',
      '3. UBND xã phấn đấu đạt 19/19 tiêu chí trong năm 2025.',
      'Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.',
    ].join('\n');
    const found = segments(body);
    expect(found.map((d) => d.ordinal)).toEqual(['3']);
    expect(found[0]!.text).not.toContain('thông báo');
  });
});

describe('hostile input', () => {
  it('reads a 1 MB single line of table bars, list words and numbers in linear time', () => {
    const line = 'STT | Nội dung | Đơn vị chủ trì | 1) Thứ nhất, giao Sở X: 1.1 ảnh: '.repeat(15_000);
    const started = performance.now();
    parseNotice(`THÔNG BÁO\n${line}\n${'| 1 | a |\n'.repeat(10_000)}`);
    // Quadratic work on this input takes minutes; linear work about a second, with room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('reads a 100 KB line of words without a comma in linear time', () => {
    // The header's "place, ngày … tháng … năm" pattern once ran from every letter of such a line
    // to its end looking for the comma: 18 s on 50 KB.
    const line = 'Ủy ban nhân dân huyện yêu cầu các đơn vị thực hiện nghiêm túc '.repeat(1_600);
    const started = performance.now();
    parseNotice(line);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
