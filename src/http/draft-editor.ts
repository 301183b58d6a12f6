/**
 * The web draft editor, served by the one HTTP server:
 * - `GET /editor/<noticeId>?p=<personId>&exp=…&sig=…` shows the draft to the secretary the link
 *   was signed for; `POST` to the same path saves it (`action=save`) or publishes it
 *   (`action=publish`). The signed fields travel in the form, so a POST without them (a forged
 *   cross-site form) is refused like an altered link. The person's role is checked on every request.
 * - `GET /editor-app/<noticeId>` is the Telegram Mini App's first page (private chats): its
 *   same-origin script (`/editor-app.js`) posts Telegram's `initData` back, which is checked
 *   with the bot token; the answer is the same signed editor address, for the person Telegram named.
 *
 * The bot asks for the preview button's address through {@link DraftEditor.linkFor} (the
 * `draftEditor` port of BotServices): a Mini App in a Telegram private chat when the public
 * address is https (Telegram opens Mini Apps over https only), a signed link everywhere else.
 *
 * ```ts
 * const editor = createDraftEditor({ services, secret, telegramToken });
 * services.draftEditor = editor;
 * const http = await startHttpServer({ host, port, routes: [editor.route], logger });
 * editor.serveAt(http.url);
 * ```
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIsoDate, type LocalDate } from '../domain/local-date.js';
import { UNIT_KINDS } from '../domain/routing/index.js';
import { translator } from '../i18n.js';
import type { BotServices, DraftEditorLinks } from '../bot/context.js';
import { openDraft, publishDraft, saveEdits, type DirectiveEdit, type EditableDraft } from '../bot/draft-editing.js';
import { UserError } from '../bot/errors.js';
import { stripTags } from '../bot/router.js';
import { unitKindOf } from '../store/units.js';
import { editorPage, editorTexts, miniAppPage, messagePage, type EditorNotice, type PageMessage } from './draft-editor-page.js';
import { checkInitData } from './telegram-init-data.js';
import { readBody } from './read-body.js';
import type { Route } from './server.js';
import { checkLink, signLink } from './signed-link.js';

/** The editor's routes and the link maker the bot uses. */
export interface DraftEditor extends DraftEditorLinks {
  readonly route: Route;
  /** Sets the public base URL links point at; until then {@link linkFor} throws. */
  serveAt(baseUrl: string): void;
}

export interface DraftEditorOptions {
  /** The bot's services: the editor saves and publishes through them, as the chat does. */
  services: BotServices;
  /** HMAC key of the links. */
  secret: string;
  /** The Telegram bot's token, which signs Mini App launch data; without it no Mini App is offered. */
  telegramToken?: string;
  /** How long a link stays valid; 8 hours (a working day) by default. */
  linkTtlHours?: number;
}

const editorPrefix = '/editor/';
const appPrefix = '/editor-app/';
const appScriptPath = '/editor-app.js';
/** The largest form the editor posts: a few hundred directives' unit ids. */
const maxFormBytes = 512 * 1024;

