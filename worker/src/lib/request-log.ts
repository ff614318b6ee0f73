import { createMiddleware } from 'hono/factory';
import { log } from './log';

// Cloudflare sets cf-ray on every request (clients cannot); a local or test request gets a random id.
const RAY = /^[\w-]{1,64}$/;
const ids = new WeakMap<Request, string>();

/** The request's id (cf-ray, else random), as logged and sent back in X-Request-Id. */
export function requestIdOf(req: Request): string {
  let id = ids.get(req);
  if (!id) {
    const ray = req.headers.get('cf-ray');
    id = ray && RAY.test(ray) ? ray : crypto.randomUUID();
    ids.set(req, id);
  }
  return id;
}

/**
 * One `request` log line per API request (id, method, path without the query, status, duration) and
 * the id in X-Request-Id, so a user's report can be matched to its line. Outermost: it sees every
 * response, errors included (the error handler has turned them into responses by then).
 * Durations come from Date.now(), which in Workers advances only across I/O: CPU time is not in them.
 */
export const requestLog = () =>
  createMiddleware(async (c, next) => {
    const started = Date.now();
    const requestId = requestIdOf(c.req.raw);
    await next();
    // Set as secureHeaders does: the upgrade responses relayed from Durable Objects get it too.
    c.res.headers.set('X-Request-Id', requestId);
    log.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
    });
  });
