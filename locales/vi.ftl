## dondoc: tiếng Việt (ngôn ngữ mặc định). Văn bản có thể dùng thẻ HTML mà Telegram chấp nhận.

## Chung
unknown-command = Tôi không hiểu lệnh này. Gõ /help để xem các lệnh.
error-unexpected = Đã xảy ra lỗi ngoài ý muốn, dữ liệu của bạn không bị mất. Vui lòng thử lại sau; nếu lỗi lặp lại, báo cho quản trị viên mã lỗi <code>{ $id }</code>.
error-database = Hệ thống tạm thời không truy cập được cơ sở dữ liệu nên chưa ghi nhận được yêu cầu này. Vui lòng thử lại sau ít phút.
error-database-restart = Cơ sở dữ liệu của hệ thống đã bị xóa hoặc tạo lại nên chưa ghi nhận được yêu cầu này. Vui lòng báo quản trị viên khởi động lại bot, rồi thử lại.
button-expired = Nút này không còn hiệu lực.
not-allowed = Bạn không có quyền dùng lệnh này. Cần vai trò: { $roles }.
group-not-registered =
    Nhóm này chưa được đăng ký với dondoc.
    • Nhóm của cơ quan theo dõi: quản trị viên nhóm gửi /setup.
    • Nhóm của đơn vị: thư ký gửi /invite trong nhóm cơ quan để lấy mã, rồi trong nhóm này gửi <code>/join MÃ Tên đơn vị</code>.
wrong-place-office = Lệnh này dùng trong nhóm của đơn vị, không dùng trong nhóm cơ quan.
wrong-place-unit = Lệnh này chỉ dùng trong nhóm của cơ quan theo dõi.
wrong-place-private = Lệnh này dùng trong nhóm, không dùng trong trò chuyện riêng.
args-invalid = Tham số không hợp lệ. Gõ /help để xem cách dùng.
args-join = Cách dùng: <code>/join MÃ Tên đơn vị</code>, ví dụ <code>/join K7PQ2M4X Phòng Tài nguyên và Môi trường</code>.
args-unit = Cách dùng: <code>/unit rename SỐ Tên mới</code>, <code>/unit alias SỐ Tên gọi khác</code>, <code>/unit kind SỐ xa|phong|doanthe|truong|khac</code> hoặc <code>/unit remove SỐ</code> (SỐ theo danh sách /units).
args-role = Cách dùng: <code>/role @tên secretary|leader|official</code> (thư ký, lãnh đạo, cán bộ); với người không có @tên, trả lời (reply) một tin nhắn của họ bằng <code>/role leader</code>.
args-assign = Cách dùng: <code>/assign SỐ Đơn vị chủ trì; phối hợp: Đơn vị A, Đơn vị B</code>.
args-due = Cách dùng: <code>/due SỐ dd/mm/yyyy</code>, ví dụ <code>/due 3 30/11/2020</code>.
args-status = Cách dùng: <code>/status SỐ xong|đang|vướng ghi chú</code>, ví dụ <code>/status 4 xong Đã tổng dọn ngày 20/12</code>.

## Vai trò và trạng thái
role-admin = quản trị
role-secretary = thư ký
role-leader = lãnh đạo
role-official = cán bộ
role-lead = chủ trì
role-support = phối hợp
state-NOT_STARTED = Chưa thực hiện
state-IN_PROGRESS = Đang thực hiện
state-DONE = Hoàn thành
state-BLOCKED = Vướng mắc

## /start và /help
start-intro = Xin chào { $name }! Tôi là <b>dondoc</b>, trợ lý đôn đốc thực hiện thông báo kết luận: tôi gửi nhiệm vụ tới các đơn vị, nhận báo cáo tiến độ, nhắc hạn và tổng hợp kết quả.
start-no-role = Bạn chưa có vai trò ở cơ quan nào.
start-role = • { $role } — { $office }{ $unit }
start-help = Gõ /help để xem các lệnh.
help-header-private = <b>Các lệnh trong trò chuyện riêng</b>
help-header-office = <b>Các lệnh trong nhóm cơ quan theo dõi</b>
help-header-unit = <b>Các lệnh trong nhóm đơn vị</b>
help-header-unregistered-group = <b>Nhóm này chưa đăng ký</b>
help-footer = Trong nhóm đơn vị: trả lời (reply) tin nhắn nhiệm vụ hoặc bấm nút để báo cáo tiến độ.
help-footer-secretary = Thư ký: gửi /notice kèm nội dung hoặc tệp .docx/.pdf, kiểm tra bản xem trước rồi bấm Phát hành.

## Cài đặt, mời, đơn vị
office-default-name = Cơ quan theo dõi
setup-in-group = Hãy gửi /setup trong nhóm của cơ quan theo dõi.
setup-admins-only = Chỉ quản trị viên của nhóm mới đăng ký được nhóm làm nhóm cơ quan.
setup-done =
    ✅ Đã đăng ký nhóm này làm nhóm của <b>{ $office }</b>. Bạn là quản trị và thư ký.
    Bước tiếp theo: gửi /invite để lấy mã mời cho nhóm của từng đơn vị.
