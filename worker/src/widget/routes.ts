import { Hono } from 'hono';
import { requireVisitor, type VisitorEnv } from '../auth/middleware';
import { signToken, verifyToken } from '../auth/tokens';
import { findVisitorConversation, listVisitorConversations } from '../conversations/queries';
import { startConversation } from '../conversations/start';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { limitByIp } from '../lib/ratelimit';
import { validate, validateOptionalJson } from '../lib/validate';
import { HistoryQuery, PageBody, StartConversationBody, WidgetSessionBody } from '../protocol';
import { visitorContext } from './context';
import { forwardToDurableObject } from '../realtime/upgrade';
import { findSiteByKey } from '../sites/queries';
import { assertOrigin, requireSiteOrigin, type SiteVars } from './middleware';
import { createVisitor, findSiteVisitor, setVisitorPage, toVisitor, touchVisitor } from './queries';

type WidgetEnv = { Bindings: Env; Variables: VisitorEnv['Variables'] & SiteVars };

/** Routes the widget calls: session, conversations, history and the visitor's socket. */
const visitorRoutes = new Hono<WidgetEnv>()
  .use(requireVisitor(), requireSiteOrigin())
  .post('/', validateOptionalJson(StartConversationBody), async (c) => {
    const db = getDb(c.env.DB);
    const visitor = await findSiteVisitor(db, c.var.site.id, c.var.visitor.id);
    if (!visitor) throw errors.unauthorized('Unknown visitor');
    const conversation = await startConversation(c.env, c.var.site, visitor);
    return c.json({ conversation }, 201);
  })
  .get('/:id/messages', validate('query', HistoryQuery), async (c) => {
    const conv = await findVisitorConversation(getDb(c.env.DB), c.var.visitor.id, c.req.param('id'));
    if (!conv) throw errors.notFound('Conversation');
    const page = await c.env.CONVERSATIONS.getByName(conv.id).history({ viewer: 'visitor', ...c.req.valid('query') });
    return c.json(page, 200);
  })
  .get('/:id/ws', async (c) => {
    const conv = await findVisitorConversation(getDb(c.env.DB), c.var.visitor.id, c.req.param('id'));
    if (!conv) throw errors.notFound('Conversation');
    const who = { role: 'visitor' as const, id: c.var.visitor.id, name: conv.visitor?.name ?? null, workspaceId: c.var.site.workspaceId };
    return forwardToDurableObject(c.req.raw, c.env.CONVERSATIONS.getByName(conv.id), who);
  });

/** The widget's API, mounted at /api/widget. */
export const widgetRoutes = new Hono<WidgetEnv>()
  .post('/session', limitByIp('SESSION_LIMITER'), validate('json', WidgetSessionBody), async (c) => {
    const { siteKey, token, user, page } = c.req.valid('json');
    const db = getDb(c.env.DB);
    const site = await findSiteByKey(db, siteKey);
    if (!site) throw errors.notFound('Site');
    assertOrigin(c.req.raw, site.allowedOrigins);
    const profile = { name: user?.name, email: user?.email };
    // A returning visitor keeps its identity; a stale or foreign token just starts a new one.
    const claims = token ? await verifyToken(token, c.env.AUTH_SECRET) : null;
    const known = claims?.typ === 'visitor' && claims.sid === site.id ? await findSiteVisitor(db, site.id, claims.sub) : undefined;
    const ctx = visitorContext(c.req.raw, page);
    const visitor = known ? await touchVisitor(db, known, profile, ctx) : await createVisitor(db, site.id, profile, ctx);
    const fresh = await signToken({ typ: 'visitor', sub: visitor.id, sid: site.id }, c.env.AUTH_SECRET);
    const conversations = await listVisitorConversations(db, visitor.id);
    return c.json({ token: fresh, visitor: toVisitor(visitor), conversations }, 200);
  })
  .post('/page', requireVisitor(), requireSiteOrigin(), validate('json', PageBody), async (c) => {
    await setVisitorPage(getDb(c.env.DB), c.var.visitor.id, c.req.valid('json'));
    return c.body(null, 204);
  })
  .route('/conversations', visitorRoutes);
