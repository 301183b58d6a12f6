import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot, InlineKeyboard, InputFile, type Context } from 'grammy';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { startEmulator, type Emulator } from '../../src/emulator/emulator.js';

/** A stock grammY bot, long polling the emulator through grammY's runner, as dondoc does. */
describe('a grammY bot against the emulator over HTTP', () => {
  let emulator: Emulator;
  let bot: Bot;
  let runner: RunnerHandle;
  const seen: string[] = [];

  beforeEach(async () => {
    emulator = await startEmulator({ rateLimits: false });
    bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    seen.length = 0;
    bot.on('message', async (ctx, next) => {
      seen.push(ctx.message.text ?? ctx.message.caption ?? '[service]');
      await next();
    });
  });

  afterEach(async () => {
    if (runner?.isRunning()) await runner.stop();
    await emulator.stop();
  });

  async function startPolling(): Promise<void> {
    await bot.init();
    runner = run(bot, { runner: { fetch: { timeout: 1 } } });
  }

  it('answers a command in a group written as /start@botname', async () => {
    bot.command('start', (ctx) => ctx.reply(`Xin chào ${ctx.from?.first_name}`));
    await startPolling();
    const { driver } = emulator;
    const lan = driver.createUser({ firstName: 'Lan' });
    const group = driver.createGroup({ title: 'Phòng TN&MT', members: [lan] });
    driver.sendCommand(lan, group, '/start', { addressed: true });
    const reply = await driver.waitForBotMessage(group, { match: /Xin chào Lan/ });
    expect(reply.chat.id).toBe(group.id);
    expect(reply.from?.username).toBe(emulator.bot.username);
  });

  it('in privacy mode sees commands, mentions and replies to itself, but not chatter or commands for other bots', async () => {
    bot.command('ping', (ctx) => ctx.reply('pong'));
    await startPolling();
    const { driver } = emulator;
    const lan = driver.createUser({ firstName: 'Lan' });
    const group = driver.createGroup({ title: 'Xã Bình Sơn', members: [lan] });
    driver.sendText(lan, group, 'chào cả nhà');
    driver.sendText(lan, group, '/ping@other_bot');
    driver.sendText(lan, group, `hỏi @${emulator.bot.username} nhé`);
    driver.sendCommand(lan, group, '/ping');
    const pong = await driver.waitForBotMessage(group, { match: 'pong' });
    driver.reply(lan, pong, 'cảm ơn');
    await expect.poll(() => seen).toContain('cảm ơn');
    expect(seen).not.toContain('chào cả nhà');
    expect(seen).not.toContain('/ping@other_bot');
    expect(seen).toContain(`hỏi @${emulator.bot.username} nhé`);
  });

  it('sees every group message once privacy mode is off or it is an administrator', async () => {
    await startPolling();
    const { driver } = emulator;
    const lan = driver.createUser({ firstName: 'Lan' });
    const group = driver.createGroup({ title: 'Xã Thuận', members: [lan], botIsAdmin: true });
    driver.sendText(lan, group, 'báo cáo tiến độ');
    await expect.poll(() => seen).toContain('báo cáo tiến độ');
  });

  it('gets a reply to its own message with reply_to_message', async () => {
    let replied: number | undefined;
    bot.command('ask', (ctx) => ctx.reply('Tiến độ thế nào?'));
    bot.on('message:text', (ctx) => {
      replied = ctx.message.reply_to_message?.message_id;
    });
    await startPolling();
    const { driver } = emulator;
    const lan = driver.createUser({ firstName: 'Lan' });
    const group = driver.createGroup({ title: 'Xã Thuận', members: [lan] });
    driver.sendCommand(lan, group, '/ask');
    const question = await driver.waitForBotMessage(group);
    driver.reply(lan, question, 'Đang thực hiện');
    await expect.poll(() => replied).toBe(question.message_id);
  });

  it('downloads a user document through getFile and the file URL', async () => {
    let downloaded: string | undefined;
    bot.on('message:document', async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
      downloaded = await response.text();
      await ctx.reply(`Đã nhận ${ctx.message.document.file_name}`);
    });
    await startPolling();
    const { driver } = emulator;
    const leader = driver.createUser({ firstName: 'Quốc' });
    driver.startBot(leader);
    driver.sendDocument(leader, driver.privateChat(leader), { data: 'THÔNG BÁO KẾT LUẬN', fileName: 'thong-bao.txt' });
    await driver.waitForBotMessage(driver.privateChat(leader), { match: 'Đã nhận thong-bao.txt' });
    expect(downloaded).toBe('THÔNG BÁO KẾT LUẬN');
  });

  it('uploads a document with InputFile and reuses its file_id', async () => {
    bot.command('export', async (ctx) => {
      const sent = await ctx.replyWithDocument(new InputFile(Buffer.from('a,b\n1,2'), 'báo cáo.csv'), { caption: '<b>Báo cáo</b>', parse_mode: 'HTML' });
      await ctx.replyWithDocument(sent.document.file_id);
    });
    await startPolling();
    const { driver } = emulator;
    const leader = driver.createUser({ firstName: 'Quốc' });
    driver.sendCommand(leader, driver.privateChat(leader), '/export');
    const first = await driver.waitForBotMessage(driver.privateChat(leader), { match: 'Báo cáo' });
    expect(first.document).toMatchObject({ file_name: 'báo cáo.csv', mime_type: 'text/csv', file_size: 7 });
    expect(first.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 7 }]);
    await expect.poll(() => driver.botMessages(driver.privateChat(leader)).length).toBe(2);
    expect(driver.botMessages(driver.privateChat(leader))[1]!.document?.file_id).toBe(first.document?.file_id);
  });

  it('round-trips an inline button: press, callback_query, answer, edit', async () => {
    bot.command('status', (ctx) => ctx.reply('Trạng thái?', { reply_markup: new InlineKeyboard().text('Xong', 'done:4') }));
    bot.callbackQuery(/^done:(\d+)$/, async (ctx: Context) => {
      await ctx.answerCallbackQuery({ text: 'Đã ghi nhận' });
      await ctx.editMessageText(`Nhiệm vụ ${ctx.match?.[1]} hoàn thành`);
      expect(ctx.callbackQuery?.chat_instance).toMatch(/^-?\d+$/);
    });
    await startPolling();
    const { driver } = emulator;
    const lan = driver.createUser({ firstName: 'Lan' });
    const group = driver.createGroup({ title: 'Xã Thuận', members: [lan] });
    driver.sendCommand(lan, group, '/status');
    const question = await driver.waitForBotMessage(group, { match: 'Trạng thái?' });
    expect(driver.buttons(question)).toEqual([{ text: 'Xong', callback_data: 'done:4' }]);
    const press = driver.pressButton(lan, question, 'done:4');
    expect(await press.waitForAnswer()).toEqual({ text: 'Đã ghi nhận', showAlert: false });
    const edited = await driver.waitForEdit(question, { match: 'hoàn thành' });
    expect(edited.text).toBe('Nhiệm vụ 4 hoàn thành');
    expect(edited.reply_markup).toBeUndefined();
    expect(edited.edit_date).toBeGreaterThanOrEqual(question.date);
  });

  it('answers in the forum topic a message came from', async () => {
    bot.command('status', (ctx) => ctx.reply('Trong chủ đề', { message_thread_id: ctx.message?.message_thread_id }));
    await startPolling();
    const { driver } = emulator;
    const lan = driver.createUser({ firstName: 'Lan' });
    const forum = driver.createGroup({ title: 'UBND xã', forum: true, members: [lan] });
    const topic = driver.createTopic(forum, 'Phòng Kinh tế', lan);
    const sent = driver.sendCommand(lan, forum, '/status', { threadId: topic.message_thread_id });
    expect(sent).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true });
    expect(sent.reply_to_message?.message_id).toBe(topic.message_thread_id);
    const reply = await driver.waitForBotMessage(forum, { threadId: topic.message_thread_id });
    expect(reply).toMatchObject({ text: 'Trong chủ đề', message_thread_id: topic.message_thread_id, is_topic_message: true });
    expect(reply.chat).toMatchObject({ type: 'supergroup', is_forum: true });
    expect(String(reply.chat.id)).toMatch(/^-100\d+$/);
  });
});