invite-created =
    Mã mời (dùng một lần, hết hạn lúc { $expires }): <code>{ $code }</code>
    Trong nhóm (hoặc chủ đề) của đơn vị, gửi: <code>/join { $code } Tên đơn vị</code>
join-in-group = Hãy gửi /join trong nhóm hoặc chủ đề của đơn vị.
join-code-unknown = Mã mời không đúng. Kiểm tra lại hoặc xin thư ký mã mới (/invite).
join-code-used = Mã mời này đã được dùng. Xin thư ký mã mới (/invite).
join-code-expired = Mã mời đã hết hạn. Xin thư ký mã mới (/invite).
join-done = ✅ Nhóm này đã được liên kết với <b>{ $unit }</b> ({ $office }). Nhiệm vụ của đơn vị sẽ được gửi vào đây.
join-done-topic = ✅ Chủ đề này đã được liên kết với <b>{ $unit }</b> ({ $office }). Nhiệm vụ của đơn vị sẽ được gửi vào chủ đề này.
join-announced = ➕ <b>{ $unit }</b> đã tham gia qua nhóm “{ $chat }”.
units-empty = Chưa có đơn vị nào. Gửi /invite để mời nhóm của đơn vị tham gia.
units-header = <b>Đơn vị của { $office }</b>
units-line = { $index }. <b>{ $name }</b>{ $aliases } — { $chats } · { $kind }
unit-not-found = Không có đơn vị số { $index } trong danh sách /units.
unit-rename-done = Đã đổi tên “{ $unit }” thành “{ $text }”.
unit-alias-done = Đã thêm tên gọi khác “{ $text }” cho { $unit }.
unit-remove-done = Đã gỡ { $unit }. Lịch sử thực hiện của đơn vị vẫn được giữ.
unit-kind-done = Đã đặt loại của { $unit }: { $kind }.
unit-kind-commune = cấp xã
unit-kind-department = phòng, ban, ngành
unit-kind-mass-org = đoàn thể
unit-kind-school = trường học
unit-kind-other = khác
role-person-unknown = Tôi chưa biết người dùng @{ $username }. Người đó cần gửi ít nhất một tin nhắn trong nhóm có bot trước.
role-granted = ✅ { $person } có vai trò { $role }.

## Nhập thông báo
notice-collecting-open = Bạn đang nhập một thông báo gồm nhiều phần. Gửi tiếp (trả lời tin nhắn của tôi), gõ /done để kết thúc hoặc /cancel để hủy.
notice-draft-open = Đang có một bản nháp chưa phát hành. Gõ /publish để phát hành hoặc /cancel để hủy trước khi nhập thông báo mới.
notice-which-office = Bạn là thư ký của nhiều cơ quan; hãy gửi lệnh trong nhóm của cơ quan đó.
notice-collect-start = Hãy gửi nội dung thông báo, có thể chia thành nhiều tin nhắn hoặc gửi tệp .docx/.pdf/.txt, bằng cách <b>trả lời (reply) tin nhắn này</b>. Gõ /done khi gửi xong, /cancel để hủy.
notice-collect-part = Đã nhận ({ $characters } ký tự). Gửi tiếp phần sau bằng cách trả lời tin nhắn này, hoặc gõ /done để kết thúc.
notice-nothing-collecting = Không có thông báo nào đang nhập. Gõ /notice để bắt đầu.
notice-empty = Chưa nhận được nội dung nào. Hãy gửi nội dung thông báo trước khi gõ /done.
notice-no-directives = Không tìm thấy nhiệm vụ nào trong nội dung này. Kiểm tra lại văn bản (các nhiệm vụ thường được đánh số 1., 2., … trong phần “nhiệm vụ thời gian tới”).
notice-no-draft = Không có bản nháp thông báo nào. Gõ /notice để nhập thông báo mới.
notice-cancelled = Đã hủy bản nháp thông báo.
notice-already-published = Thông báo này đã được phát hành.
notice-fix-help =
    Sửa bản nháp bằng lệnh:
    • <code>/assign SỐ Đơn vị chủ trì; phối hợp: Đơn vị A, Đơn vị B</code>
    • <code>/due SỐ dd/mm/yyyy</code>
    Đơn vị chưa có trong danh sách: mời nhóm của đơn vị tham gia (/invite) hoặc thêm tên gọi khác (/unit alias).
