import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Message } from 'grammy/types';
import type { Route } from '../http/server.js';
import type { DemoWorld } from './demo-world.js';
import type { Emulator } from './emulator.js';
import { entitiesToHtml } from './entities-to-html.js';
import type { SandboxBackend } from './sandbox-backend.js';
import { checkedCaption, checkedText, checkFileSize, LimitError, personLimits } from './sandbox-limits.js';
import { sandboxPageHtml } from './sandbox-page-html.js';
import { readBody } from '../http/read-body.js';

/** One message as the page draws it: sender, formatted HTML, reply quote, buttons, attachment. */
interface MessageView {
  id: number;
  fromBot: boolean;
  fromId?: number;
  fromName: string;
  html: string;
  date: number;
  edited: boolean;
  service?: string;
  replyTo?: { id: number; name: string; snippet: string };
  buttons?: { text: string; data?: string; url?: string }[][];
  document?: { name: string; size: number; url: string };
  photo?: { url: string };
}

/**
 * The sandbox web chat, mounted on the app's HTTP server: `GET /` serves the page, and
 * `/sandbox/…` is its small JSON API (the world, a chat's messages, send, upload, press a button,
 * the guide, the bot's clock), with server-sent events telling the page when something changed.
 * Every action goes through the emulator's driver, so the page plays users exactly as tests do,
 * and what a person sends is held to Telegram's limits here too (see sandbox-limits.ts), so a
 * request made without the page is refused the same way. This route is the only way to move the
 * bot's clock, and only the sandbox mounts it.
 */
export function sandboxPageRoute(emulator: Emulator, demo: DemoWorld, backend: SandboxBackend): Route {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const { pathname } = url;
    if (req.method === 'GET' && (pathname === '/' || pathname === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(sandboxPageHtml);
      return true;
    }
    if (!pathname.startsWith('/sandbox/')) return false;
    try {
      return await handleApi(emulator, demo, backend, req, res, url);
    } catch (error) {
      // Driver refusals (a user writing where they are not a member…) and Telegram's limits are the person's to fix.
      const limit = error instanceof LimitError ? { code: error.code, limit: error.limit, length: error.actual } : {};
      sendJson(res, 400, { error: error instanceof Error ? error.message : String(error), ...limit });
      return true;
    }
  };
}

