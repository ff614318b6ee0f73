import { createMiddleware } from 'hono/factory';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { originAllowed, requestOrigin } from '../lib/origins';
import type { VisitorIdentity } from '../auth/middleware';
import { findSite, siteSettings } from '../sites';
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
 * Load the visitor's site and check the request's Origin against it (runs after
 * requireVisitor); on a site that requires identity, only verified visitors pass.
 */
export const requireSiteOrigin = () =>
  createMiddleware<{ Bindings: Env; Variables: { visitor: VisitorIdentity } & SiteVars }>(async (c, next) => {
    const site = await findSite(getDb(c.env.DB), c.var.visitor.siteId);
    if (!site) throw errors.unauthorized('This site no longer exists');
    assertOrigin(c.req.raw, site.allowedOrigins);
    if (siteSettings(site).identity === 'required' && !c.var.visitor.verified) {
      throw errors.forbidden('This site only talks to signed-in users', 'identity_required');
    }
    c.set('site', site);
    await next();
  });
