import { Hono } from 'hono';
import { z } from 'zod';
import { requireVisitor, type VisitorEnv } from '../auth/middleware';
import { assertNotBlocked, refuseBlocked } from '../blocks/enforce';
import { listVisitorConversations } from '../conversations';
import { getDb } from '../db/client';
import { widgetKbRoutes } from '../kb/widget-routes';
import { errors } from '../lib/errors';
import { limitByIp, takeLimit } from '../lib/ratelimit';
import { validate } from '../lib/validate';
import { describer } from '../openapi/describe';
import {
  PageBody,
  type PublicWidgetConfig,
  toVisitorConversation,
  WidgetSessionBody,
  WidgetSettings,
} from '../../../protocol';
import { Availability, session } from './docs';
import { siteAvailability } from '../sites/availability';
import { announceVisitor } from '../webhooks';
import { findSiteByKey, siteSettings } from '../sites';
import { visitorContext } from './context';
import { continueLinkRoutes, continueRoutes, inScope } from './continue';
import { visitorConversationRoutes } from './conversations';
import { assertOrigin, requireSiteOrigin, type SiteVars } from './middleware';
import { setVisitorPage, toVisitor } from './queries';
import { isReturningVisitor, sessionSuspect, sessionVisitor, tokenScope, visitorToken } from './session';
import { verifyTurnstile } from './turnstile';

type WidgetEnv = { Bindings: Env; Variables: VisitorEnv['Variables'] & SiteVars };

const doc = describer('Widget');

/** The widget's API, mounted at /api/widget. */
export const widgetRoutes = new Hono<WidgetEnv>()
  // Public and cacheable: the same answer for every visitor of a site (availability is coarse).
  .get(
    '/config/:siteKey',
    doc({
      summary: "A site's public widget settings and availability (cacheable)",
      auth: 'public',
      ok: [
        200,
        z.object({
          settings: WidgetSettings.omit({ idleTimeoutMinutes: true, unreadEmailMinutes: true }),
          availability: Availability,
          turnstileSiteKey: z.string().optional().describe("While the site's Turnstile setting is on"),
        }),
      ],
    }),
    async (c) => {
      const site = await findSiteByKey(getDb(c.env.DB), c.req.param('siteKey'));
      if (!site) throw errors.notFound('Site');
      const { idleTimeoutMinutes: _idle, unreadEmailMinutes: _email, ...settings } = siteSettings(site);
      const config: PublicWidgetConfig = {
        settings,
        availability: await siteAvailability(c.env, site.id, settings.businessHours),
      };
      if (settings.turnstile === 'on' && c.env.TURNSTILE_SITE_KEY) config.turnstileSiteKey = c.env.TURNSTILE_SITE_KEY;
      c.header('Cache-Control', 'public, max-age=30');
      return c.json(config, 200);
    },
  )
  .post(
    '/session',
    doc({
      summary: 'Start or resume a visitor session',
      description:
        "The Origin must be one of the site's allowed origins; a new visitor passes Turnstile when the site requires it.",
      auth: 'public',
      ok: [200, session],
    }),
    limitByIp('SESSION_LIMITER'),
    validate('json', WidgetSessionBody),
    async (c) => {
      const { siteKey, token, user, page, turnstileToken } = c.req.valid('json');
      const db = getDb(c.env.DB);
      const site = await findSiteByKey(db, siteKey);
      if (!site) throw errors.notFound('Site');
      assertOrigin(c.req.raw, site.allowedOrigins);
      const ctx = visitorContext(c.req.raw, page);
      await assertNotBlocked(c.env, site.id, await sessionSuspect(c.env, site, { token, user }, ctx.ip));
      // Only new visitors are challenged: one with a valid token of this site passed (or predates) the check.
      if (siteSettings(site).turnstile === 'on' && !(await isReturningVisitor(db, c.env, site, { token, user }))) {
        await verifyTurnstile(c.env, c.req.raw, turnstileToken);
      }
      const { visitor, verified, created, updated } = await sessionVisitor(db, c.env, site, { token, user }, ctx);
      // Webhooks hear of a new visitor, or of a name or email this session brought, after the answer
      // (webhooks/visitor-events.ts).
      if (created) announceVisitor(c.env, 'visitor.created', toVisitor(visitor));
      else if (updated) announceVisitor(c.env, 'visitor.updated', toVisitor(visitor));
      // A session opened by a continuation link stays limited to its conversation (continue.ts).
      const scope = verified ? undefined : await tokenScope(c.env, token, visitor.id);
      const [fresh, all, availability] = await Promise.all([
        visitorToken(c.env, visitor.id, site.id, verified, scope),
        listVisitorConversations(db, visitor.id),
        siteAvailability(c.env, site.id, siteSettings(site).businessHours),
      ]);
      const conversations = scope ? all.filter((x) => x.id === scope) : all;
      return c.json(
        {
          token: fresh,
          visitor: toVisitor(visitor),
          conversations: conversations.map(toVisitorConversation),
          availability,
        },
        200,
      );
    },
  )
  .post(
    '/page',
    doc({ summary: 'The page the visitor is on now', auth: 'visitor', ok: [204, null] }),
    requireVisitor(),
    requireSiteOrigin(),
    refuseBlocked(),
    validate('json', PageBody),
    async (c) => {
      // Each report is a D1 write: per visitor, a burst beyond the limit is refused (the widget drops it).
      await takeLimit(c.env, 'PAGE_LIMITER', `page:${c.var.visitor.id}`);
      await setVisitorPage(getDb(c.env.DB), c.var.visitor.id, c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  // Blocked visitors are refused before any route reads or writes (blocks/enforce.ts).
  .use('/conversations/*', requireVisitor(), requireSiteOrigin(), refuseBlocked())
  .use('/conversations', requireVisitor(), requireSiteOrigin(), refuseBlocked(), inScope())
  .use('/conversations/:id/*', inScope())
  .route('/continue', continueRoutes)
  .route('/conversations', continueLinkRoutes)
  .route('/conversations', visitorConversationRoutes)
  // The help center: published articles of the visitor's site (kb/widget-routes.ts).
  .use('/kb/*', requireVisitor(), requireSiteOrigin(), refuseBlocked())
  .route('/kb', widgetKbRoutes);