file-too-large = Tệp “{ $name }” lớn hơn 20 MB, Telegram không cho bot tải về. Hãy gửi bản nhỏ hơn hoặc dán nội dung.
file-refused = Không đọc được tệp “{ $name }”: { $reason }
notice-limit-characters = Thông báo dài { $actual } ký tự, vượt giới hạn { $max } ký tự một thông báo. Hãy gửi riêng phần kết luận (các nhiệm vụ).
notice-limit-directives = Thông báo có { $actual } nhiệm vụ, vượt giới hạn { $max } nhiệm vụ một thông báo. Hãy tách thành nhiều thông báo.
notice-limit-pages = Tệp “{ $name }” có { $actual } trang, vượt giới hạn { $max } trang một thông báo. Hãy gửi riêng phần kết luận.
notice-limit-pages-zalo = Thông báo có { $actual } trang, vượt giới hạn { $max } trang một thông báo. Hãy gửi riêng phần kết luận (các nhiệm vụ) dưới dạng văn bản.
notice-limit-seconds = Đọc thông báo quá { $max } giây (giới hạn thời gian xử lý) nên bot đã dừng: văn bản có thể bị hỏng hoặc có cấu trúc bất thường. Hãy mở và lưu lại bằng Word, hoặc dán nội dung, rồi gửi lại.
notice-limit-seconds-zalo = Đọc thông báo quá { $max } giây (giới hạn thời gian xử lý) nên bot đã dừng: văn bản có cấu trúc bất thường. Hãy gửi riêng phần kết luận (các nhiệm vụ) rồi gửi lại.
notice-limit-memoryMb = Đọc thông báo cần quá { $max } MB bộ nhớ (giới hạn bộ nhớ) nên bot đã dừng: văn bản có thể bị hỏng hoặc có cấu trúc bất thường. Hãy mở và lưu lại bằng Word, hoặc dán nội dung, rồi gửi lại.
notice-limit-memoryMb-zalo = Đọc thông báo cần quá { $max } MB bộ nhớ (giới hạn bộ nhớ) nên bot đã dừng: văn bản có cấu trúc bất thường. Hãy gửi riêng phần kết luận (các nhiệm vụ) rồi gửi lại.
directive-unknown = Không có nhiệm vụ số { $ordinal } trong bản nháp.
assign-unknown-units = Không tìm thấy đơn vị: { $units }. Xem danh sách bằng /units.
assign-done = Đã cập nhật nhiệm vụ { $ordinal } trong bản xem trước.
due-done = Đã cập nhật nhiệm vụ { $ordinal } trong bản xem trước: thời hạn { $date }.
due-set-by-secretary = thư ký đặt hạn { $date }
notices-empty = Chưa có thông báo nào được phát hành.
notices-header = <b>Thông báo đã phát hành</b>
notices-line = • { $notice } — phát hành { $date } — { $count } nhiệm vụ{ $title }

## Bản xem trước
preview-header = 📝 <b>Bản nháp thông báo số { $number }</b> ngày { $date }
preview-no-number = (chưa có số)
preview-no-date = (chưa có ngày)
preview-meeting = Cuộc họp ngày { $date }
preview-signer = Người ký: { $signer }
preview-directives = <b>{ $count } nhiệm vụ</b>
preview-lead = Chủ trì: { $units }
preview-support = Phối hợp: { $units }
preview-due = Thời hạn: <b>{ $date }</b> <i>({ $words })</i>
preview-due-date = Thời hạn: <b>{ $date }</b>
preview-no-due = Thời hạn: <i>{ $words }</i>
preview-no-due-bare = Thời hạn: không nêu
preview-schedules = <b>Lịch báo cáo</b>
preview-schedule-report = • Đơn vị báo cáo ngày { $days } hằng tháng — <i>{ $text }</i>
preview-schedule-consolidate = • Tổng hợp ngày { $days } hằng tháng — <i>{ $text }</i>
preview-warnings = <b>Cần kiểm tra</b>
preview-summary-all = ✅ <b>{ $routed }/{ $count } nhiệm vụ đã giao.</b>
preview-summary = 📌 <b>{ $routed }/{ $count } nhiệm vụ đã giao; cần giao: { $missing }</b>
preview-expansion = • { $phrase } → { $count } đơn vị
preview-persons = Theo dõi: { $persons }
preview-person = đ/c { $name }
preview-hand-routed = ✍️ Thư ký đã giao.
preview-flag = ⚠️ { $message }
preview-check-flag = • Nhiệm vụ { $ordinal }: { $message }
preview-check-unrouted = • Nhiệm vụ { $ordinal }: chưa giao cho đơn vị nào (dùng /assign hoặc bấm đơn vị gợi ý).
preview-check-due = • Nhiệm vụ { $ordinal }: chưa tính được ngày của thời hạn “{ $words }” (dùng /due).
preview-check-past = • Nhiệm vụ { $ordinal }: Thời hạn { $date } đã qua (hôm nay { $today }): sửa bằng <code>/due { $ordinal } dd/mm/yyyy</code>
preview-check-immediate = • Nhiệm vụ { $ordinal }: “{ $words }” được tính là { $date }; nếu cần hạn khác, sửa bằng <code>/due { $ordinal } dd/mm/yyyy</code>
preview-check-immediate-past = • Nhiệm vụ { $ordinal }: “{ $words }” được tính là { $date }, đã qua (hôm nay { $today }): sửa bằng <code>/due { $ordinal } dd/mm/yyyy</code>
preview-moved-up = (Bản xem trước đã được cập nhật ở các tin nhắn phía trên.)
button-suggest = { $ordinal } → { $unit }
suggest-done = Đã giao nhiệm vụ { $ordinal } cho { $unit }.
suggest-unit-gone = Đơn vị này không còn trong danh sách /units.
preview-footer = Kiểm tra rồi bấm <b>Phát hành</b>, hoặc sửa bằng /assign, /due.
button-publish = ✅ Phát hành
button-fix = ✏️ Sửa
button-cancel = ✖️ Hủy
button-editor = 📝 Mở trang chỉnh sửa
editor-link-private = Trang chỉnh sửa bản nháp (liên kết dành riêng cho bạn, đừng chuyển cho người khác):
editor-link-sent = Đã gửi liên kết trang chỉnh sửa vào chat riêng của bạn với bot.
editor-link-needs-private = Liên kết trang chỉnh sửa chỉ gửi trong chat riêng: hãy nhắn /start cho bot trong chat riêng, rồi bấm lại.
editor-link-needs-private-zalo = Liên kết trang chỉnh sửa chỉ gửi trong chat riêng: hãy nhắn /start cho bot trong chat riêng, rồi chọn lại số của lựa chọn này.

