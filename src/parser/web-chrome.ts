/**
 * The furniture of a web page around a press article or a notice copied from a portal:
 * banner, menus, breadcrumbs, the posting date and view count, share buttons, photo captions,
 * the author line, and everything from "Tin liên quan" or the comment form on. None of it is a
 * directive or a unit, and a caption or a menu read as one would be. Removed line by line before
 * anything else reads the text, keeping the article's own paragraphs.
 */

/** A banner naming the site, in capitals: `CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG X`, `HUYỆN ỦY Y - TRANG THÔNG TIN ĐIỆN TỬ`. */
const bannerLine = /(?:CỔNG|TRANG) THÔNG TIN ĐIỆN TỬ(?![\p{L}])/u;

/** A breadcrumb trail: `Trang chủ > Tin tức > …`, `Trang chủ / Tin tức`, `Tin tức › Thời sự`. */
const breadcrumbLine = /^(?:(?:Trang chủ|Home)\s*[>»›/|]|[^.]{0,80}\s[›»]\s[^.]{0,80}$)/iu;

/** Posting metadata: `Ngày đăng: 20/10/2025 | Lượt xem: 215`, `Cập nhật lúc 08:30`, `Thứ Hai, 20/10/2025 - 08:30`. */
const postingLine =
  /^(?:(?:Ngày đăng|Đăng ngày|Ngày cập nhật|Cập nhật lúc|Cập nhật ngày|Cập nhật|Đăng lúc|Thời gian đăng|Ngày xuất bản)\s*:?\s*\d|(?:Thứ \S+,?\s*)?\d{1,2}\/\d{1,2}\/\d{4}(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:AM|PM|\(?GMT\+7\)?))?)?(?:\s*\|.*)?$|(?:lượt xem|lượt đọc|lượt truy cập|lượt thích|views?)\s*:?\s*[\d.,]+$|[\d.,]+\s*(?:lượt xem|lượt đọc|views?)$)/iu;
const postingDate = /(\d{1,2})\/(\d{1,2})\/(\d{4})/u;

/**
 * The page's posting date, which is all a press article has for an issue date, is kept as one
 * line of this form for the metadata reader; the rest of the posting line goes.
 */
export const postedLine = /^Ngày đăng: (\d{1,2})\/(\d{1,2})\/(\d{4})$/u;

/** Buttons and page tools: `Chia sẻ`, `In bài viết`, `Xem thêm`, `loading…`, `Cỡ chữ A- A+`, `Facebook Zalo`. */
const toolLine =
  /^(?:(?:chia sẻ|share|facebook|zalo|twitter|tweet|email|gửi email|in bài(?: viết)?|in trang|bản in|lưu|quay lại|về đầu trang|trở về|cỡ chữ|font size|a-|a\+|aa|a|xem thêm|xem tiếp|đọc tiếp|loading|đang tải|tìm kiếm|đăng nhập|đăng ký)[\s|:·•,.…]*)+$/iu;

/** A menu bar: short entries between `|` naming the site's sections (`☰ Menu | Trang chủ | Giới thiệu | …`). */
const menuWord = /(?:^|\|)\s*(?:☰\s*)?(?:Menu|Trang chủ|Giới thiệu|Liên hệ|Tin tức(?: - Sự kiện)?|Hỏi đáp|Sơ đồ (?:trang|cổng)|Văn bản|Thủ tục hành chính|Đăng nhập|English|Dịch vụ công|Thư viện ảnh)\s*(?=\||$)/iu;

/** Where the article ends and the page's lists and forms begin: related news, comments. */
const tailLine = /^(?:Tin liên quan|Tin khác|Các tin khác|Tin cùng chuyên mục|Bài viết liên quan|Bài liên quan|Tin bài liên quan|Tin mới(?: nhất)?|Tin đọc nhiều|Xem nhiều nhất|Bình luận|Gửi bình luận|Ý kiến bạn đọc|Viết bình luận|Ý kiến của bạn)\s*(?:\(\d+\))?\s*:?$/iu;

/** The site's footer and tag list, which also end the article: `© 2024 …`, `Cơ quan chủ quản: …`, `Từ khóa: …`. */
const footerLine = /^(?:©|Copyright|Bản quyền|Cơ quan chủ quản|Chịu trách nhiệm (?:chính|nội dung)|Ghi rõ nguồn|Giấy phép (?:số|thiết lập)|Từ khóa\s*:|Tags?\s*:|Các tin đã đưa|Tin đã đưa|Bài viết khác|Tin mới nhận)/iu;

/** Lines of a comment form: `Họ và tên`, `Email`, `Mã xác nhận`. */
const formLine = /^(?:Họ và tên|Họ tên|Email|Điện thoại|Số điện thoại|Nội dung(?: bình luận)?|Mã xác nhận|Mã bảo mật|Gửi|Nhập lại|Địa chỉ email)\s*[:*]?\s*$/iu;

