/**
 * The sandbox chat page: one self-contained HTML document (inline CSS and a little plain
 * JavaScript, no build step, nothing fetched from elsewhere). The layout is a single column, so
 * it works on a phone: pickers for who you are, which chat and which topic on top, the chat in
 * the middle, the composer at the bottom. Message bodies arrive as HTML rendered on the server
 * from Telegram entities; everything else is inserted as text.
 */
export const sandboxPageHtml = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dondoc sandbox</title>
<style>
  :root { --bg: #e6ebee; --bubble: #fff; --own: #e1ffc7; --accent: #3390ec; --muted: #707579; }
  * { box-sizing: border-box; }
  html, body { height: 100%; margin: 0; }
  body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); display: flex; flex-direction: column; }
  header { background: #fff; padding: 8px 10px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  header h1 { font-size: 16px; margin: 0 6px 0 0; white-space: nowrap; }
  header label { display: flex; flex-direction: column; font-size: 11px; color: var(--muted); flex: 1 1 160px; min-width: 0; }
  header select { font: inherit; padding: 6px; border: 1px solid #ccd; border-radius: 8px; background: #fff; width: 100%; }
  #topicLabel[hidden] { display: none; }
  main { flex: 1; overflow-y: auto; padding: 10px; display: flex; flex-direction: column; gap: 6px; }
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
  .keyboard button, .keyboard a { flex: 1; font: inherit; font-size: 14px; padding: 7px 6px; border: 0; border-radius: 8px; background: rgba(51,144,236,.12); color: var(--accent); cursor: pointer; text-align: center; text-decoration: none; }
  .reply-action { border: 0; background: none; color: var(--muted); cursor: pointer; font-size: 12px; padding: 0 0 0 6px; }
  .service { align-self: center; background: rgba(0,0,0,.25); color: #fff; font-size: 13px; border-radius: 12px; padding: 3px 10px; text-align: center; }
  footer { background: #fff; padding: 8px; display: flex; flex-direction: column; gap: 6px; box-shadow: 0 -1px 2px rgba(0,0,0,.08); }
  #replyBar { font-size: 13px; color: var(--muted); display: flex; justify-content: space-between; }
  #replyBar[hidden] { display: none; }
  form { display: flex; gap: 6px; align-items: flex-end; }
  textarea { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #ccd; border-radius: 18px; resize: none; max-height: 140px; min-width: 0; }
  form button, .file { font: inherit; border: 0; border-radius: 18px; padding: 8px 14px; background: var(--accent); color: #fff; cursor: pointer; }
  .file { background: #eef; color: var(--accent); position: relative; overflow: hidden; }
  .file input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
  #toast { position: fixed; left: 50%; top: 70px; transform: translateX(-50%); background: rgba(0,0,0,.8); color: #fff; padding: 8px 14px; border-radius: 10px; max-width: 90%; }
  #toast[hidden] { display: none; }
  #status { font-size: 12px; color: var(--muted); min-height: 1em; }
</style>
</head>
<body>
<header>
  <h1>dondoc sandbox</h1>
  <a href="/zalo">Zalo</a>
  <label>Bạn là<select id="role" aria-label="Vai"></select></label>
  <label>Cuộc trò chuyện<select id="chat" aria-label="Cuộc trò chuyện"></select></label>
  <label id="topicLabel" hidden>Chủ đề<select id="topic" aria-label="Chủ đề"></select></label>
</header>
<main id="messages" aria-live="polite"></main>
<footer>
  <div id="replyBar" hidden><span id="replyText"></span><button class="reply-action" id="cancelReply" type="button">✕</button></div>
  <form id="composer">
    <label class="file" title="Gửi tệp">📎<input id="file" type="file" aria-label="Gửi tệp"></label>
    <textarea id="text" rows="1" placeholder="Tin nhắn hoặc /lệnh" aria-label="Tin nhắn"></textarea>
    <button type="submit" id="send">Gửi</button>
  </form>
  <div id="status"></div>
</footer>
<div id="toast" hidden></div>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { world: null, userId: null, chatId: null, threadId: '', replyTo: null };
  const api = async (path, options) => {
    const response = await fetch(path, options);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  };
  const show = (text) => { const t = $('toast'); t.textContent = text; t.hidden = false; clearTimeout(show.timer); show.timer = setTimeout(() => { t.hidden = true; }, 3500); };
  const status = (text) => { $('status').textContent = text || ''; };

  function option(value, text) { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; }

  async function loadWorld() {
    state.world = await api('/sandbox/api/world');
    const role = $('role');
    if (!role.options.length) {
      for (const r of state.world.roles) role.append(option(r.id, r.name + ' (' + r.label + ')'));
      state.userId = Number(role.value);
    }
    renderChats();
  }

  function renderChats() {
    const chats = state.world.chats.filter((c) => c.type === 'private' ? c.privateOf === state.userId : c.members.includes(state.userId));
    if (!chats.some((c) => c.privateOf === state.userId)) chats.push({ id: state.userId, type: 'private', title: 'Riêng với ' + state.world.bot.name, topics: [], isForum: false });
    const select = $('chat');
    select.replaceChildren(...chats.map((c) => option(c.id, c.title)));
    if (!chats.some((c) => c.id === state.chatId)) state.chatId = chats[0] ? chats[0].id : null;
    select.value = String(state.chatId);
    const chat = chats.find((c) => c.id === state.chatId);
    const topics = chat && chat.isForum ? chat.topics : [];
    $('topicLabel').hidden = topics.length === 0;
    $('topic').replaceChildren(option('', 'Chung (General)'), ...topics.map((t) => option(t.id, t.name)));
    if (!topics.some((t) => String(t.id) === state.threadId)) state.threadId = '';
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
    meta.textContent = new Date(m.date * 1000).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) + (m.edited ? ' · đã sửa' : '');
    const replyButton = document.createElement('button'); replyButton.type = 'button'; replyButton.className = 'reply-action'; replyButton.textContent = '↩ Trả lời';
    replyButton.addEventListener('click', () => { state.replyTo = m.id; $('replyText').textContent = 'Trả lời ' + m.fromName + ': ' + (body.textContent || '').slice(0, 60); $('replyBar').hidden = false; $('text').focus(); });
    meta.append(replyButton);
    el.append(meta);
    return el;
  }

  async function press(messageId, data) {
    try {
      status('Đang bấm nút…');
      const { answer } = await api('/sandbox/api/press', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: state.userId, chatId: state.chatId, messageId, data }) });
      status('');
      if (answer && answer.text) show(answer.text);
    } catch (error) { status(error.message); }
  }

  function clearReply() { state.replyTo = null; $('replyBar').hidden = true; }

  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('text').value;
    if (!text.trim()) return;
    try {
      await api('/sandbox/api/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: state.userId, chatId: state.chatId, threadId: state.threadId ? Number(state.threadId) : undefined, text, replyTo: state.replyTo || undefined }) });
      $('text').value = ''; clearReply(); status('');
    } catch (error) { status(error.message); }
  });
  $('text').addEventListener('keydown', (event) => { if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('composer').requestSubmit(); } });
  $('file').addEventListener('change', async () => {
    const file = $('file').files[0];
    if (!file) return;
    const caption = $('text').value;
    const query = new URLSearchParams({ userId: state.userId, chatId: state.chatId, fileName: file.name, caption });
    if (state.threadId) query.set('threadId', state.threadId);
    try {
      status('Đang gửi tệp…');
      await api('/sandbox/api/upload?' + query, { method: 'POST', body: file });
      $('text').value = ''; $('file').value = ''; status('');
    } catch (error) { status(error.message); }
  });
  $('cancelReply').addEventListener('click', clearReply);
  $('role').addEventListener('change', () => { state.userId = Number($('role').value); clearReply(); renderChats(); loadMessages(); });
  $('chat').addEventListener('change', () => { state.chatId = Number($('chat').value); state.threadId = ''; clearReply(); renderChats(); loadMessages(); });
  $('topic').addEventListener('change', () => { state.threadId = $('topic').value; clearReply(); loadMessages(); });

  const events = new EventSource('/sandbox/api/events');
  events.addEventListener('chat', () => loadMessages());
  events.addEventListener('world', () => loadWorld().then(loadMessages));
  loadWorld().then(loadMessages).catch((error) => status(error.message));
})();
</script>
</body>
</html>
`;