## Phát hành
publish-started = Đang gửi nhiệm vụ tới các đơn vị…
publish-summary = 📤 Đã phát hành { $notice }: gửi { $messages } tin nhắn tới { $units } đơn vị.
publish-failed-line = ❌ Chưa gửi được nhiệm vụ { $ordinal } tới { $unit }: { $reason }
publish-past-due = ⚠️ Nhiệm vụ { $ordinal }: thời hạn { $date } đã qua khi phát hành (hôm nay { $today }).
publish-unrouted = ⚠️ Nhiệm vụ chưa giao cho đơn vị nào: { $ordinals }.
publish-no-channel = ⚠️ Đơn vị chưa có nhóm nhận nhiệm vụ: { $units }.
delivery-blocked = bot đã bị chặn hoặc bị xóa khỏi nhóm
delivery-chat-not-found = không tìm thấy nhóm
delivery-too-long = tin nhắn quá dài
delivery-bad-request = { $platform } từ chối tin nhắn
delivery-unavailable = { $platform } tạm thời không phản hồi
directive-header = 📌 <b>{ $notice }</b> — Nhiệm vụ <b>{ $ordinal }</b>
directive-role-lead = Vai trò của đơn vị: <b>chủ trì</b>
directive-role-support = Vai trò của đơn vị: <b>phối hợp</b> (chủ trì: { $leads })
directive-due = ⏰ Thời hạn: <b>{ $date }</b> <i>({ $words })</i>
directive-no-due = ⏰ Thời hạn: { $words }
directive-due-unset = không nêu
directive-how-to-report = Bấm nút bên dưới hoặc trả lời (reply) tin nhắn này để báo cáo tiến độ.
button-done = ✅ Hoàn thành
button-progress = ⏳ Đang thực hiện
button-blocked = ⚠️ Vướng mắc

## Báo cáo tiến độ
status-not-your-unit = Nhiệm vụ này không giao cho đơn vị của nhóm này.
status-unknown-number = Đơn vị không có nhiệm vụ số { $ordinal }. Gõ /status để xem danh sách.
status-ambiguous = Có nhiều nhiệm vụ số { $ordinal } (thông báo { $notices }). Hãy trả lời (reply) đúng tin nhắn nhiệm vụ hoặc bấm nút dưới tin nhắn đó.
status-recorded = ✅ Đã ghi nhận nhiệm vụ <b>{ $ordinal }</b> ({ $notice }): <b>{ $state }</b> — { $person }, { $time }
status-recorded-short = Đã ghi nhận: { $state }
status-note = Ghi chú: { $note }
status-evidence-file = Tệp minh chứng: { $name }
status-none-open = { $unit } không còn nhiệm vụ nào chưa hoàn thành. 👏
status-header = <b>Nhiệm vụ chưa hoàn thành của { $unit }</b> ({ $count })
status-line = • <b>{ $ordinal }</b> ({ $notice }, { $role }) { $text } — hạn { $due } — <i>{ $state }</i>
status-usage = Báo cáo: <code>/status SỐ xong|đang|vướng ghi chú</code>, hoặc trả lời tin nhắn nhiệm vụ.
mine-no-unit = Bạn chưa thuộc đơn vị nào. Báo cáo một lần trong nhóm của đơn vị để được ghi nhận.

## Tổng hợp
report-notice-unknown = Không tìm thấy thông báo số “{ $number }” đã phát hành.
report-empty = Chưa có thông báo nào được phát hành.
report-header = 📊 <b>{ $notice }</b> — { $total } lượt giao nhiệm vụ
report-on-time = • Hoàn thành đúng hạn: <b>{ $count }</b>
report-late = • Hoàn thành quá hạn: <b>{ $count }</b>
report-in-time = • Đang thực hiện, trong hạn: <b>{ $count }</b>
report-overdue = • Quá hạn, chưa hoàn thành: <b>{ $count }</b>
report-overdue-header = <b>Quá hạn theo đơn vị</b>
report-overdue-unit = • { $unit }: { $items }
report-overdue-item = NV { $ordinal } (hạn { $due }, quá hạn { $days } ngày)
report-not-reported = Chưa báo cáo kể từ kỳ báo cáo gần nhất: { $units }
report-all-reported = Tất cả đơn vị đã báo cáo từ kỳ báo cáo gần nhất.

