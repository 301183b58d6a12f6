/**
 * The sandbox chat page: one self-contained HTML document (inline CSS and a little plain
 * JavaScript, no build step, nothing fetched from elsewhere). Pickers for who you are, which chat
 * and which topic on top, the chat with its composer, and the guide: who you can be, the five
 * steps with what to type (ticked from the bot's real state, which the server reads), and the
 * control that moves the bot's clock. On a wide screen the guide is a column beside the chat; on a
 * phone it sits above the chat and folds away. Vietnamese by default, English when the browser
 * asks for it, `?lang=en`, or the language button says so. Message bodies arrive as HTML rendered
 * on the server from Telegram entities; everything else is inserted as text. The composer holds
 * what a person sends to Telegram's limits, which the server checks again.
 */
export const sandboxPageHtml = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dondoc sandbox</title>
<style>
  :root { --bg: #e6ebee; --bubble: #fff; --own: #e1ffc7; --accent: #3390ec; --muted: #707579; --done: #2e9e4f; }
  * { box-sizing: border-box; }
  html, body { height: 100%; margin: 0; }
  body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); display: flex; flex-direction: column; }
  header { background: #fff; padding: 8px 10px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; box-shadow: 0 1px 2px rgba(0,0,0,.1); z-index: 1; }
  header h1 { font-size: 16px; margin: 0 6px 0 0; white-space: nowrap; }
  header .links { display: flex; gap: 10px; align-items: center; }
  header .links button { font: inherit; font-size: 13px; border: 1px solid #ccd; background: #fff; border-radius: 8px; padding: 2px 8px; cursor: pointer; }
  header label { display: flex; flex-direction: column; font-size: 11px; color: var(--muted); flex: 1 1 160px; min-width: 0; }
  header select { font: inherit; padding: 6px; border: 1px solid #ccd; border-radius: 8px; background: #fff; width: 100%; min-width: 0; }
  #topicLabel[hidden] { display: none; }
  #layout { flex: 1; min-height: 0; display: flex; }
  #chatColumn { flex: 1; min-width: 0; display: flex; flex-direction: column; }
  main { flex: 1; overflow-y: auto; padding: 10px; display: flex; flex-direction: column; gap: 6px; }
  #guide { position: relative; background: #fff; border-left: 1px solid #dde; width: 390px; overflow-y: auto; font-size: 14px; }
  #guide summary { font-weight: 600; padding: 8px 12px; cursor: pointer; position: sticky; top: 0; background: #fff; }
  #guide .inner { padding: 0 12px 12px; }
  #guide h3 { font-size: 14px; margin: 10px 0 4px; }
  #peopleBox summary { position: static; padding: 6px 0; font-weight: 600; }
  #guide .people { margin: 0; padding-left: 18px; color: #333; font-size: 12px; }
  #guide .step { border-top: 1px solid #eef; padding: 6px 0; }
  #guide .step h3 .tick, #guide .action .tick { display: inline-block; width: 1.3em; color: var(--muted); }
  #guide .done > .tick, #guide .step.done h3 .tick { color: var(--done); }
  #guide .action { display: flex; gap: 4px; align-items: flex-start; margin: 4px 0; }
  #guide .action .what { flex: 1; min-width: 0; }
  #guide .action code { display: block; background: #f3f5f8; border-radius: 6px; padding: 3px 6px; margin-top: 2px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 5.6em; overflow: hidden; }
  #guide button { font: inherit; font-size: 13px; border: 0; border-radius: 8px; padding: 5px 9px; background: rgba(51,144,236,.12); color: var(--accent); cursor: pointer; }
  #guide button:disabled { color: var(--muted); background: #f0f0f0; cursor: default; }
  #clockNow { font-variant-numeric: tabular-nums; }
  #clock .buttons { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
  #guide .moved { color: #c03d33; }
  #guideClock { display: block; font-size: 12px; font-weight: normal; padding-left: 1.1em; }
  #guideClock:empty { display: none; }
  #guide .note { color: var(--muted); font-size: 12px; margin: 4px 0; }
  .msg { max-width: min(560px, 88%); align-self: flex-start; background: var(--bubble); border-radius: 12px; padding: 6px 10px; box-shadow: 0 1px 1px rgba(0,0,0,.08); overflow-wrap: anywhere; }
  .msg.own { align-self: flex-end; background: var(--own); }
  .msg .who { font-weight: 600; font-size: 13px; color: var(--accent); }
  .msg.bot .who { color: #c03d33; }
  .msg .meta { font-size: 11px; color: var(--muted); text-align: right; }
  .msg .quote { border-left: 3px solid var(--accent); padding-left: 6px; margin: 2px 0 4px; font-size: 13px; color: #333; }
  .msg pre, .msg code { font-family: ui-monospace, monospace; background: rgba(0,0,0,.05); border-radius: 4px; }
  .msg pre { padding: 6px; white-space: pre-wrap; margin: 4px 0; }
  .msg blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid var(--accent); }
  .msg .spoiler { background: #999; color: transparent; border-radius: 3px; cursor: pointer; }
  .msg .spoiler.shown { background: none; color: inherit; }
  .msg .doc a { color: var(--accent); }
  .msg img { max-width: 100%; border-radius: 8px; }
  .keyboard { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
  .keyboard .row { display: flex; gap: 4px; }
  .keyboard button, .keyboard a { flex: 1; min-width: 0; font: inherit; font-size: 14px; padding: 7px 6px; border: 0; border-radius: 8px; background: rgba(51,144,236,.12); color: var(--accent); cursor: pointer; text-align: center; text-decoration: none; }
  .reply-action { border: 0; background: none; color: var(--muted); cursor: pointer; font-size: 12px; padding: 0 0 0 6px; }
  .service { align-self: center; background: rgba(0,0,0,.25); color: #fff; font-size: 13px; border-radius: 12px; padding: 3px 10px; text-align: center; }
  footer { background: #fff; padding: 8px; display: flex; flex-direction: column; gap: 6px; box-shadow: 0 -1px 2px rgba(0,0,0,.08); }
  #replyBar { font-size: 13px; color: var(--muted); display: flex; justify-content: space-between; gap: 6px; }
  #replyBar span { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  #replyBar[hidden] { display: none; }
  form { display: flex; gap: 6px; align-items: flex-end; }
  textarea { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #ccd; border-radius: 18px; resize: none; max-height: 140px; min-width: 0; }
  form button, .file { font: inherit; border: 0; border-radius: 18px; padding: 8px 14px; background: var(--accent); color: #fff; cursor: pointer; }
  .file { background: #eef; color: var(--accent); position: relative; overflow: hidden; }
  .file input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
  #toast { position: fixed; left: 50%; top: 64px; transform: translateX(-50%); background: rgba(0,0,0,.8); color: #fff; padding: 8px 14px; border-radius: 10px; max-width: 90%; z-index: 2; }
  #toast[hidden] { display: none; }
  #status { font-size: 12px; color: var(--muted); min-height: 1em; display: flex; justify-content: space-between; gap: 8px; }
  #status .error { color: #c03d33; }
  #counter.over { color: #c03d33; font-weight: 600; }
  @media (max-width: 900px) {
    #layout { flex-direction: column; }
    #guide { order: -1; width: auto; max-height: 40vh; border-left: 0; border-bottom: 1px solid #dde; flex: none; }
    #chatColumn { min-height: 0; }
  }
</style>
</head>
<body>
<header>
  <h1>dondoc sandbox</h1>
  <span class="links"><a href="/zalo">Zalo</a><button type="button" id="lang" aria-label="Language">English</button></span>
  <label><span data-t="you">Bạn là</span><select id="role" aria-label="Vai"></select></label>
  <label><span data-t="chat">Cuộc trò chuyện</span><select id="chat" aria-label="Cuộc trò chuyện"></select></label>
  <label id="topicLabel" hidden><span data-t="topic">Chủ đề</span><select id="topic" aria-label="Chủ đề"></select></label>
</header>
<div id="layout">
  <aside id="guide"><details open>
    <summary><span id="guideTitle">Hướng dẫn</span><span id="guideClock" class="moved"></span></summary>
    <div class="inner">
      <p class="note" data-t="howTo"></p>
      <details id="peopleBox" open><summary data-t="whoTitle">Bạn có thể là</summary><ul class="people" id="people"></ul></details>
      <div id="steps"></div>
      <section id="clock" class="step">
        <h3 data-t="clockTitle">Đồng hồ của bot</h3>
        <div><span id="clockNow"></span> <span id="clockMoved" class="moved"></span></div>
        <p class="note" data-t="clockNote"></p>
        <div class="buttons">
          <button type="button" id="toReport" data-to="report"></button>
          <button type="button" id="toDeadline" data-to="deadline"></button>
          <button type="button" id="toSummary" data-to="summary"></button>
          <button type="button" id="toNow" data-to="now"></button>
        </div>
      </section>
      <p class="note" data-t="limitsNote"></p>
    </div>
  </details></aside>
  <div id="chatColumn">
    <main id="messages" aria-live="polite"></main>
    <footer>
      <div id="replyBar" hidden><span id="replyText"></span><button class="reply-action" id="cancelReply" type="button">✕</button></div>
      <form id="composer">
        <label class="file" title="Gửi tệp">📎<input id="file" type="file" aria-label="Gửi tệp"></label>
        <textarea id="text" rows="1" placeholder="Tin nhắn hoặc /lệnh" aria-label="Tin nhắn"></textarea>
        <button type="submit" id="send">Gửi</button>
      </form>
      <div id="status"><span id="statusText"></span><span id="counter"></span></div>
    </footer>
  </div>
</div>
<div id="toast" hidden></div>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const TEXTS = {
    vi: {
      you: 'Bạn là', chat: 'Cuộc trò chuyện', topic: 'Chủ đề', send: 'Gửi', placeholder: 'Tin nhắn hoặc /lệnh', file: 'Gửi tệp', other: 'English',
      general: 'Chung (General)', privateWith: 'Riêng với ', reply: '↩ Trả lời', replyTo: 'Trả lời ', edited: ' · đã sửa', pressing: 'Đang bấm nút…', sendingFile: 'Đang gửi tệp…',
      guide: 'Hướng dẫn', whoTitle: 'Bạn có thể là', howTo: 'Làm lần lượt từng bước. «Điền» chọn đúng người, đúng nhóm và điền sẵn lệnh; bấm «Gửi» để gửi. Dấu ✔ hiện khi bot đã thực sự ghi nhận.', noBotRole: 'chưa có vai trò trong bot', botRole: 'vai trò trong bot: ',
      roles: { ADMIN: 'quản trị', SECRETARY: 'thư ký', LEADER: 'lãnh đạo', OFFICIAL: 'cán bộ' },
      steps: { setup: '1. Thiết lập cơ quan', join: '2. Mời và liên kết đơn vị', notice: '3. Gửi thông báo kết luận', publish: '4. Phát hành', report: '5. Báo cáo' },
      actions: {
        setup: 'đăng ký nhóm làm nhóm cơ quan:', 'leader-role': 'giao vai trò lãnh đạo cho Lê Phú Quốc (để ông dùng được /report):',
        invite: 'lấy mã mời (mỗi mã dùng một lần: gửi lại /invite cho mỗi đơn vị):', join: 'liên kết nhóm với đơn vị:',
        notice: 'gửi thông báo mẫu (bot đọc thành bản xem trước):', publish: 'bấm «Phát hành» dưới bản xem trước, hoặc gõ:',
        status: 'bấm «Đang thực hiện» dưới nhiệm vụ 1, hoặc trả lời (↩) tin nhắn nhiệm vụ bằng một tệp 📎, hoặc gõ:', report: 'xem tổng hợp tiến độ:',
      },
      as: ', trong ', fill: 'Điền', progress: (done, all) => done + '/' + all + ' bước',
      clockTitle: 'Đồng hồ của bot', moved: '(đã dời)',
      clockNote: 'Dời đồng hồ của bot tới ngày nhắc việc tiếp theo: nhắc việc và tổng hợp đến như vào ngày đó, qua đúng bộ lập lịch của bản chạy thật. Chỉ sandbox mới dời được đồng hồ.',
      toReport: 'Ngày báo cáo tiếp theo', toDeadline: 'Hạn chót tiếp theo', toSummary: 'Ngày tổng hợp tiếp theo', toNow: 'Về hiện tại', none: 'chưa có',
      movedTo: 'Đồng hồ của bot: ', ticks: ' lượt chạy bộ lập lịch',
      limitsNote: 'Giới hạn như Telegram: tin nhắn 1–4096 ký tự, chú thích tệp tối đa 1024 ký tự, tệp tối đa 20 MB (bot chỉ tải được tệp đến 20 MB).',
      errors: {
        'text-empty': () => 'Tin nhắn trống.',
        'text-too-long': (n, limit) => 'Tin nhắn dài ' + n + ' ký tự; Telegram cho phép tối đa ' + limit + '.',
        'caption-too-long': (n, limit) => 'Chú thích dài ' + n + ' ký tự; Telegram cho phép tối đa ' + limit + ' cho chú thích tệp.',
        'file-too-big': (n, limit) => 'Tệp lớn hơn ' + (limit / 1048576) + ' MB: bot chỉ tải được tệp đến ' + (limit / 1048576) + ' MB (giới hạn của Telegram Bot API).',
        'file-empty': () => 'Tệp trống (0 byte).',
      },
    },
    en: {
      you: 'You are', chat: 'Chat', topic: 'Topic', send: 'Send', placeholder: 'Message or /command', file: 'Send a file', other: 'Tiếng Việt',
      general: 'General', privateWith: 'Private with ', reply: '↩ Reply', replyTo: 'Reply to ', edited: ' · edited', pressing: 'Pressing…', sendingFile: 'Sending the file…',
      guide: 'Guide', whoTitle: 'Who you can be', howTo: 'Go step by step. «Fill in» picks the right person and chat and types the command; press «Send» to send it. A ✔ appears once the bot has really recorded it.', noBotRole: 'no role in the bot yet', botRole: 'role in the bot: ',
      roles: { ADMIN: 'admin', SECRETARY: 'secretary', LEADER: 'leader', OFFICIAL: 'official' },
      steps: { setup: '1. Set up the office', join: '2. Invite and link the units', notice: '3. Send a notice of conclusions', publish: '4. Publish', report: '5. Report' },
      actions: {
        setup: 'register the group as the office group:', 'leader-role': 'give Lê Phú Quốc the leader role (so that /report works for him):',
        invite: 'get an invite code (each code works once: send /invite again for each unit):', join: 'link the group to its unit:',
        notice: 'send the sample notice (the bot reads it into a preview):', publish: 'press «Phát hành» under the preview, or type:',
        status: 'press «Đang thực hiện» under directive 1, or reply (↩) to the directive with a file 📎, or type:', report: 'see the progress summary:',
      },
      as: ', in ', fill: 'Fill in', progress: (done, all) => done + '/' + all + ' steps',
      clockTitle: "The bot's clock", moved: '(moved)',
      clockNote: "Move the bot's clock to the next reminder day: reminders and summaries arrive as they would on that day, through the production scheduler. Only the sandbox can move the clock.",
      toReport: 'Next reporting day', toDeadline: 'Next deadline', toSummary: 'Next summary day', toNow: 'Back to now', none: 'none yet',
      movedTo: "Bot's clock: ", ticks: ' scheduler ticks',
      limitsNote: "Telegram's limits: messages 1–4096 characters, file captions up to 1024, files up to 20 MB (the largest a bot can download).",
      errors: {
        'text-empty': () => 'The message is empty.',
        'text-too-long': (n, limit) => 'The message is ' + n + ' characters long; Telegram allows ' + limit + '.',
        'caption-too-long': (n, limit) => 'The caption is ' + n + ' characters long; Telegram allows ' + limit + ' for a file caption.',
        'file-too-big': (n, limit) => 'The file is larger than ' + (limit / 1048576) + ' MB: a bot can only download files up to ' + (limit / 1048576) + ' MB (a Telegram Bot API limit).',
        'file-empty': () => 'The file is empty (0 bytes).',
      },
    },
  };
  const asked = new URLSearchParams(location.search).get('lang') || localStorage.getItem('sandbox-lang') || ((navigator.languages || [navigator.language])[0] || '').slice(0, 2);
  const state = { world: null, userId: null, chatId: null, threadId: '', replyTo: null, lang: asked === 'en' ? 'en' : 'vi', guide: [], clock: null };
  const t = () => TEXTS[state.lang];
  const api = async (path, options) => {
    const response = await fetch(path, options);
    const body = await response.json();
    if (!response.ok) {
      const explain = body.code && t().errors[body.code];
      throw new Error(explain ? explain(body.length || 0, body.limit) : body.error || response.statusText);
    }
    return body;
  };
  const show = (text) => { const el = $('toast'); el.textContent = text; el.hidden = false; clearTimeout(show.timer); show.timer = setTimeout(() => { el.hidden = true; }, 3500); };
  const status = (text, isError) => { const el = $('statusText'); el.textContent = text || ''; el.className = isError ? 'error' : ''; };
  const fail = (error) => status(error.message, true);
  const trimmedLength = (text) => text.trim().length;

  function option(value, text) { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; }
  function nameOf(id) { const r = state.world.roles.find((x) => x.id === id); return r ? r.name + (r.username ? ' @' + r.username : '') : ''; }
  function botRolesText(r) { return r.botRoles.length ? t().botRole + r.botRoles.map((x) => t().roles[x] || x).join(', ') : t().noBotRole; }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t()[el.dataset.t]; });
    $('lang').textContent = t().other;
    $('text').placeholder = t().placeholder;
    $('send').textContent = t().send;
    $('file').setAttribute('aria-label', t().file);
    $('toReport').textContent = t().toReport; $('toDeadline').textContent = t().toDeadline; $('toSummary').textContent = t().toSummary; $('toNow').textContent = t().toNow;
    if (state.world) { renderRoles(); renderChats(); renderGuide(); renderClock(); loadMessages(); }
  }

  async function loadWorld() {
    state.world = await api('/sandbox/api/world');
    if (state.userId === null) state.userId = state.world.roles[0].id;
    renderRoles();
    renderChats();
  }

  function renderRoles() {
    const role = $('role');
    role.replaceChildren(...state.world.roles.map((r) => option(r.id, r.name + ' @' + r.username + ' · ' + r.label + ' (' + botRolesText(r) + ')')));
    role.value = String(state.userId);
    $('people').replaceChildren(...state.world.roles.map((r) => {
      const li = document.createElement('li');
      const who = document.createElement('b'); who.textContent = r.name + ' @' + r.username;
      li.append(who, ' — ' + r.label + '; ' + botRolesText(r));
      return li;
    }));
  }

  function chatsOf(userId) {
    const chats = state.world.chats.filter((c) => c.type === 'private' ? c.privateOf === userId : c.members.includes(userId));
    if (!chats.some((c) => c.privateOf === userId)) chats.push({ id: userId, type: 'private', privateOf: userId, title: '', topics: [], isForum: false });
    return chats;
  }
  function chatTitle(c) { return c.type === 'private' ? t().privateWith + state.world.bot.name : c.title; }

  function renderChats() {
    const chats = chatsOf(state.userId);
    const select = $('chat');
    select.replaceChildren(...chats.map((c) => option(c.id, chatTitle(c))));
    if (!chats.some((c) => c.id === state.chatId)) state.chatId = chats[0] ? chats[0].id : null;
    select.value = String(state.chatId);
    const chat = chats.find((c) => c.id === state.chatId);
    const topics = chat && chat.isForum ? chat.topics : [];
    $('topicLabel').hidden = topics.length === 0;
    $('topic').replaceChildren(option('', t().general), ...topics.map((x) => option(x.id, x.name)));
    if (!topics.some((x) => String(x.id) === state.threadId)) state.threadId = '';
    $('topic').value = state.threadId;
  }

  async function loadMessages() {
    if (state.chatId === null) return;
    const query = '?chatId=' + state.chatId + (state.threadId ? '&threadId=' + state.threadId : '');
    const { messages } = await api('/sandbox/api/messages' + query);
    const box = $('messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    box.replaceChildren(...messages.map(renderMessage));
    if (atBottom || loadMessages.first !== state.chatId + ':' + state.threadId) box.scrollTop = box.scrollHeight;
    loadMessages.first = state.chatId + ':' + state.threadId;
  }

  function renderMessage(m) {
    if (m.service) { const s = document.createElement('div'); s.className = 'service'; s.textContent = m.service; return s; }
    const el = document.createElement('div');
    el.className = 'msg' + (m.fromBot ? ' bot' : '') + (m.fromId === state.userId ? ' own' : '');
    el.dataset.messageId = m.id;
    const who = document.createElement('div'); who.className = 'who'; who.textContent = m.fromName; el.append(who);
    if (m.replyTo) { const q = document.createElement('div'); q.className = 'quote'; q.textContent = m.replyTo.name + ': ' + m.replyTo.snippet; el.append(q); }
    if (m.photo) { const img = document.createElement('img'); img.src = m.photo.url; img.alt = 'Ảnh'; el.append(img); }
    if (m.document) {
      const d = document.createElement('div'); d.className = 'doc';
      const a = document.createElement('a'); a.href = m.document.url; a.target = '_blank'; a.textContent = '📄 ' + m.document.name + ' (' + Math.max(1, Math.round(m.document.size / 1024)) + ' KB)';
      d.append(a); el.append(d);
    }
    const body = document.createElement('div'); body.className = 'text'; body.innerHTML = m.html; el.append(body);
    body.querySelectorAll('.spoiler').forEach((s) => s.addEventListener('click', () => s.classList.add('shown')));
    if (m.buttons) {
      const kb = document.createElement('div'); kb.className = 'keyboard';
      for (const row of m.buttons) {
        const r = document.createElement('div'); r.className = 'row';
        for (const b of row) {
          if (b.url) { const a = document.createElement('a'); a.href = b.url; a.target = '_blank'; a.rel = 'noopener'; a.textContent = b.text + ' ↗'; r.append(a); continue; }
          const button = document.createElement('button'); button.type = 'button'; button.textContent = b.text;
          button.addEventListener('click', () => press(m.id, b.data));
          r.append(button);
        }
        kb.append(r);
      }
      el.append(kb);
    }
    const meta = document.createElement('div'); meta.className = 'meta';
    meta.textContent = new Date(m.date * 1000).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) + (m.edited ? t().edited : '');
    const replyButton = document.createElement('button'); replyButton.type = 'button'; replyButton.className = 'reply-action'; replyButton.textContent = t().reply;
    replyButton.addEventListener('click', () => { state.replyTo = m.id; $('replyText').textContent = t().replyTo + m.fromName + ': ' + (body.textContent || (m.document && m.document.name) || '').slice(0, 60); $('replyBar').hidden = false; $('text').focus(); });
    meta.append(replyButton);
    el.append(meta);
    return el;
  }

  async function press(messageId, data) {
    try {
      status(t().pressing);
      const { answer } = await api('/sandbox/api/press', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: state.userId, chatId: state.chatId, messageId, data }) });
      status('');
      if (answer && answer.text) show(answer.text);
    } catch (error) { fail(error); }
  }

  async function loadGuide() {
    const [{ steps }, clock] = await Promise.all([api('/sandbox/api/guide'), api('/sandbox/api/clock')]);
    state.guide = steps; state.clock = clock;
    renderGuide(); renderClock();
  }

  function renderGuide() {
    const done = state.guide.filter((s) => s.done).length;
    const open = state.guide.find((s) => !s.done);
    // A moved clock shows in the title, which stays in sight when the guide is scrolled or on a phone.
    $('guideClock').textContent = state.clock && state.clock.moved ? t().movedTo + formatInstant(state.clock.now) + ' ' + t().moved : '';
    $('guideTitle').textContent = t().guide + ' · ' + t().progress(done, state.guide.length);
    $('steps').replaceChildren(...state.guide.map((step) => {
      const section = document.createElement('section'); section.className = 'step' + (step.done ? ' done' : ''); section.dataset.step = step.id;
      const h = document.createElement('h3'); const tick = document.createElement('span'); tick.className = 'tick'; tick.textContent = step.done ? '✔' : '○';
      h.append(tick, t().steps[step.id]); section.append(h);
      for (const action of step.actions) section.append(renderAction(action));
      return section;
    }));
    // When a step is done, the next one comes into view (under the sticky title).
    const next = open ? open.id : 'clock';
    if (next !== renderGuide.open) {
      renderGuide.open = next;
      const section = next === 'clock' ? $('clock') : document.querySelector('[data-step="' + next + '"]');
      if (done > 0 && section) $('guide').scrollTop = section.offsetTop - $('guideTitle').offsetHeight;
    }
  }

  function renderAction(action) {
    const row = document.createElement('div'); row.className = 'action' + (action.done ? ' done' : ''); row.dataset.action = action.id;
    const tick = document.createElement('span'); tick.className = 'tick'; tick.textContent = action.done ? '✔' : '○';
    const what = document.createElement('div'); what.className = 'what';
    const chat = chatsOf(action.userId).find((c) => c.id === action.chatId);
    const who = document.createElement('b'); who.textContent = nameOf(action.userId);
    what.append(who, t().as + (chat ? chatTitle(chat) : '') + ': ' + t().actions[action.id]);
    if (action.text) { const code = document.createElement('code'); code.textContent = action.text; what.append(code); }
    row.append(tick, what);
    if (action.text) {
      const fill = document.createElement('button'); fill.type = 'button'; fill.textContent = t().fill;
      fill.setAttribute('aria-label', t().fill + ': ' + action.text.split('\\n')[0]);
      fill.addEventListener('click', () => {
        state.userId = action.userId; state.chatId = action.chatId; state.threadId = ''; clearReply();
        $('role').value = String(action.userId); renderChats(); loadMessages().catch(fail);
        $('text').value = action.text; updateCounter(); $('text').focus();
      });
      row.append(fill);
    }
    return row;
  }

  // dd/mm/yyyy in the office's zone, whatever the browser's; with the time unless dateOnly.
  function formatInstant(iso, dateOnly) {
    const time = dateOnly ? {} : { hour: '2-digit', minute: '2-digit' };
    return new Intl.DateTimeFormat('en-GB', { timeZone: state.clock.timeZone, day: '2-digit', month: '2-digit', year: 'numeric', ...time }).format(new Date(iso));
  }

  function renderClock() {
    const clock = state.clock;
    if (!clock) return;
    $('clockNow').textContent = formatInstant(clock.now);
    $('clockMoved').textContent = clock.moved ? t().moved : '';
    for (const [id, key] of [['toReport', 'report'], ['toDeadline', 'deadline'], ['toSummary', 'summary']]) {
      const when = clock.next[key];
      $(id).textContent = t()[id] + ' (' + (when ? formatInstant(when, true) : t().none) + ')';
      $(id).disabled = !when;
    }
    $('toNow').disabled = !clock.moved;
  }

  async function moveClock(to) {
    const buttons = document.querySelectorAll('#clock button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      status('…');
      state.clock = await api('/sandbox/api/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to }) });
      status('');
      show(t().movedTo + formatInstant(state.clock.now) + (state.clock.ticks ? ' · ' + state.clock.ticks + t().ticks : ''));
      // The sample notice is dated by the bot's clock.
      await loadGuide();
    } catch (error) { fail(error); }
    renderClock();
  }

  function clearReply() { state.replyTo = null; $('replyBar').hidden = true; }

  function updateCounter() {
    const n = trimmedLength($('text').value);
    const limit = state.world ? state.world.limits.text : 4096;
    const el = $('counter');
    el.textContent = n > limit * 0.9 ? n + '/' + limit : '';
    el.className = n > limit ? 'over' : '';
  }

  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('text').value;
    if (!text.trim()) return;
    const n = trimmedLength(text);
    if (n > state.world.limits.text) { status(t().errors['text-too-long'](n, state.world.limits.text), true); return; }
    try {
      await api('/sandbox/api/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: state.userId, chatId: state.chatId, threadId: state.threadId ? Number(state.threadId) : undefined, text, replyTo: state.replyTo || undefined }) });
      $('text').value = ''; updateCounter(); clearReply(); status('');
    } catch (error) { fail(error); }
  });
  $('text').addEventListener('keydown', (event) => { if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('composer').requestSubmit(); } });
  $('text').addEventListener('input', updateCounter);
  $('file').addEventListener('change', async () => {
    const file = $('file').files[0];
    if (!file) return;
    const caption = $('text').value;
    const limits = state.world.limits;
    const refuse = (message) => { status(message, true); $('file').value = ''; };
    if (file.size > limits.fileBytes) return refuse(t().errors['file-too-big'](file.size, limits.fileBytes));
    if (file.size === 0) return refuse(t().errors['file-empty']());
    if (trimmedLength(caption) > limits.caption) return refuse(t().errors['caption-too-long'](trimmedLength(caption), limits.caption));
    const query = new URLSearchParams({ userId: state.userId, chatId: state.chatId, fileName: file.name, caption });
    if (state.threadId) query.set('threadId', state.threadId);
    if (state.replyTo) query.set('replyTo', state.replyTo);
    try {
      status(t().sendingFile);
      await api('/sandbox/api/upload?' + query, { method: 'POST', body: file });
      $('text').value = ''; $('file').value = ''; updateCounter(); clearReply(); status('');
    } catch (error) { $('file').value = ''; fail(error); }
  });
  $('cancelReply').addEventListener('click', clearReply);
  $('role').addEventListener('change', () => { state.userId = Number($('role').value); clearReply(); renderChats(); loadMessages().catch(fail); });
  $('chat').addEventListener('change', () => { state.chatId = Number($('chat').value); state.threadId = ''; clearReply(); renderChats(); loadMessages().catch(fail); });
  $('topic').addEventListener('change', () => { state.threadId = $('topic').value; clearReply(); loadMessages().catch(fail); });
  $('lang').addEventListener('click', () => { state.lang = state.lang === 'en' ? 'vi' : 'en'; localStorage.setItem('sandbox-lang', state.lang); applyLanguage(); });
  document.querySelectorAll('#clock button').forEach((b) => b.addEventListener('click', () => moveClock(b.dataset.to)));

  // The guide is read again after anything happens, a little later, once for a burst of events.
  let guideTimer;
  const refreshGuide = () => { clearTimeout(guideTimer); guideTimer = setTimeout(() => loadWorld().then(loadGuide).catch(fail), 150); };
  const events = new EventSource('/sandbox/api/events');
  events.addEventListener('chat', () => { loadMessages().catch(fail); refreshGuide(); });
  events.addEventListener('world', () => { loadWorld().then(loadMessages).catch(fail); refreshGuide(); });
  // On a phone the list of people folds away; the person picker names them too.
  if (window.matchMedia('(max-width: 900px)').matches) $('peopleBox').open = false;
  applyLanguage();
  loadWorld().then(() => Promise.all([loadMessages(), loadGuide()])).catch(fail);
})();
</script>
</body>
</html>
`;
