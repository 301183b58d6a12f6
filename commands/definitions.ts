/**
 * Every bot command, defined once: its name, Vietnamese aliases, where it is used and who may
 * use it, and help in both locales. `/help`, Telegram's `setMyCommands` and the router's
 * alias resolution all read this table.
 */

/** Where a command makes sense: the office's home group, a unit's group or topic, a private chat, or anywhere. */
export type CommandPlace = 'office' | 'unit' | 'private' | 'any' | 'unregistered-group';

export interface CommandDefinition {
  /** Telegram command name: `[a-z0-9_]{1,32}`. */
  name: string;
  /** Vietnamese names without diacritics that work the same (`/thongbao` = `/notice`). */
  aliases: string[];
  places: CommandPlace[];
  /** Usage shown in help and in argument errors, after the command name. */
  usage: { vi: string; en: string };
  help: { vi: string; en: string };
  /** Shown in the Telegram command menu (setMyCommands) for these chat kinds. */
  menu: ('group' | 'private')[];
  /**
   * How the command differs on Zalo, which has no @usernames, no files and no buttons: `false`
   * when it cannot work there (left out of Zalo's help, and answered as Telegram-only), or the
   * usage written for Zalo.
   */
  zalo?: false | { usage: { vi: string; en: string } };
}

export const commandDefinitions = [
  {
    name: 'start',
    aliases: ['batdau'],
    places: ['any'],
    usage: { vi: '', en: '' },
    help: { vi: 'Giới thiệu dondoc và vai trò của bạn', en: 'About dondoc and your role' },
    menu: ['private'],
  },
  {
    name: 'help',
    aliases: ['huongdan', 'trogiup'],
    places: ['any'],
    usage: { vi: '', en: '' },
    help: { vi: 'Danh sách lệnh', en: 'List of commands' },
    menu: ['group', 'private'],
  },
  {
    name: 'setup',
    aliases: ['caidat'],
    places: ['unregistered-group'],
    usage: { vi: '[tên cơ quan]', en: '[office name]' },
    help: { vi: 'Đăng ký nhóm này làm nhóm của cơ quan theo dõi (quản trị viên nhóm)', en: 'Register this group as the office group (group admins)' },
    menu: ['group'],
  },
  {
    name: 'invite',
    aliases: ['moi'],
    places: ['office'],
    usage: { vi: '', en: '' },
    help: { vi: 'Tạo mã mời dùng một lần để nhóm đơn vị tham gia', en: 'Create a single-use code for a unit group to join' },
    menu: ['group'],
  },
  {
    name: 'join',
    aliases: ['thamgia'],
    places: ['unregistered-group', 'unit', 'private'],
    usage: { vi: 'MÃ Tên đơn vị', en: 'CODE Unit name' },
    help: { vi: 'Liên kết nhóm, chủ đề hoặc trò chuyện riêng này với một đơn vị', en: 'Link this group, topic or private chat to a unit' },
    menu: ['group', 'private'],
  },
  {
    name: 'units',
    aliases: ['donvi'],
    places: ['office'],
    usage: { vi: '', en: '' },
    help: { vi: 'Danh sách đơn vị và nhóm của từng đơn vị', en: 'Units and their groups' },
    menu: ['group'],
  },
  {
    name: 'unit',
    aliases: ['suadonvi'],
    places: ['office'],
    usage: { vi: 'rename|alias|remove|kind SỐ nội dung', en: 'rename|alias|remove|kind NUMBER text' },
    help: {
      vi: 'Đổi tên, thêm tên gọi khác, đặt loại (xa, phong, doanthe, truong, khac) hoặc gỡ một đơn vị',
      en: 'Rename a unit, add an alias, set its kind (xa, phong, doanthe, truong, khac), or remove it',
    },
    menu: ['group'],
  },
  {
    name: 'role',
    aliases: ['vaitro'],
    places: ['office'],
    usage: { vi: '@tên secretary|leader|official', en: '@user secretary|leader|official' },
    help: { vi: 'Giao vai trò thư ký, lãnh đạo hoặc cán bộ', en: 'Give someone the secretary, leader or official role' },
    menu: ['group'],
    // Zalo tells bots no usernames: Zalo people get their role by /join or by /setup.
    zalo: false,
  },
  {
    name: 'notice',
    aliases: ['thongbao'],
    places: ['office', 'private'],
    usage: { vi: '[nội dung thông báo] — hoặc gửi kèm tệp .docx/.pdf/.txt', en: '[notice text] — or attach a .docx/.pdf/.txt file' },
    help: { vi: 'Nhập thông báo kết luận mới', en: 'Enter a new notice of conclusions' },
    menu: ['group', 'private'],
    zalo: { usage: { vi: '[nội dung thông báo] — dài thì gửi tiếp từng phần, rồi /done', en: '[notice text] — a long one in further parts, then /done' } },
  },
  {
    name: 'done',
    aliases: ['ketthuc'],
    places: ['office', 'private'],
    usage: { vi: '', en: '' },
    help: { vi: 'Kết thúc nhập thông báo gồm nhiều tin nhắn', en: 'Finish a notice sent over several messages' },
    menu: ['group', 'private'],
  },
  {
    name: 'assign',
    aliases: ['giao'],
    places: ['office', 'private'],
    usage: { vi: 'SỐ Đơn vị chủ trì; phối hợp: Đơn vị A, Đơn vị B', en: 'NUMBER Lead unit; phối hợp: Unit A, Unit B' },
    help: { vi: 'Sửa đơn vị chủ trì/phối hợp của một nhiệm vụ trong bản nháp', en: 'Change the units of a directive in the draft' },
    menu: ['group'],
  },
  {
    name: 'due',
    aliases: ['han'],
    places: ['office', 'private'],
    usage: { vi: 'SỐ dd/mm/yyyy', en: 'NUMBER dd/mm/yyyy' },
    help: { vi: 'Sửa thời hạn của một nhiệm vụ trong bản nháp', en: 'Change the deadline of a directive in the draft' },
    menu: ['group'],
  },
  {
    name: 'publish',
    aliases: ['phathanh'],
    places: ['office', 'private'],
    usage: { vi: '', en: '' },
    help: { vi: 'Gửi các nhiệm vụ của bản nháp tới các đơn vị', en: 'Send the draft’s directives to the units' },
    menu: ['group'],
  },
  {
    name: 'cancel',
    aliases: ['huy'],
    places: ['office', 'private'],
    usage: { vi: '', en: '' },
    help: { vi: 'Hủy bản nháp thông báo đang nhập', en: 'Discard the notice draft' },
    menu: ['group'],
  },
  {
    name: 'notices',
    aliases: ['dsthongbao'],
    places: ['office'],
    usage: { vi: '', en: '' },
    help: { vi: 'Danh sách thông báo đã phát hành', en: 'Published notices' },
    menu: ['group'],
  },
  {
    name: 'status',
    aliases: ['trangthai', 'tiendo'],
    places: ['unit'],
    usage: { vi: '[SỐ xong|đang|vướng ghi chú]', en: '[NUMBER done|progress|blocked note]' },
    help: { vi: 'Xem nhiệm vụ của đơn vị, hoặc báo cáo tiến độ một nhiệm vụ', en: 'List the unit’s directives, or report on one' },
    menu: ['group'],
  },
  {
    name: 'mine',
    aliases: ['cuatoi'],
    places: ['unit', 'private'],
    usage: { vi: '', en: '' },
    help: { vi: 'Các nhiệm vụ chưa hoàn thành của đơn vị bạn', en: 'Your unit’s open directives' },
    menu: ['group', 'private'],
  },
  {
    name: 'report',
    aliases: ['baocao'],
    // In private for leaders, who are rarely in the secretaries' group.
    places: ['office', 'private'],
    usage: { vi: '[số thông báo]', en: '[notice number]' },
    help: { vi: 'Tổng hợp kết quả thực hiện theo thông báo', en: 'Progress summary per notice' },
    menu: ['group', 'private'],
  },
  {
    name: 'remind',
    aliases: ['nhacviec'],
    places: ['unit', 'office'],
    usage: { vi: '[on|off] — nhóm cơ quan: [allow|forbid]', en: '[on|off] — office group: [allow|forbid]' },
    help: { vi: 'Bật/tắt nhắc việc cho nhóm đơn vị; nhóm cơ quan quyết định đơn vị có được tắt hay không', en: 'Turn reminders on or off for a unit group; the office decides whether units may' },
    menu: ['group'],
  },
  {
    name: 'schedule',
    aliases: ['lichbaocao'],
    places: ['office'],
    usage: { vi: '[report 14,28 | consolidate 15,30 | time 08:00 | quiet 21:00-07:00 | move previous|next | escalate 2 5]', en: '[report 14,28 | consolidate 15,30 | time 08:00 | quiet 21:00-07:00 | move previous|next | escalate 2 5]' },
    help: { vi: 'Xem và sửa ngày báo cáo, giờ nhắc, giờ yên lặng và mức nhắc quá hạn', en: 'Show and change reporting days, reminder time, quiet hours and escalation' },
    menu: ['group'],
  },
  {
    name: 'extend',
    aliases: ['giahan'],
    places: ['unit'],
    usage: { vi: 'SỐ dd/mm/yyyy lý do', en: 'NUMBER dd/mm/yyyy reason' },
    help: { vi: 'Xin gia hạn một nhiệm vụ; cơ quan theo dõi duyệt hoặc từ chối', en: 'Ask for a new deadline; the office approves or refuses' },
    menu: ['group'],
  },
  {
    name: 'export',
    aliases: ['xuat'],
    places: ['office', 'private'],
    usage: { vi: '[số thông báo] [xlsx|docx|png]', en: '[notice number] [xlsx|docx|png]' },
    help: { vi: 'Xuất bảng theo dõi Excel, báo cáo Word hoặc biểu đồ tiến độ', en: 'Export the Excel tracker, the Word report or the progress chart' },
    menu: ['group', 'private'],
    // Zalo bots cannot send documents; /dashboard shows the same figures there.
    zalo: false,
  },
  {
    name: 'dashboard',
    aliases: ['bangtheodoi'],
    places: ['office', 'private'],
    usage: { vi: '', en: '' },
    help: { vi: 'Nhận liên kết (có hạn) tới trang theo dõi tiến độ', en: 'Get an expiring link to the progress dashboard' },
    menu: ['group', 'private'],
  },
] as const satisfies readonly CommandDefinition[];

export type CommandName = (typeof commandDefinitions)[number]['name'];

const byNameOrAlias = new Map<string, CommandDefinition>(
  commandDefinitions.flatMap((definition) => [definition.name, ...definition.aliases].map((key) => [key, definition] as const)),
);

/** The definition for a command name or one of its aliases, case-insensitively. */
export function findCommand(nameOrAlias: string): CommandDefinition | undefined {
  return byNameOrAlias.get(nameOrAlias.toLowerCase());
}