## Nhắc việc
reminder-missed-header = ⏰ <b>Nhắc việc chưa gửi được trong thời gian hệ thống tạm dừng</b>
reminder-report-day = 📅 Ngày { $date } là ngày báo cáo định kỳ. <b>{ $unit }</b> chưa báo cáo tiến độ các nhiệm vụ sau kể từ kỳ báo cáo trước:
reminder-item = • Nhiệm vụ <b>{ $ordinal }</b> — hạn { $due }
reminder-item-no-due = • Nhiệm vụ <b>{ $ordinal }</b> — không nêu thời hạn
reminder-item-overdue = • Nhiệm vụ <b>{ $ordinal }</b> — hạn { $due }, <b>quá hạn { $days } ngày</b>
reminder-notice = 📄 <b>{ $notice }</b>
reminder-report-how = Báo cáo bằng nút dưới tin nhắn nhiệm vụ, trả lời (reply) tin nhắn đó, hoặc <code>/status SỐ xong|đang|vướng ghi chú</code>.
reminder-deadline-before = ⏳ Nhiệm vụ <b>{ $ordinal }</b> đến hạn ngày <b>{ $due }</b>, còn { $days } ngày làm việc.
reminder-deadline-due = ⏰ Nhiệm vụ <b>{ $ordinal }</b> đến hạn ngày <b>{ $due }</b>. Đề nghị hoàn thành và báo cáo kết quả.
reminder-deadline-overdue = ❗ Nhiệm vụ <b>{ $ordinal }</b> đã <b>quá hạn { $days } ngày</b> (hạn { $due }).
reminder-deadline-how = Báo cáo tiến độ bằng <code>/status</code>; cần thêm thời gian thì xin gia hạn: <code>/extend SỐ dd/mm/yyyy lý do</code>.
reminder-escalate-office-header = 🚨 <b>Nhiệm vụ quá hạn chưa hoàn thành</b>
reminder-escalate-leader-header = 🚨 <b>Báo cáo lãnh đạo: nhiệm vụ quá hạn</b> — { $office }
reminder-escalate-line = • { $unit }: nhiệm vụ <b>{ $ordinal }</b>, hạn { $due }, <b>quá hạn { $days } ngày</b>
reminder-summary-header = 🗓 <b>Tổng hợp định kỳ ngày { $date }</b> — { $office }
reminder-chat-blocked = ⚠️ Không gửi được nhắc việc tới nhóm “{ $chat }” ({ $units }): bot đã bị chặn hoặc bị xóa khỏi nhóm. Hãy thêm lại bot vào nhóm để tiếp tục nhận nhắc việc.
args-remind = Cách dùng: trong nhóm đơn vị <code>/remind on</code> hoặc <code>/remind off</code>; trong nhóm cơ quan <code>/remind allow</code> (cho phép đơn vị tắt nhắc việc) hoặc <code>/remind forbid</code>.
args-schedule = Cách dùng: <code>/schedule report 14,28</code>, <code>/schedule consolidate 15,30</code>, <code>/schedule time 08:00</code>, <code>/schedule quiet 21:00-07:00</code>, <code>/schedule move previous|next</code> hoặc <code>/schedule escalate 2 5</code>.
args-extend = Cách dùng: <code>/extend SỐ dd/mm/yyyy lý do</code>, ví dụ <code>/extend 7 15/04/2021 Chờ ý kiến của Sở Kế hoạch và Đầu tư</code>.
remind-state-on = 🔔 Nhóm này đang nhận nhắc việc.
remind-state-off = 🔕 Nhóm này đang tắt nhắc việc. Gõ <code>/remind on</code> để bật lại.
remind-muted = 🔕 Đã tắt nhắc việc cho nhóm này. Gõ <code>/remind on</code> để bật lại.
remind-unmuted = 🔔 Đã bật lại nhắc việc cho nhóm này.
remind-mute-forbidden = Cơ quan theo dõi không cho phép đơn vị tắt nhắc việc.
remind-no-channel = Chủ đề này nhận nhắc việc theo nhóm chung; hãy gửi lệnh trong chủ đề đã liên kết với đơn vị.
remind-office-allows = Các đơn vị đang được phép tự tắt nhắc việc. Gõ <code>/remind forbid</code> để không cho phép.
remind-office-forbids = Các đơn vị không được tắt nhắc việc. Gõ <code>/remind allow</code> để cho phép.
remind-allowed = ✅ Từ nay các đơn vị được tự tắt nhắc việc (<code>/remind off</code> trong nhóm đơn vị).
remind-forbidden = ✅ Từ nay các đơn vị không được tắt nhắc việc; nhóm nào đã tắt sẽ nhận lại nhắc việc.
schedule-header = 🗓 <b>Lịch nhắc việc của { $office }</b>
schedule-report-days = • Đơn vị báo cáo: ngày { $days } hằng tháng
schedule-consolidate-days = • Tổng hợp gửi cơ quan và lãnh đạo: ngày { $days } hằng tháng
schedule-none = chưa có
schedule-time = • Giờ nhắc: { $time } ({ $zone })
schedule-quiet = • Không gửi tin từ { $start } đến { $end }
schedule-move-previous = • Ngày nhắc rơi vào ngày nghỉ, ngày lễ: chuyển sang ngày làm việc liền trước
schedule-move-next = • Ngày nhắc rơi vào ngày nghỉ, ngày lễ: chuyển sang ngày làm việc liền sau
schedule-deadline = • Nhắc hạn: trước { $offsets } ngày làm việc, đúng ngày hạn và sau khi quá hạn
schedule-escalate = • Quá hạn { $office } ngày làm việc: báo nhóm cơ quan; quá hạn { $leader } ngày làm việc: báo riêng lãnh đạo
schedule-help = Sửa bằng <code>/schedule report 14,28</code>, <code>/schedule consolidate 15,30</code>, <code>/schedule time 08:00</code>, <code>/schedule quiet 21:00-07:00</code>, <code>/schedule move previous|next</code>, <code>/schedule escalate 2 5</code>.
extend-not-later = Ngày xin gia hạn phải sau thời hạn hiện tại và sau hôm nay ({ $due }).
extend-no-office = Cơ quan theo dõi chưa có nhóm để nhận đề nghị gia hạn.
extend-requested = 📨 Đã gửi đề nghị gia hạn nhiệm vụ <b>{ $ordinal }</b> đến ngày { $date } tới cơ quan theo dõi. Bạn sẽ nhận được kết quả tại đây.
extend-request-office =
    📨 <b>{ $unit }</b> đề nghị gia hạn nhiệm vụ <b>{ $ordinal }</b> ({ $notice }) từ { $from } đến <b>{ $to }</b>.
    Lý do: { $reason }
    Người đề nghị: { $person }