async function handleApi(emulator: Emulator, demo: DemoWorld, backend: SandboxBackend, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const { driver, api } = emulator;
  const world = api.world;
  const route = `${req.method} ${url.pathname}`;
  const number = (name: string) => (url.searchParams.has(name) && url.searchParams.get(name) !== '' ? Number(url.searchParams.get(name)) : undefined);

  if (route === 'GET /sandbox/api/world') {
    const chats = [...world.chats.values()].map((state) => ({
      id: state.chat.id,
      type: state.chat.type,
      title: state.chat.type === 'private' ? `Riêng với ${world.bot.first_name}` : state.chat.title,
      isForum: state.chat.type === 'supergroup' && state.chat.is_forum === true,
      topics: [...state.topics.values()].map((topic) => ({ id: topic.threadId, name: topic.name })),
      members: [...state.members].filter(([, status]) => status !== 'left' && status !== 'kicked').map(([id]) => id),
      privateOf: state.chat.type === 'private' ? state.chat.id : undefined,
    }));
    const botRoles = await backend.botRoles();
    sendJson(res, 200, {
      bot: { name: world.bot.first_name, username: world.bot.username },
      roles: demo.roles.map((role) => ({ id: role.user.id, name: fullName(role.user), username: role.user.username, label: role.label, botRoles: botRoles.get(role.user.id) ?? [] })),
      chats,
      limits: personLimits,
    });
    return true;
  }
  if (route === 'GET /sandbox/api/guide') {
    sendJson(res, 200, { steps: await backend.guide() });
    return true;
  }
  if (route === 'GET /sandbox/api/clock') {
    sendJson(res, 200, await backend.clock());
    return true;
  }
  if (route === 'POST /sandbox/api/clock') {
    const { to } = parseJson<{ to?: unknown }>(await readPageBody(req, 1024));
    if (to !== 'report' && to !== 'deadline' && to !== 'summary' && to !== 'now') throw new Error('to: report, deadline, summary or now');
    sendJson(res, 200, await backend.moveClock(to));
    return true;
  }
  if (route === 'GET /sandbox/api/messages') {
    const chatId = number('chatId');
    if (chatId === undefined) throw new Error('chatId is required');
    if (!world.chats.has(chatId)) world.privateChat(chatId);
    const threadId = number('threadId');
    const state = world.chat(chatId);
    const isForum = state.chat.type === 'supergroup' && state.chat.is_forum === true;
    const messages = driver
      .messages(chatId)
      .filter((message) => !isForum || (threadId === undefined ? !message.is_topic_message : message.message_thread_id === threadId))
      .map((message) => view(message, emulator));
    sendJson(res, 200, { messages });
    return true;
  }
  if (route === 'POST /sandbox/api/send') {
    const body = parseJson<{ userId: number; chatId: number; threadId?: number; text: unknown; replyTo?: number }>(await readPageBody(req, 1024 * 1024));
    const text = checkedText(typeof body.text === 'string' ? body.text : '');
    const chatId = ensureChat(emulator, body.chatId);
    const message = driver.sendText(body.userId, chatId, text, {
      ...(body.threadId ? { threadId: body.threadId } : {}),
      ...(body.replyTo ? { replyTo: body.replyTo } : {}),
    });
    sendJson(res, 200, { id: message.message_id });
    return true;
  }
  if (route === 'POST /sandbox/api/upload') {
    // Refused before reading when the size is announced, and while reading when it is not.
    const announced = Number(req.headers['content-length'] ?? 0);
    if (announced > personLimits.fileBytes) checkFileSize(announced);
    const caption = checkedCaption(url.searchParams.get('caption') ?? '');
    const data = await readBody(req, personLimits.fileBytes);
    // Past the limit the rest of the body was drained, not kept: it counts as too big.
    checkFileSize(data?.length ?? Infinity);
    const userId = number('userId')!;
    const chatId = ensureChat(emulator, number('chatId')!);
    const threadId = number('threadId');
    const replyTo = number('replyTo');
    // A file sent as a reply stays one: in a group the bot sees only replies to its own messages and commands.
    const message = driver.sendDocument(
      userId,
      chatId,
      { data: data!, fileName: url.searchParams.get('fileName') || 'file', ...(caption ? { caption } : {}) },
      { ...(threadId ? { threadId } : {}), ...(replyTo ? { replyTo } : {}) },
    );
    sendJson(res, 200, { id: message.message_id });
    return true;
  }
  if (route === 'POST /sandbox/api/press') {
    const body = parseJson<{ userId: number; chatId: number; messageId: number; data: string }>(await readPageBody(req, 64 * 1024));
    const message = world.findMessage(body.chatId, body.messageId)?.message;
    if (!message) throw new Error('Tin nhắn không còn nữa');
    const press = driver.pressButton(body.userId, message, body.data);
    const answer = await press.waitForAnswer(5_000).catch(() => undefined);
    sendJson(res, 200, { answer: answer ?? null });
    return true;
  }
  if (route === 'GET /sandbox/api/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    // Many events arrive in a burst (a reply plus its keyboard edit): tell the page once per tick.
    let pending: string | undefined;
    const unsubscribe = world.subscribe((event) => {
      const kind = event.kind === 'world' ? 'world' : 'chat';
      if (pending === 'world') return;
      const first = pending === undefined;
      pending = kind;
      if (first) {
        setImmediate(() => {
          res.write(`event: ${pending}\ndata: ${event.seq}\n\n`);
          pending = undefined;
        });
      }
    });
    res.on('close', unsubscribe);
    return true;
  }
  const file = /^\/sandbox\/files\/([\w-]+)$/.exec(url.pathname);
  if (req.method === 'GET' && file) {
    const stored = api.files.get(file[1]!);
    if (!stored) return false;
    res.writeHead(200, {
      'content-type': stored.mimeType,
      'content-length': stored.data.length,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(stored.fileName ?? 'file')}`,
    });
    res.end(stored.data);
    return true;
  }
  return false;
}

/** A private chat exists for the page as soon as the person picks it. */
function ensureChat(emulator: Emulator, chatId: number): number {
  const world = emulator.api.world;
  if (!world.chats.has(chatId) && world.users.has(chatId)) world.privateChat(chatId);
  return chatId;
}

function view(message: Message, emulator: Emulator): MessageView {
  const botId = emulator.bot.id;
  const fromBot = message.from?.id === botId;
  const result: MessageView = {
    id: message.message_id,
    fromBot,
    ...(message.from ? { fromId: message.from.id } : {}),
    fromName: message.from ? fullName(message.from) : '',
    html: message.text !== undefined ? entitiesToHtml(message.text, message.entities) : entitiesToHtml(message.caption ?? '', message.caption_entities),
    date: message.date,
    edited: message.edit_date !== undefined,
  };
  const service = serviceText(message);
  if (service) result.service = service;
  const reply = message.reply_to_message;
  const implicitTopicReply = message.is_topic_message && reply?.message_id === message.message_thread_id;
  if (reply && !implicitTopicReply) {
    result.replyTo = { id: reply.message_id, name: reply.from ? fullName(reply.from) : '', snippet: (reply.text ?? reply.caption ?? reply.document?.file_name ?? '').slice(0, 80) };
  }
  const keyboard = message.reply_markup?.inline_keyboard;
  if (keyboard) {
    result.buttons = keyboard.map((row) =>
      row.map((button) => ({
        text: button.text,
        ...('callback_data' in button ? { data: button.callback_data } : {}),
        ...('url' in button ? { url: button.url } : {}),
      })),
    );
  }
  if (message.document) {
    result.document = { name: message.document.file_name ?? 'tệp', size: message.document.file_size ?? 0, url: `/sandbox/files/${message.document.file_id}` };
  }
  const largest = message.photo?.[message.photo.length - 1];
  if (largest) result.photo = { url: `/sandbox/files/${largest.file_id}` };
  return result;
}

function serviceText(message: Message): string | undefined {
  const who = message.from ? fullName(message.from) : '';
  if (message.new_chat_members) return `${who} đã thêm ${message.new_chat_members.map(fullName).join(', ')} vào nhóm`;
  if (message.left_chat_member) return `${fullName(message.left_chat_member)} đã rời nhóm`;
  if (message.forum_topic_created) return `${who} đã tạo chủ đề «${message.forum_topic_created.name}»`;
  if (message.group_chat_created) return `${who} đã tạo nhóm`;
  return undefined;
}

function fullName(user: { first_name: string; last_name?: string }): string {
  return user.last_name ? `${user.last_name} ${user.first_name}` : user.first_name;
}

/** The body of a page request; an oversized one is refused with a 400 saying so. */
async function readPageBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const body = await readBody(req, limit);
  if (!body) throw new Error(`Yêu cầu quá lớn (tối đa ${limit} byte)`);
  return body;
}

function parseJson<T>(body: Buffer): T {
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new Error('Yêu cầu không phải JSON hợp lệ');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}
