import type { Message } from 'grammy/types';
import { addDays, formatDdMmYyyy, type LocalDate } from '../domain/local-date.js';
import { localDateOf } from '../domain/zoned-time.js';
import type { Db } from '../store/database.js';
import { inviteCodeHash } from '../store/invites.js';
import type { DemoWorld } from './demo-world.js';
import type { Driver } from './driver.js';

/** The five steps of the sandbox guide, in order. */
export type GuideStepId = 'setup' | 'join' | 'notice' | 'publish' | 'report';

/**
 * One thing to do: who does it, where, and what to type (`text`) or which button to press
 * (`button`, with `text` as the command that does the same). `done` is read from the bot's
 * database or the emulator's world, never from what was typed.
 */
export interface GuideAction {
  id: string;
  userId: number;
  chatId: number;
  text?: string;
  button?: string;
  /** The unit's name, for a /join line. */
  unit?: string;
  done: boolean;
}

export interface GuideStep {
  id: GuideStepId;
  done: boolean;
  actions: GuideAction[];
}

/**
 * The guide as things stand. Each action is ticked from the real state: the office exists (its
 * group is some office's home chat), the leader holds the LEADER role there, a unit's group is
 * linked to a unit, a notice was read into a draft and published, a unit reported on a
 * directive (a status report is stored), and the leader got the /report summary (the bot's
 * message in his private chat, in the emulator's world).
 */
export async function sandboxGuide(db: Db, driver: Driver, demo: DemoWorld, now: Date, timeZone: string): Promise<GuideStep[]> {
  const telegram = (id: number) => ({ platform: 'TELEGRAM' as const, externalId: String(id) });
  const office = await db.office.findFirst({ where: { homeChat: telegram(demo.office.id) }, select: { id: true } });
  const officeId = office?.id ?? '';
  const [leader, invites, linked, notices, reports] = await Promise.all([
    db.membership.findFirst({ where: { officeId, role: 'LEADER', person: telegram(demo.leader.id) }, select: { id: true } }),
    db.inviteCode.findMany({ where: { officeId }, select: { codeHash: true, usedAt: true, expiresAt: true } }),
    db.unitChannel.findMany({ where: { unit: { officeId, removedAt: null }, chat: { platform: 'TELEGRAM' } }, select: { chat: { select: { externalId: true } } } }),
    db.notice.findMany({ where: { officeId, state: { in: ['DRAFT', 'PUBLISHED'] } }, select: { state: true } }),
    db.statusReport.count({ where: { assignment: { unit: { officeId } } } }),
  ]);
  const linkedChats = new Set(linked.map((channel) => channel.chat.externalId));
  // Codes are single use: the latest one the bot gave in the office group that is still good.
  const usable = new Set(invites.filter((invite) => invite.usedAt === null && invite.expiresAt > now).map((invite) => invite.codeHash));
  const code = givenCodes(driver.botMessages(demo.office)).find((given) => usable.has(inviteCodeHash(given)));
  const leaderGotReport = driver.botMessages(driver.privateChat(demo.leader)).some((message) => (message.text ?? '').startsWith('📊'));
  const secretary = demo.secretary.id;
  const inOffice = demo.office.id;
  const published = notices.some((notice) => notice.state === 'PUBLISHED');
  const steps: Omit<GuideStep, 'done'>[] = [
    {
      id: 'setup',
      actions: [
        { id: 'setup', userId: secretary, chatId: inOffice, text: '/setup', done: office !== null },
        { id: 'leader-role', userId: secretary, chatId: inOffice, text: `/role @${demo.leader.username} leader`, done: leader !== null },
      ],
    },
    {
      id: 'join',
      actions: [
        { id: 'invite', userId: secretary, chatId: inOffice, text: '/invite', done: invites.length > 0 },
        ...demo.units.map((unit) => ({
          id: 'join',
          userId: unit.official.id,
          chatId: unit.chat.id,
          text: `/join ${code ?? 'MÃ'} ${unit.unitName}`,
          unit: unit.unitName,
          done: linkedChats.has(String(unit.chat.id)),
        })),
      ],
    },
    {
      id: 'notice',
      actions: [{ id: 'notice', userId: secretary, chatId: inOffice, text: sampleNotice(localDateOf(now, timeZone)), done: notices.length > 0 }],
    },
    { id: 'publish', actions: [{ id: 'publish', userId: secretary, chatId: inOffice, button: 'Phát hành', text: '/publish', done: published }] },
    {
      id: 'report',
      actions: [
        { id: 'status', userId: demo.units[0]!.official.id, chatId: demo.units[0]!.chat.id, button: 'Đang thực hiện', text: '/status 1 đang Đang rà soát hồ sơ', done: reports > 0 },
        { id: 'report', userId: demo.leader.id, chatId: demo.leader.id, text: '/report', done: leaderGotReport },
      ],
    },
  ];
  return steps.map((step) => ({ ...step, done: step.actions.every((action) => action.done) }));
}

/** The invite codes of the bot's "Mã mời" messages, newest first. */
function givenCodes(messages: readonly Message[]): string[] {
  return messages.flatMap((message) => /\/join ([A-Z0-9]+)/.exec(message.text ?? '')?.[1] ?? []).reverse();
}

/**
 * A short notice of conclusions for the demo units, dated today, with deadlines 10 and 24 days
 * ahead, a standing task, and reporting (14th and 28th) and summary (15th and 30th) days, so
 * that every kind of reminder has something to say.
 */
export function sampleNotice(today: LocalDate): string {
  const date = formatDdMmYyyy(today);
  const [day, month, year] = date.split('/');
  return [
    '/notice',
    'ỦY BAN NHÂN DÂN HUYỆN',
    'Số: 12/TB-UBND',
    `Phú Bình, ngày ${day} tháng ${month} năm ${year}`,
    'THÔNG BÁO',
    `Kết luận của Phó Chủ tịch UBND huyện Lê Phú Quốc tại cuộc họp giao ban ngày ${date}`,
    'I. NHIỆM VỤ',
    `1. Phòng Tài nguyên và Môi trường chủ trì, phối hợp với UBND xã Bình Sơn rà soát hồ sơ đất đai tồn đọng, hoàn thành trước ngày ${formatDdMmYyyy(addDays(today, 10))}.`,
    `2. UBND xã Bình Sơn hoàn thiện hồ sơ xã nông thôn mới, hoàn thành trước ngày ${formatDdMmYyyy(addDays(today, 24))}.`,
    '3. Đảng ủy xã Thuận chỉ đạo tuyên truyền về an toàn giao thông, thời hạn thường xuyên.',
    // Under a heading of its own, the reporting duty is read as the notice's schedule, not as part of task 3.
    'II. TỔ CHỨC THỰC HIỆN',
    'Các đơn vị báo cáo tiến độ về Văn phòng UBND huyện vào ngày 14 và 28 hằng tháng.',
    'Văn phòng UBND huyện tổng hợp, báo cáo Chủ tịch UBND huyện vào ngày 15 và 30 hằng tháng.',
  ].join('\n');
}