button-approve = ✅ Đồng ý gia hạn
button-refuse = ✖️ Từ chối
extend-already-decided = Đề nghị gia hạn này đã được xử lý.
extend-approved-office = ✅ Đã đồng ý gia hạn nhiệm vụ <b>{ $ordinal }</b> ({ $notice }) của { $unit } đến <b>{ $to }</b> — { $person }. Thời hạn ban đầu { $due } vẫn được lưu để thống kê.
extend-refused-office = ✖️ Không đồng ý gia hạn nhiệm vụ <b>{ $ordinal }</b> ({ $notice }) của { $unit } đến { $to } — { $person }. Thời hạn vẫn là { $due }.
extend-approved-unit = ✅ Cơ quan theo dõi đã đồng ý gia hạn nhiệm vụ <b>{ $ordinal }</b> ({ $notice }) của { $unit } đến <b>{ $to }</b> (hạn cũ { $due }) — { $person }.
extend-refused-unit = ✖️ Cơ quan theo dõi không đồng ý gia hạn nhiệm vụ <b>{ $ordinal }</b> ({ $notice }) của { $unit } đến { $to }; thời hạn vẫn là { $due } — { $person }.

## Xuất báo cáo
args-export = Cú pháp: <code>/export [số thông báo] [xlsx|docx|png]</code>, ví dụ <code>/export 87 docx</code>.
export-caption = 📎 { $kind } — { $scope }, số liệu đến ngày { $date }
export-kind-xlsx = Bảng theo dõi (Excel)
export-kind-docx = Dự thảo báo cáo (Word)
export-kind-png = Biểu đồ tiến độ
export-scope-all = tất cả thông báo
dashboard-link = 📊 <a href="{ $url }">Trang theo dõi { $office }</a> — chỉ xem, hết hạn lúc { $time }. Không chuyển tiếp liên kết này.
dashboard-no-office = Bạn chưa là thư ký hoặc lãnh đạo của cơ quan nào.
office-none = Lệnh này dành cho { $roles } của một cơ quan. Bạn chưa có vai trò đó ở cơ quan nào; hãy nhờ thư ký giao vai trò bằng <code>/role</code>.
office-choose = Bạn có vai trò ở nhiều cơ quan. Chọn cơ quan cho lệnh /{ $command }:
office-choice-args-too-long = Nội dung sau lệnh /{ $command } quá dài để chọn cơ quan. Hãy dùng lệnh trong nhóm của cơ quan đó.

## Zalo
zalo-choices-header = Trả lời bằng một số để chọn:
join-done-private = ✅ Bạn đã được liên kết với <b>{ $unit }</b> ({ $office }). Nhiệm vụ của đơn vị sẽ được gửi vào cuộc trò chuyện riêng này. Báo cáo: <code>xong SỐ ghi chú</code>, <code>đang SỐ …</code>, <code>vướng SỐ …</code> hoặc <code>/status SỐ xong ghi chú</code>.
join-announced-private = ➕ <b>{ $unit }</b>: { $person } nhận nhiệm vụ qua tin nhắn riêng.
status-told-unit = 📣 <b>{ $unit }</b>:
zalo-unsupported = Bot chỉ đọc được tin nhắn chữ. Hãy báo cáo bằng chữ, ví dụ <code>xong 4 đã gửi Báo cáo số 12/BC-UBND</code>: số văn bản là minh chứng.
command-telegram-only = Lệnh /{ $command } chỉ dùng được trên Telegram. Gõ /help để xem các lệnh dùng được ở đây.
join-announced-untitled = ➕ <b>{ $unit }</b> đã tham gia qua một nhóm Zalo ({ $person } liên kết).
directive-due-date = ⏰ Thời hạn: <b>{ $date }</b>
invite-on-zalo = Cán bộ dùng Zalo thì nhắn riêng cho bot trên Zalo: <code>/join { $code } Tên đơn vị</code>

