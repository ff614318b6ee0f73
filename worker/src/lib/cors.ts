// CORS for /api/*. Authentication is by bearer token, never cookies, so reflecting an origin cannot enable CSRF;
// still, a deployment names its console's origin (CONSOLE_ORIGIN, set by `npm run deploy`) and then only that
// origin and the Worker's own may call the agent routes from a browser. The routes customer sites call (the
// widget's, file downloads for visitors, the public knowledge base) check each site's allowed origins themselves
// and keep answering every origin (docs/decisions.md, CORS).
import type { Context } from 'hono';
import { cors } from 'hono/cors';

/** Paths a customer's site calls from its own origin, and the public API document (API explorers load it anywhere). */
const OPEN_PATH = /^\/api\/((widget|files|kb)(\/|$)|openapi\.json$)/;

/** The origins CONSOLE_ORIGIN names (comma or space separated, trailing slashes ignored); null when it is empty. */
export function consoleOrigins(value: string | undefined): Set<string> | null {
  const list = (value ?? '')
    .split(/[\s,]+/)
    .map((o) => o.replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length ? new Set(list) : null;
}

/** Whether a browser on `origin` may read the answer to this request. */
export function corsAllows(
  origin: string,
  path: string,
  requestUrl: string,
  consoleOrigin: string | undefined,
): boolean {
  const allowed = consoleOrigins(consoleOrigin);
  return !allowed || OPEN_PATH.test(path) || allowed.has(origin) || origin === new URL(requestUrl).origin;
}

/** The API's CORS middleware: reflects the origin when corsAllows says so, otherwise sends no CORS headers. */
export const apiCors = () =>
  cors({
    origin: (origin: string, c: Context<{ Bindings: Env }>) =>
      origin && corsAllows(origin, c.req.path, c.req.url, c.env.CONSOLE_ORIGIN) ? origin : null,
    allowHeaders: ['Authorization', 'Content-Type'],
    // A console on another origin (Pages) can read the id a user quotes when reporting a failure, and an export's
    // row total (its progress, docs/privacy.md).
    exposeHeaders: ['X-Request-Id', 'X-Export-Rows'],
    maxAge: 600,
  });