/** A photo's caption: `Ảnh: Minh Anh`, `(Ảnh: …)`, `Ảnh minh họa`, `Nguồn ảnh: …`. */
const photoLine = /^(?:\(?\s*Ảnh(?: minh họa)?\s*(?::|$)|Nguồn ảnh\s*:|Ảnh\s*:|Video\s*:)/iu;
const trailingPhotoCredit = /(?:^|[.(\-–]\s*)Ảnh\s*:[^().]{1,60}\)?\s*$/u;
/** A photo's caption is short: a longer paragraph ending with a credit only loses the credit. */
const MAX_CAPTION = 250;
/** A menu bar in capitals without separators: `GIỚI THIỆU TIN TỨC VĂN BẢN LIÊN HỆ`. */
const capitalMenu = /(?:GIỚI THIỆU|TIN TỨC|LIÊN HỆ|TRANG CHỦ|HỎI ĐÁP|VĂN BẢN)/gu;

/**
 * A caption standing alone under a photo: `Quang cảnh buổi làm việc`, `Đồng chí … phát biểu tại
 * buổi làm việc`. It names a scene and has no closing punctuation; a sentence of the article ends
 * with a full stop and a lead-in with a colon.
 */
const sceneCaption =
  /^(?:Quang cảnh|Toàn cảnh|Các đại biểu|Đại biểu|Đoàn công tác|Lãnh đạo|Đồng chí|Đ\/c|Bí thư|Chủ tịch|Phó Chủ tịch|Giám đốc)(?![\p{L}]).*(?:phát biểu|kết luận|chỉ đạo|thăm|kiểm tra|trao|tặng|dự|tham quan|làm việc|khảo sát|chụp ảnh|hội nghị|buổi|cuộc họp|tại)(?![\p{L}])[^.:;!?]*$/u;

/** The author line closing an article: `Minh Anh - Văn phòng UBND huyện`, `PV`, `Tin, ảnh: …`, `Nguồn: …`. */
const authorLine =
  /^(?:(?:PV|BTV|CTV|P\.V|Phóng viên)(?: \p{Lu}\p{Ll}*){0,4}|Tin,? ảnh\s*:.*|Tin và ảnh\s*:.*|Tin\s*:.*|Nguồn\s*:.*|Theo\s+\S.{0,60}|\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,4}\s*(?:[-–]\s*\S.{1,80}|\(\S.{1,80}\)))$/u;
const MAX_AUTHOR_LINE = 100;
/** Chrome is short; a longer line is the article's own text and is not tested further. */
const MAX_CHROME_LINE = 300;
/** Markdown emphasis around words (`*Ảnh: …*`, `_Tin liên quan_`); bold is removed before. */
/** Characters without which none of the markdown patterns below can match. */
const markdownChars = /[*_\]#]/u;
const emphasis = /(^|[\s(])[*_]([^*_\s][^*_]{0,300}?)[*_](?=$|[\s.,;:)])/gu;

/**
 * The lines of a notice without a web page's furniture. Lines are already trimmed; blank lines
 * are kept so that paragraphs stay apart. Linear: each line is tested once against bounded patterns.
 */
export function stripWebChrome(lines: string[]): string[] {
  const kept: string[] = [];
  let content = 0;
  let posted = false;
  for (const raw of lines) {
    if ((tailLine.test(raw) || footerLine.test(raw)) && content > 0) break;
    // Only a line with markdown's characters has markdown to undo; most have none.
    const line = !markdownChars.test(raw) ? raw : raw.replace(emphasis, '$1$2').replace(/!\[[^\]]{0,200}\]\([^)]{0,500}\)/gu, '').replace(/\[([^\]]{1,200})\]\([^)]{0,500}\)/gu, '$1').replace(/^#{1,6}\s+/u, '');
    if (line !== '' && isChrome(line, content)) {
      const date: RegExpExecArray | null = posted || !postingLine.test(line) ? null : postingDate.exec(line);
      if (date) kept.push(`Ngày đăng: ${date[1]}/${date[2]}/${date[3]}`);
      posted ||= date !== null;
      continue;
    }
    const credited = line.length > 0 && line.length < 2000 && trailingPhotoCredit.test(line);
    if (credited && line.length <= MAX_CAPTION) continue;
    const text = credited ? line.replace(trailingPhotoCredit, '') : line;
    kept.push(text);
    if (text !== '') content += 1;
  }
  dropAuthorLine(kept);
  return kept;
}

function isChrome(line: string, contentBefore: number): boolean {
  if (line.length > MAX_CHROME_LINE) return false;
  if ((bannerLine.test(line) && line === line.toUpperCase()) || breadcrumbLine.test(line) || postingLine.test(line) || toolLine.test(line) || formLine.test(line) || photoLine.test(line)) return true;
  if ((line.match(capitalMenu)?.length ?? 0) >= 3 && line === line.toUpperCase()) return true;
  if (line.includes('|') && menuWord.test(line) && line.split('|').every((entry) => entry.trim().split(/\s+/u).length <= 5)) return true;
  // The headline may itself read like a caption; only lines after it can be captions.
  return contentBefore > 0 && line.length <= 160 && sceneCaption.test(line);
}

/** Removes the author line, if the last paragraph is one (a bare name is left to the signature reader). */
function dropAuthorLine(lines: string[]): void {
  let last = lines.length - 1;
  while (last >= 0 && lines[last] === '') last -= 1;
  if (last > 0 && lines[last]!.length <= MAX_AUTHOR_LINE && authorLine.test(lines[last]!) && !/[.;:]$/u.test(lines[last]!)) lines.length = last;
}