## Lời lẽ trên Zalo: khóa có đuôi -zalo thay cho khóa cùng tên khi tin nhắn gửi tới Zalo (không nút bấm, không trích dẫn tin nhắn, không tệp)
button-expired-zalo = Số này không còn hiệu lực (lựa chọn đã cũ). Báo cáo bằng <code>xong SỐ ghi chú</code>, hoặc gõ /status để xem nhiệm vụ.
group-not-registered-zalo =
    Nhóm này chưa được đăng ký với dondoc.
    • Nhóm của cơ quan theo dõi: gõ @, chọn bot rồi gửi /setup.
    • Cán bộ của đơn vị: xin thư ký mã mời (/invite), rồi nhắn riêng cho bot <code>/join MÃ Tên đơn vị</code>.
help-header-office-zalo = <b>Các lệnh trong nhóm cơ quan theo dõi</b> (trong nhóm Zalo, gõ @ và chọn bot trước mỗi lệnh)
help-header-unit-zalo = <b>Các lệnh trong nhóm đơn vị</b> (trong nhóm Zalo, gõ @ và chọn bot trước mỗi lệnh)
help-header-unregistered-group-zalo = <b>Nhóm này chưa đăng ký</b> (trong nhóm Zalo, gõ @ và chọn bot trước mỗi lệnh)
help-footer-zalo = Báo cáo tiến độ: gõ số của một lựa chọn dưới tin nhắn nhiệm vụ, hoặc <code>xong SỐ ghi chú</code>, <code>đang SỐ …</code>, <code>vướng SỐ …</code>.
help-footer-secretary-zalo = Thư ký: nhắn riêng cho bot /notice, gửi nội dung thông báo bằng chữ (dài thì chia nhiều tin), gõ /done, kiểm tra bản xem trước rồi gõ số của lựa chọn Phát hành.
setup-done-zalo =
    ✅ Đã đăng ký nhóm này làm nhóm của <b>{ $office }</b>. Bạn là quản trị và thư ký.
    Bước tiếp theo: gõ @, chọn bot rồi gửi /invite để lấy mã mời cho cán bộ của từng đơn vị.
invite-created-zalo =
    Mã mời (dùng một lần, hết hạn lúc { $expires }): <code>{ $code }</code>
    Cán bộ của đơn vị nhắn riêng cho bot (không gửi trong nhóm): <code>/join { $code } Tên đơn vị</code>
notice-collecting-open-zalo = Bạn đang nhập một thông báo gồm nhiều phần. Gửi tiếp phần sau, gõ /done để kết thúc hoặc /cancel để hủy.
notice-collect-start-zalo = Hãy gửi nội dung thông báo bằng chữ; dài thì chia thành nhiều tin nhắn (mỗi tin tối đa 2000 ký tự) và gửi lần lượt. Gõ /done khi gửi xong, /cancel để hủy.
notice-collect-part-zalo = Đã nhận ({ $characters } ký tự). Gửi tiếp phần sau, hoặc gõ /done để kết thúc.
preview-footer-zalo = Kiểm tra rồi gõ số của lựa chọn <b>Phát hành</b> bên dưới, hoặc sửa bằng /assign, /due.
directive-how-to-report-zalo = Báo cáo tiến độ: gõ số của một lựa chọn bên dưới, hoặc <code>xong { $ordinal } ghi chú</code> (<code>đang { $ordinal } …</code>, <code>vướng { $ordinal } …</code>).
status-ambiguous-zalo = Có nhiều nhiệm vụ số { $ordinal } (thông báo { $notices }). Hãy gõ số của lựa chọn dưới đúng tin nhắn nhiệm vụ đó.
status-usage-zalo = Báo cáo: <code>xong SỐ ghi chú</code>, <code>đang SỐ …</code>, <code>vướng SỐ …</code> hoặc <code>/status SỐ xong|đang|vướng ghi chú</code>.
status-evidence-file-zalo = Minh chứng gửi qua Telegram: { $name }
reminder-report-how-zalo = Báo cáo: gõ số của lựa chọn dưới tin nhắn nhiệm vụ, hoặc <code>xong SỐ ghi chú</code>, <code>đang SỐ …</code>, <code>vướng SỐ …</code>.
join-done-zalo = ✅ Nhóm này đã được liên kết với <b>{ $unit }</b> ({ $office }). Nhiệm vụ của đơn vị sẽ được gửi vào đây. Báo cáo: gõ @, chọn bot rồi viết <code>xong SỐ ghi chú</code> (hoặc <code>đang SỐ …</code>, <code>vướng SỐ …</code>, số của một lựa chọn).
mine-no-unit-zalo = Bạn chưa thuộc đơn vị nào. Xin thư ký mã mời rồi nhắn riêng cho bot: <code>/join MÃ Tên đơn vị</code>.
preview-check-unrouted-zalo = • Nhiệm vụ { $ordinal }: chưa giao cho đơn vị nào (dùng /assign hoặc gõ số của một đơn vị gợi ý).

