/**
 * What the routing end-to-end tests share: a Telegram office set up by its secretary, units
 * that join from groups of their own, and the text of a bot message.
 */
import type { Chat, Message } from 'grammy/types';
import type { Harness } from './harness.js';

/** The text or caption of a message. */
export const textOf = (message: Message) => message.text ?? message.caption ?? '';

/** An office group set up by its secretary, with other members; `join` brings in one unit from a group of its own. */
export async function setUpOffice(h: Harness, title: string, members: ReturnType<Harness['driver']['createUser']>[] = []) {
  const d = h.driver;
  const secretary = d.createUser({ firstName: 'Thư', lastName: 'Ký', username: 'thuky' });
  const office = d.createGroup({ title, type: 'supergroup', admins: [secretary], members });
  d.sendCommand(secretary, office, '/setup', { addressed: true });
  await d.waitForBotMessage(office, { match: /Đã đăng ký/ });

  /** An official of the unit links the unit's own group with a fresh invite code; returns the group. */
  const join = async (name: string): Promise<Chat.GroupChat | Chat.SupergroupChat> => {
    const official = d.createUser({ firstName: 'Cán bộ', lastName: name });
    const group = d.createGroup({ title: name, members: [official] });
    d.sendCommand(secretary, office, '/invite');
    const code = /\/join (\w+)/.exec(textOf(await d.waitForBotMessage(office, { match: /Mã mời/ })))![1];
    d.sendCommand(official, group, `/join ${code} ${name}`);
    await d.waitForBotMessage(group, { match: /đã được liên kết/ });
    return group;
  };
  return { secretary, office, join };
}