/** Creates the draft editor for a running process. */
export function createDraftEditor(options: DraftEditorOptions): DraftEditor {
  const { services, secret, telegramToken } = options;
  const ttlMs = (options.linkTtlHours ?? 8) * 3_600_000;
  let baseUrl: string | undefined;

  function signedPath(noticeId: string, personId: string): { path: string; expiresAt: Date } {
    const { expires, signature } = signLink(secret, ['draft-editor', noticeId, personId], new Date(services.now().getTime() + ttlMs));
    return { path: `${editorPrefix}${noticeId}?p=${encodeURIComponent(personId)}&exp=${expires}&sig=${signature}`, expiresAt: new Date(expires * 1000) };
  }

  const route: Route = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://editor.invalid');
    if (req.method === 'GET' && url.pathname === appScriptPath) {
      res.writeHead(200, { ...securityHeaders(), 'content-type': 'text/javascript; charset=utf-8' }).end(miniAppScript);
      return true;
    }
    if (url.pathname.startsWith(appPrefix)) return miniApp(req, res, url.pathname.slice(appPrefix.length));
    if (url.pathname.startsWith(editorPrefix)) return editor(req, res, url);
    return false;
  };

  /** The signed editor: GET shows, POST saves or publishes. */
  async function editor(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'POST') return false;
    const noticeId = url.pathname.slice(editorPrefix.length);
    let fields = url.searchParams;
    if (req.method === 'POST') {
      // A form posted from another site carries no signature; one that says it came from elsewhere is refused outright.
      if (!sameOrigin(req)) return answerWith(res, 'tampered');
      const body = await readBody(req, maxFormBytes);
      if (!body) return answerWith(res, 'tampered', 413);
      fields = new URLSearchParams(body.toString('utf8'));
    }
    const personId = fields.get('p') ?? '';
    const expires = fields.get('exp');
    const signature = fields.get('sig');
    const check = checkLink(secret, ['draft-editor', noticeId, personId], expires, signature, services.now());
    if (check !== 'valid') return answerWith(res, check);
    const draft = await openDraft(services, noticeId, personId);
    if (draft === 'closed' || draft === 'not-allowed') return answerWith(res, draft);

    const view = { action: `${editorPrefix}${noticeId}`, signedFields: { p: personId, exp: expires!, sig: signature! }, linkExpires: new Date(Number(expires) * 1000) };
    const l = editorTexts(draft.locale);
    if (req.method === 'GET') {
      const saved = url.searchParams.get('saved');
      const notice: EditorNotice | undefined = saved === null ? undefined : { kind: 'ok', text: saved === '' ? l.unchanged : l.saved(saved) };
      return page(res, 200, draft, view, notice);
    }

    const edits = readEdits(fields, draft);
    if ('error' in edits) return page(res, 400, draft, view, { kind: 'error', text: edits.error });
    const { changed } = await saveEdits(services, draft, edits);
    if (fields.get('action') === 'publish') {
      // Publishing reads the draft as just saved; the role was checked above, on this very request.
      const saved = await openDraft(services, noticeId, personId);
      if (saved === 'closed' || saved === 'not-allowed') return answerWith(res, saved);
      try {
        await publishDraft(services, saved);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        return page(res, 409, saved, view, { kind: 'error', text: stripTags(translator(saved.locale)(error.messageId, error.args)) });
      }
      return answerWith(res, 'published', 200);
    }
    // Post/redirect/get: reloading the page shows it again instead of posting twice.
    const back = `${editorPrefix}${noticeId}?${new URLSearchParams({ ...view.signedFields, saved: changed.join(', ') }).toString()}`;
    res.writeHead(303, { ...securityHeaders(), location: back }).end();
    return true;
  }

  /** The Mini App: GET its first page; POST the launch data, answered with the signed editor address. */
  async function miniApp(req: IncomingMessage, res: ServerResponse, noticeId: string): Promise<boolean> {
    if (req.method === 'GET') {
      const nonce = newNonce();
      res.writeHead(200, { ...securityHeaders(nonce, true), 'content-type': 'text/html; charset=utf-8' }).end(miniAppPage(nonce, appScriptPath));
      return true;
    }
    if (req.method !== 'POST') return false;
    const refuseJson = (reason: PageMessage) => {
      res.writeHead(403, { ...securityHeaders(), 'content-type': 'application/json' }).end(JSON.stringify({ refused: reason }));
      return true;
    };
    const body = sameOrigin(req) ? await readBody(req, 16 * 1024) : undefined;
    const initData = body ? new URLSearchParams(body.toString('utf8')).get('initData') : null;
    if (!telegramToken || !initData) return refuseJson('tampered');
    const check = checkInitData(initData, telegramToken, services.now());
    if (check.status !== 'valid') return refuseJson(check.status);
    const person = await services.db.person.findUnique({ where: { platform_externalId: { platform: 'TELEGRAM', externalId: String(check.user.id) } } });
    const draft = person ? await openDraft(services, noticeId, person.id) : 'not-allowed';
    if (draft === 'closed' || draft === 'not-allowed') return refuseJson(draft);
    res.writeHead(200, { ...securityHeaders(), 'content-type': 'application/json' }).end(JSON.stringify({ url: signedPath(noticeId, draft.person.id).path }));
    return true;
  }

  function page(res: ServerResponse, status: number, draft: EditableDraft, view: { action: string; signedFields: Record<string, string>; linkExpires: Date }, notice?: EditorNotice): true {
    const nonce = newNonce();
    const html = editorPage({ draft, t: translator(draft.locale), ...view, notice, nonce });
    res.writeHead(status, { ...securityHeaders(nonce), 'content-type': 'text/html; charset=utf-8' }).end(html);
    return true;
  }

  return {
    route,
    serveAt(url) {
      baseUrl = url.replace(/\/+$/, '');
    },
    linkFor({ noticeId, personId, platform, privateChat }) {
      if (!baseUrl) throw new Error('draft editor: serveAt() was not called');
      // Telegram takes a Mini App button only in a private chat, and opens only https pages in it.
      if (platform === 'TELEGRAM' && privateChat && telegramToken && baseUrl.startsWith('https://')) {
        return { url: `${baseUrl}${appPrefix}${noticeId}`, webApp: true };
      }
      return { url: `${baseUrl}${signedPath(noticeId, personId).path}`, webApp: false };
    },
  };
}

