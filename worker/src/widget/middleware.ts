import { createMiddleware } from 'hono/factory';
import { type Db, getDb } from '../db/client';
import { errors } from '../lib/errors';
import { originAllowed, requestOrigin } from '../lib/origins';
import type { VisitorIdentity } from '../auth/middleware';
import { siteSettings } from '../sites';
import { siteOfVisitor } from './queries';
import type { sites } from '../db/schema';

/** Refuse a request whose Origin is not one of the site's allowed origins. */
export function assertOrigin(req: Request, allowedOrigins: string[]) {
  if (!originAllowed(requestOrigin(req), allowedOrigins)) {
    throw errors.forbidden("This origin may not use this site's widget", 'origin_not_allowed');
  }
}

/** Hono env of widget routes after the site is loaded. */
export type SiteVars = { site: typeof sites.$inferSelect };

/**
 * A visitor request's site, after checking its Origin; refused (401) when the site is gone or the token's visitor
 * was erased (docs/privacy.md "After erasure": the widget renews into a new visitor). One D1 read, the one every
 * visitor route made for the site already. Used by requireSiteOrigin and the file download.
 */
export async function visitorSite(db: Db, req: Request, visitor: VisitorIdentity) {
  const found = await siteOfVisitor(db, visitor.siteId, visitor.id);
  if (!found) throw errors.unauthorized('This site no longer exists');
  if (found.erased) throw errors.unauthorized('This visitor was erased: start a new session');
  assertOrigin(req, found.site.allowedOrigins);
  return found.site;
}

/**
 * Load the visitor's site and check the request's Origin against it (runs after requireVisitor); on a site that
 * requires identity, only verified visitors pass. Every widget route and socket upgrade passes here, so this is
 * where an erased visitor's still-valid token is refused (visitorSite).
 */
export const requireSiteOrigin = () =>
  createMiddleware<{ Bindings: Env; Variables: { visitor: VisitorIdentity } & SiteVars }>(async (c, next) => {
    const site = await visitorSite(getDb(c.env.DB), c.req.raw, c.var.visitor);
    if (siteSettings(site).identity === 'required' && !c.var.visitor.verified) {
      throw errors.forbidden('This site only talks to signed-in users', 'identity_required');
    }
    c.set('site', site);
    await next();
  });
