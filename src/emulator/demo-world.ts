import type { Chat, User } from 'grammy/types';
import type { Driver } from './driver.js';

/** A person the sandbox page lets you play, with the part they play in the demo (shown in the person picker). */
export interface DemoRole {
  readonly user: User;
  readonly label: string;
}

/** A unit's group in the demo, its official, and the unit's name as the guide has them join it. */
export interface DemoUnit {
  readonly chat: Chat.GroupChat | Chat.SupergroupChat;
  readonly official: User;
  readonly unitName: string;
}

/** The seeded sandbox world: an office with its secretary, three units with their officials, a leader. */
export interface DemoWorld {
  readonly roles: readonly DemoRole[];
  readonly office: Chat.GroupChat | Chat.SupergroupChat;
  readonly secretary: User;
  readonly units: readonly DemoUnit[];
  readonly leader: User;
}

/**
 * Seeds the demo world of the sandbox: the office group "Văn phòng UBND huyện (demo)" with a
 * secretary, three unit groups (one a forum supergroup with a topic per field) with officials,
 * and a leader who has opened a private chat with the bot, so the bot knows his @username and
 * `/role @quoc_pct leader` can name him. The bot hears about each group the way it would on
 * Telegram, as being added to it. Nobody holds a role in the bot yet: the database starts empty,
 * and the page's guide walks through `/setup` and `/role`.
 */
export function seedDemoWorld(driver: Driver): DemoWorld {
  const secretary = driver.createUser({ firstName: 'Thu', lastName: 'Nguyễn Thị', username: 'thu_vanphong' });
  const leader = driver.createUser({ firstName: 'Quốc', lastName: 'Lê Phú', username: 'quoc_pct' });
  const tnmt = driver.createUser({ firstName: 'Bình', lastName: 'Trần Văn', username: 'binh_tnmt' });
  const binhSon = driver.createUser({ firstName: 'Hoa', lastName: 'Phạm Thị', username: 'hoa_binhson' });
  const thuan = driver.createUser({ firstName: 'Tuấn', lastName: 'Đỗ Minh', username: 'tuan_xathuan' });

  const office = driver.createGroup({ title: 'Văn phòng UBND huyện (demo)', admins: [secretary], members: [leader] });
  const tnmtGroup = driver.createGroup({ title: 'Phòng Tài nguyên và Môi trường (demo)', admins: [tnmt] });
  const binhSonForum = driver.createGroup({ title: 'UBND xã Bình Sơn (demo)', forum: true, admins: [binhSon] });
  driver.createTopic(binhSonForum, 'Nông thôn mới', binhSon);
  driver.createTopic(binhSonForum, 'Đất đai', binhSon);
  const thuanGroup = driver.createGroup({ title: 'Đảng ủy xã Thuận (demo)', type: 'supergroup', admins: [thuan] });
  driver.startBot(leader);

  return {
    office,
    secretary,
    units: [
      { chat: tnmtGroup, official: tnmt, unitName: 'Phòng Tài nguyên và Môi trường' },
      { chat: binhSonForum, official: binhSon, unitName: 'UBND xã Bình Sơn' },
      { chat: thuanGroup, official: thuan, unitName: 'Đảng ủy xã Thuận' },
    ],
    leader,
    roles: [
      { user: secretary, label: 'Thư ký, Văn phòng UBND huyện' },
      { user: tnmt, label: 'Cán bộ, Phòng TN&MT' },
      { user: binhSon, label: 'Cán bộ, UBND xã Bình Sơn' },
      { user: thuan, label: 'Cán bộ, Đảng ủy xã Thuận' },
      { user: leader, label: 'Lãnh đạo, Phó Chủ tịch UBND huyện' },
    ],
  };
}