## Vướng mắc, trạng thái trên tin nhắn nhiệm vụ, mục khó khăn trong tổng hợp
status-ask-reason = ⚠️ <a href="tg://user?id={ $user }">{ $person }</a>, nhiệm vụ <b>{ $ordinal }</b> ({ $notice }) vướng mắc gì? Trả lời tin nhắn này bằng lý do, một câu là đủ. Vướng mắc chỉ được ghi nhận và báo văn phòng khi có lý do.
status-ask-reason-zalo = ⚠️ { $person }, nhiệm vụ <b>{ $ordinal }</b> ({ $notice }) vướng mắc gì? Gửi lý do ngay trong tin nhắn tiếp theo tại đây (trong nhóm: gõ @, chọn bot rồi viết lý do), một câu là đủ. Vướng mắc chỉ được ghi nhận và báo văn phòng khi có lý do.
status-reason-asked-short = Hãy cho biết lý do vướng mắc.
status-recorded-blocked = ⚠️ Đã ghi nhận nhiệm vụ <b>{ $ordinal }</b> ({ $notice }): <b>{ $state }</b> — { $person }, { $time }. Văn phòng đã được báo để tháo gỡ.
directive-state-line = 🔖 Trạng thái: <b>{ $state }</b> — { $person }, { $time }
blocker-alert = ⚠️ <b>Vướng mắc</b> — <b>{ $unit }</b>
    { $notice }, nhiệm vụ <b>{ $ordinal }</b>: { $text }
    Lý do: <b>{ $reason }</b>
    Người báo: { $person }, { $time }
button-open-directive = 📄 Xem nhiệm vụ và lịch sử
history-header = 📄 <b>{ $notice }</b> — Nhiệm vụ <b>{ $ordinal }</b>
history-due = ⏰ Thời hạn: <b>{ $date }</b>
history-no-due = ⏰ Thời hạn: không nêu
history-unit = <b>{ $unit }</b> ({ $role }): <i>{ $state }</i>
history-no-reports = • chưa báo cáo lần nào
history-report = • { $time } — { $state } — { $person }
history-note = : { $note }
report-blocked-in-time = • Vướng mắc, còn trong hạn: <b>{ $count }</b>
report-overdue-with-blocked = • Quá hạn, chưa hoàn thành: <b>{ $count }</b> (trong đó { $blocked } vướng mắc)
report-blocked-header = <b>Khó khăn, vướng mắc</b> ({ $count })
report-blocked-line = • { $unit } — NV { $ordinal }: { $reason } ({ $days ->
        [0] báo hôm nay
       *[other] đã { $days } ngày
    })
report-blocked-no-reason = chưa nêu lý do

## Chống giả mạo và lạm dụng
button-not-member = Chỉ thành viên của nhóm này mới dùng được nút này.
button-not-member-zalo = Chỉ thành viên của nhóm này mới chọn được số này.
status-members-only = Chỉ thành viên của đơn vị được giao mới báo cáo được nhiệm vụ này. Không có gì được ghi nhận.
errors-muted = { $person } đã nhập sai nhiều lần liên tiếp: trong { $minutes } phút tới bot sẽ không trả lời các lỗi của { $person } nữa (các lệnh đúng vẫn được xử lý).
join-admins-only = Chỉ quản trị viên của nhóm mới liên kết được nhóm với một đơn vị.
join-linked-elsewhere = Nhóm này đang là nhóm của <b>{ $unit }</b> ({ $office }), nên không chuyển sang cơ quan khác được. Muốn chuyển, thư ký của { $office } gỡ đơn vị trước (/unit remove), rồi xin cơ quan mới một mã mời khác: mã vừa dùng đã hết hiệu lực.
join-hijack-announced = ⚠️ { $person } vừa dùng mã mời của cơ quan khác để chuyển nhóm “{ $chat }” của <b>{ $unit }</b> sang cơ quan đó. Bot đã từ chối: nhóm vẫn thuộc văn phòng này.
join-moved-announced = 🔁 Nhóm “{ $chat }” chuyển từ <b>{ $from }</b> sang <b>{ $unit }</b> ({ $person } liên kết lại). Nhiệm vụ của { $from } không còn gửi vào nhóm này.
join-moved-announced-private = 🔁 { $person } chuyển từ <b>{ $from }</b> sang <b>{ $unit }</b>: nhiệm vụ của { $from } không còn gửi cho { $person } qua tin nhắn riêng.
too-long-unit-name = Tên đơn vị dài { $length } ký tự, quá giới hạn { $max } ký tự. Hãy rút gọn rồi gửi lại.
too-long-alias = Tên gọi khác dài { $length } ký tự, quá giới hạn { $max } ký tự. Hãy rút gọn rồi gửi lại.
too-long-note = Ghi chú dài { $length } ký tự, quá giới hạn { $max } ký tự. Hãy rút gọn, hoặc gửi nội dung dài dưới dạng tệp đính kèm.
too-long-note-zalo = Ghi chú dài { $length } ký tự, quá giới hạn { $max } ký tự. Hãy rút gọn rồi gửi lại.
too-long-office-name = Tên cơ quan dài { $length } ký tự, quá giới hạn { $max } ký tự. Hãy rút gọn rồi gửi lại.
