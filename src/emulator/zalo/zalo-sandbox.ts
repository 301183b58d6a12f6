import type { Route } from '../../http/server.js';
import { readJsonBody } from '../../messaging/zalo/read-json-body.js';
import { sendJson } from './send-json.js';
import { startZaloEmulator, type ZaloEmulator } from './zalo-emulator.js';
import { zaloSandboxPageHtml } from './zalo-sandbox-page-html.js';
import type { ZaloUser } from './zalo-world.js';

/** The Zalo half of the sandbox: its emulator, and the page route to mount on the app's server. */
export interface ZaloSandbox {
  readonly emulator: ZaloEmulator;
  /** `GET /zalo` (the page) and `/sandbox/zalo/…` (its JSON API). */
  readonly route: Route;
  stop(): Promise<void>;
}

/**
 * Starts the Zalo emulator for the sandbox and seeds two officials who use Zalo, each with a
 * private chat with the bot, and a Zalo group they share. They join units the way real
 * officials would: `/join MÃ Tên đơn vị` with a code from the office group's `/invite`.
 */
export async function startZaloSandbox(): Promise<ZaloSandbox> {
  const emulator = await startZaloEmulator({ botName: 'Bot Đôn Đốc' });
  const { driver } = emulator;
  const an = driver.createUser('Nguyễn Văn An');
  const cuc = driver.createUser('Lê Thị Cúc');
  driver.createGroup('Tổ công tác NTM (Zalo, demo)', [an, cuc]);
  const roles = [
    { user: an, label: 'Cán bộ dùng Zalo' },
    { user: cuc, label: 'Cán bộ dùng Zalo' },
  ];
  return { emulator, route: zaloSandboxRoute(emulator, roles), stop: () => emulator.stop() };
}

function zaloSandboxRoute(emulator: ZaloEmulator, roles: { user: ZaloUser; label: string }[]): Route {
  const { driver, world } = emulator;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /zalo') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(zaloSandboxPageHtml);
      return true;
    }
    if (route === 'GET /sandbox/zalo/world') {
      const chats = [...world.chats.values()].map((chat) => ({ id: chat.id, type: chat.chat_type, title: chat.title, members: [...chat.members] }));
      sendJson(res, 200, { bot: world.botDisplayName, roles: roles.map(({ user, label }) => ({ id: user.id, name: user.display_name, label })), chats });
      return true;
    }
    if (route === 'GET /sandbox/zalo/messages') {
      const chatId = url.searchParams.get('chatId') ?? '';
      const messages = world.messages
        .filter((message) => message.chat_id === chatId)
        .map((message) => ({ id: message.message_id, fromId: message.from_id, fromName: message.fromBot ? world.botDisplayName : (world.users.get(message.from_id)?.display_name ?? '?'), text: message.text, date: message.date }));
      sendJson(res, 200, messages);
      return true;
    }
    if (route === 'POST /sandbox/zalo/send') {
      const body = ((await readJsonBody(req)) ?? {}) as { userId?: string; chatId?: string; text?: string; mention?: boolean };
      const user = world.users.get(body.userId ?? '');
      const chat = world.chats.get(body.chatId ?? '');
      if (!user || !chat?.members.has(user.id) || !body.text) {
        sendJson(res, 400, { error: 'người gửi, cuộc trò chuyện và nội dung là bắt buộc' });
        return true;
      }
      const sent = driver.sendText(user, chat, body.text, { mention: chat.chat_type === 'GROUP' && body.mention === true });
      sendJson(res, 200, { id: sent.message_id });
      return true;
    }
    return false;
  };
}
