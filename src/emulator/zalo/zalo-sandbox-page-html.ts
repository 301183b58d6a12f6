/**
 * The Zalo side of the sandbox chat page: one self-contained HTML document, like the Telegram
 * page, in Zalo's colours. Zalo shows bots' messages as plain text, so every message is inserted
 * as text, never as HTML: what you see is what an official sees on Zalo. It polls the JSON API
 * of `zalo-sandbox.ts` once a second.
 */
export const zaloSandboxPageHtml = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dondoc sandbox — Zalo</title>
<style>
  :root { --bg: #eef0f1; --own: #dbebff; --accent: #0068ff; --muted: #7589a3; }
  * { box-sizing: border-box; }
  html, body { height: 100%; margin: 0; }
  body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); display: flex; flex-direction: column; }
  header { background: var(--accent); color: #fff; padding: 8px 10px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
  header h1 { font-size: 16px; margin: 0 6px 0 0; white-space: nowrap; }
  header a { color: #fff; font-size: 13px; }
  header label { display: flex; flex-direction: column; font-size: 11px; flex: 1 1 160px; min-width: 0; }
  header select { font: inherit; padding: 6px; border: 0; border-radius: 8px; width: 100%; }
  main { flex: 1; overflow-y: auto; padding: 10px; display: flex; flex-direction: column; gap: 6px; }
  .msg { max-width: min(560px, 88%); align-self: flex-start; background: #fff; border-radius: 10px; padding: 6px 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
  .msg.own { align-self: flex-end; background: var(--own); }
  .msg .who { font-weight: 600; font-size: 13px; color: var(--muted); }
  footer { background: #fff; padding: 8px; display: flex; flex-direction: column; gap: 4px; }
  form { display: flex; gap: 6px; align-items: flex-end; }
  textarea { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #ccd; border-radius: 18px; resize: none; min-width: 0; }
  form button { font: inherit; border: 0; border-radius: 18px; padding: 8px 14px; background: var(--accent); color: #fff; cursor: pointer; }
  #mentionLabel { font-size: 12px; color: var(--muted); }
  #mentionLabel[hidden] { display: none; }
</style>
</head>
<body>
<header>
  <h1>dondoc — Zalo</h1>
  <a href="/">Telegram</a>
  <label>Bạn là<select id="role" aria-label="Vai"></select></label>
  <label>Cuộc trò chuyện<select id="chat" aria-label="Cuộc trò chuyện"></select></label>
</header>
<main id="messages" aria-live="polite"></main>
<footer>
  <label id="mentionLabel" hidden><input id="mention" type="checkbox" checked aria-label="Nhắc tên bot"> Nhắc tên bot (@): trong nhóm, bot chỉ thấy những gì nhắc đến nó</label>
  <form id="composer">
    <textarea id="text" rows="1" placeholder="Tin nhắn, /lệnh, xong 4 …, hoặc một số" aria-label="Tin nhắn"></textarea>
    <button type="submit">Gửi</button>
  </form>
</footer>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  let world = null;
  let shown = '';
  async function api(path, body) {
    const response = await fetch(path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : undefined);
    if (!response.ok) throw new Error((await response.json()).error);
    return response.json();
  }
  function option(value, text) { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; }
  function renderChats() {
    const role = $('role').value;
    const chats = world.chats.filter((chat) => chat.members.includes(role));
    $('chat').replaceChildren(...chats.map((chat) => option(chat.id, chat.type === 'PRIVATE' ? 'Riêng với ' + world.bot : chat.title)));
    shown = '';
    void refresh();
  }
  async function refresh() {
    const chatId = $('chat').value;
    if (!chatId) return;
    const chat = world.chats.find((candidate) => candidate.id === chatId);
    $('mentionLabel').hidden = chat.type !== 'GROUP';
    const messages = await api('/sandbox/zalo/messages?chatId=' + encodeURIComponent(chatId));
    const key = chatId + ':' + messages.length;
    if (key === shown) return;
    shown = key;
    $('messages').replaceChildren(...messages.map((m) => {
      const div = document.createElement('div');
      div.className = 'msg' + (m.fromId === $('role').value ? ' own' : '');
      const who = document.createElement('div');
      who.className = 'who';
      who.textContent = m.fromName;
      div.append(who, document.createTextNode(m.text));
      return div;
    }));
    $('messages').scrollTop = $('messages').scrollHeight;
  }
  $('role').addEventListener('change', renderChats);
  $('chat').addEventListener('change', () => { shown = ''; void refresh(); });
  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    $('text').value = '';
    await api('/sandbox/zalo/send', { userId: $('role').value, chatId: $('chat').value, text, mention: $('mention').checked });
    void refresh();
  });
  $('text').addEventListener('keydown', (event) => { if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('composer').requestSubmit(); } });
  api('/sandbox/zalo/world').then((loaded) => {
    world = loaded;
    $('role').replaceChildren(...world.roles.map((role) => option(role.id, role.name + ' (' + role.label + ')')));
    renderChats();
    setInterval(() => void refresh(), 1000);
  });
})();
</script>
</body>
</html>
`;