/** The page's form as edits: units by id or by kind ("all communes"), the deadline as a day or "thường xuyên". */
function readEdits(fields: URLSearchParams, draft: EditableDraft): DirectiveEdit[] | { error: string } {
  const l = editorTexts(draft.locale);
  const known = new Set(draft.units.map((unit) => unit.id));
  const expand = (values: string[]): string[] | null => {
    const ids: string[] = [];
    for (const value of values) {
      const kind = value.startsWith('kind:') ? value.slice('kind:'.length) : null;
      if (kind !== null && (UNIT_KINDS as readonly string[]).includes(kind)) ids.push(...draft.units.filter((unit) => unitKindOf(unit) === kind).map((unit) => unit.id));
      else if (known.has(value)) ids.push(value);
      else return null;
    }
    return ids;
  };
  const edits: DirectiveEdit[] = [];
  // Only the rows the form carries are edited: a select with nothing picked sends nothing, and the row says it was there.
  for (const id of new Set(fields.getAll('row'))) {
    const directive = draft.notice.directives.find((d) => d.id === id);
    if (!directive) return { error: l.unknownUnit };
    const lead = expand(fields.getAll(`lead:${id}`));
    const support = expand(fields.getAll(`support:${id}`));
    if (!lead || !support) return { error: l.unknownUnit };
    if (lead.length === 0 && support.length > 0) return { error: l.needsLead(directive.ordinal) };
    const date = fields.get(`due:${id}`) ?? '';
    if (date !== '' && !isIsoDate(date)) return { error: l.badDate(directive.ordinal) };
    const due = fields.has(`ongoing:${id}`) ? 'ongoing' : date === '' ? null : (date as LocalDate);
    edits.push({ directiveId: id, lead, support, due });
  }
  return edits;
}

/**
 * Whether a POST does not say it comes from another site. Browsers send Origin on every
 * cross-site POST; under the page's `no-referrer` policy they send "null" for its own forms, so
 * "null" proves nothing either way and the signature in the form decides.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Answers with one of the editor's message pages: 403 for a refused link, 410 for a closed draft. */
function answerWith(res: ServerResponse, reason: PageMessage, status = reason === 'closed' ? 410 : 403): true {
  const nonce = newNonce();
  res.writeHead(status, { ...securityHeaders(nonce), 'content-type': 'text/html; charset=utf-8' }).end(messagePage(reason, nonce));
  return true;
}

function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The dashboard's headers, with a policy that allows only the page's own nonce-tagged style and,
 * for the Mini App, its same-origin script. Telegram Web shows a Mini App in a frame of
 * web.telegram.org; no other site may frame the editor.
 */
function securityHeaders(nonce?: string, script = false): Record<string, string> {
  const policy = [
    "default-src 'none'",
    nonce ? `style-src 'nonce-${nonce}'` : null,
    script ? "script-src 'self'; connect-src 'self'" : null,
    "form-action 'self'",
    "base-uri 'none'",
    'frame-ancestors https://web.telegram.org',
  ].filter(Boolean);
  return { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'content-security-policy': policy.join('; '), 'x-content-type-options': 'nosniff' };
}

/**
 * The Mini App's script. Telegram passes the launch data in the page's fragment (`tgWebAppData`,
 * what Telegram's own telegram-web-app.js reads), so no script from telegram.org is needed: this
 * one tells the client the page is ready, posts the data back, and goes to the address it gets.
 */
const miniAppScript = `'use strict';
(function () {
  var status = document.getElementById('status');
  function failed() { status.textContent = status.getAttribute('data-failed'); }
  try {
    if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent('web_app_ready', '{}');
    else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: 'web_app_ready', eventData: {} }), 'https://web.telegram.org');
  } catch (error) { /* outside Telegram there is no one to tell */ }
  var initData = new URLSearchParams(location.hash.slice(1)).get('tgWebAppData');
  if (!initData) { failed(); return; }
  fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ initData: initData }).toString() })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (answer) { location.replace(answer.url); })
    .catch(failed);
})();
`;
