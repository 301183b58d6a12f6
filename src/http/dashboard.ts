/**
 * The read-only dashboard, served by the one HTTP server at `/dashboard/<officeId>?exp=…&sig=…`.
 * The bot hands out signed links with `/dashboard`; a link expires, and an expired or altered
 * one gets 403. The unit filter is a plain query parameter outside the signature: it narrows
 * what the link already allows and grants nothing more.
 *
 * ```ts
 * const dashboard = createDashboard({ db, secret, now: () => new Date() });
 * const http = await startHttpServer({ host, port, routes: [dashboard.route], logger });
 * dashboard.serveAt(http.url);
 * dashboard.linkFor(officeId).url; // → http://127.0.0.1:8080/dashboard/ck…?exp=…&sig=…
 * ```
 */
import { localDateTimeOf } from '../domain/zoned-time.js';
import { loadOfficeReport } from '../reports/report-data.js';
import type { Db } from '../store/database.js';
import { dashboardPage, refusedPage } from './dashboard-page.js';
import type { Route } from './server.js';
import { checkLink, signLink } from './signed-link.js';

/** A link the bot can send, and when it stops working. */
export interface DashboardLink {
  url: string;
  expiresAt: Date;
}

/** The dashboard's route and the link signer that goes with it. */
export interface Dashboard {
  readonly route: Route;
  /** Sets the public base URL links point at; until then {@link linkFor} throws. */
  serveAt(baseUrl: string): void;
  linkFor(officeId: string): DashboardLink;
}

export interface DashboardOptions {
  db: Db;
  /** HMAC key of the links. */
  secret: string;
  now(): Date;
  /** How long a link stays valid; 24 hours by default. */
  linkTtlHours?: number;
}

const pathPrefix = '/dashboard/';

/** Creates the dashboard for a running process. */
export function createDashboard(options: DashboardOptions): Dashboard {
  const { db, secret } = options;
  const ttlMs = (options.linkTtlHours ?? 24) * 3_600_000;
  let baseUrl: string | undefined;

  const route: Route = async (req, res) => {
    if (req.method !== 'GET' || !req.url?.startsWith(pathPrefix)) return false;
    const url = new URL(req.url, 'http://dashboard.invalid');
    // Office ids are cuids, URL-safe as they are: the path is taken verbatim and signed verbatim.
    const officeId = url.pathname.slice(pathPrefix.length);
    const expires = url.searchParams.get('exp');
    const signature = url.searchParams.get('sig');
    // The link lives in the address bar: never let it leak to another site or a cache.
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'", 'x-content-type-options': 'nosniff' };
    const now = options.now();
    const check = checkLink(secret, ['dashboard', officeId], expires, signature, now);
    if (check !== 'valid') {
      res.writeHead(403, headers).end(refusedPage(check));
      return true;
    }
    const office = await db.office.findUnique({ where: { id: officeId } });
    const report = office && (await loadOfficeReport(db, office, now, null));
    if (!report || !office) {
      res.writeHead(404, headers).end(refusedPage('tampered'));
      return true;
    }
    const page = dashboardPage({
      report,
      unitId: url.searchParams.get('unit') || null,
      signedFields: { exp: expires!, sig: signature! },
      linkExpires: localDateTimeOf(new Date(Number(expires) * 1000), office.timeZone),
    });
    res.writeHead(200, headers).end(page);
    return true;
  };

  return {
    route,
    serveAt(url) {
      baseUrl = url.replace(/\/+$/, '');
    },
    linkFor(officeId) {
      if (!baseUrl) throw new Error('dashboard: serveAt() was not called');
      const expiresAt = new Date(options.now().getTime() + ttlMs);
      const { expires, signature } = signLink(secret, ['dashboard', officeId], expiresAt);
      return { url: `${baseUrl}${pathPrefix}${officeId}?exp=${expires}&sig=${signature}`, expiresAt: new Date(expires * 1000) };
    },
  };
}
