// Continuing a conversation on another device (docs/widget.md "Continuing on another device"): the exchange of a
// continuation link's token for a visitor session limited to that conversation, the limit itself, and the
// "email me a link" request.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { VisitorEnv } from '../auth/middleware';
import { assertNotBlocked } from '../blocks/enforce';
import { findVisitorConversation } from '../conversations';
import { getDb } from '../db/client';
import { sendContinueLink } from '../email/notify';
import { apiError, errors } from '../lib/errors';
import { limitByIp } from '../lib/ratelimit';
import { sha256Hex } from '../lib/sha256';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { ContinueBody, toVisitorConversation } from '../../../protocol';
import { session } from './docs';
import { siteAvailability } from '../sites/availability';
import { findSiteByKey, siteSettings } from '../sites';
import { visitorContext } from './context';
import { continuationToken, verifyContinuation } from '../auth/continuation';
import { assertOrigin, type SiteVars } from './middleware';
import { findLiveVisitor, toVisitor, touchVisitor } from './queries';
import { visitorToken } from './session';

type WidgetEnv = { Bindings: Env; Variables: VisitorEnv['Variables'] & SiteVars };

/** How often one conversation's link may be emailed on the visitor's request. */
export const LINK_EMAIL_GAP_MS = 10 * 60_000;

const doc = describer('Widget');

const invalid = () => apiError('continuation_invalid', 'This link is not valid or has expired');

/** POST /api/widget/continue: a continuation token (and the device's key) for a session limited to its conversation. */
export const continueRoutes = new Hono<WidgetEnv>().post(
  '/',
  doc({
    summary: "Exchange a continuation link's token for a session limited to its conversation; once per device",
    description: '400 continuation_invalid, 409 continuation_used, 403 identity_required (docs/widget.md).',
    auth: 'public',
    ok: [200, session],
  }),
  limitByIp('SESSION_LIMITER'),
  validate('json', ContinueBody),
  async (c) => {
    const { siteKey, token, device, page } = c.req.valid('json');
    const db = getDb(c.env.DB);
    const site = await findSiteByKey(db, siteKey);
    if (!site) throw errors.notFound('Site');
    assertOrigin(c.req.raw, site.allowedOrigins);
    // Forged, expired, of another kind or for another site: one answer, which tells nothing more.
    const claims = await verifyContinuation(c.env, token);
    if (!claims || claims.siteId !== site.id) throw invalid();
    const visitor = await findLiveVisitor(db, site.id, claims.visitorId);
    const conv = visitor && (await findVisitorConversation(db, visitor.id, claims.conversationId));
    if (!visitor || !conv) throw invalid();
    const ctx = visitorContext(c.req.raw, page);
    await assertNotBlocked(c.env, site.id, {
      visitorId: visitor.id,
      externalId: visitor.externalId,
      email: visitor.email,
      ip: ctx.ip,
    });
    // Verified users get their history from `identify` on every device; a link never stands in for it.
    if (visitor.externalId || siteSettings(site).identity === 'required') {
      throw errors.forbidden('Sign in to continue this conversation', 'identity_required');
    }
    const ok = await c.env.VISITORS.getByName(visitor.id).claimContinuation(
      claims.jti,
      // The ledger keeps the device key's SHA-256, never what a device presents.
      await sha256Hex(device),
      claims.exp * 1000,
    );
    if (!ok) throw apiError('continuation_used', 'This link was already used on another device');
    const [fresh, touched, availability] = await Promise.all([
      visitorToken(c.env, visitor.id, site.id, false, conv.id),
      touchVisitor(db, visitor, {}, ctx),
      siteAvailability(c.env, site.id, siteSettings(site).businessHours),
    ]);
    return c.json(
      { token: fresh, visitor: toVisitor(touched), conversations: [toVisitorConversation(conv)], availability },
      200,
    );
  },
);

/**
 * A session limited to one conversation (a continuation) reaches only it, and starts none (mounted on /conversations;
 * its list is filtered by the route).
 */
export const inScope = () =>
  createMiddleware<WidgetEnv>(async (c, next) => {
    const scope = c.var.visitor.conv;
    const id = c.req.param('id');
    if (scope && id && id !== scope) throw errors.notFound('Conversation');
    if (scope && !id && c.req.method === 'POST') throw errors.forbidden('This link opens one conversation only');
    await next();
  });

/** POST /api/widget/conversations/:id/link: emails the visitor a continuation link (once per 10 minutes). */
export const continueLinkRoutes = new Hono<WidgetEnv>().post(
  '/:id/link',
  doc({
    summary:
      'Email the visitor a link that continues this conversation on another device (once per 10 minutes per conversation and per address)',
    description: '400 email_required; 429 rate_limited with retryAfter.',
    auth: 'visitor',
    ok: [202, z.object({ sent: z.boolean(), to: z.string() })],
  }),
  async (c) => {
    const db = getDb(c.env.DB);
    const conv = await findVisitorConversation(db, c.var.visitor.id, c.req.param('id'));
    if (!conv) throw errors.notFound('Conversation');
    const visitor = await findLiveVisitor(db, c.var.site.id, c.var.visitor.id);
    if (!visitor?.email) throw errors.badRequest('Tell us your email first', 'email_required');
    // Per conversation, and per address: nobody proved they own the address, so many visitors giving the same one must
    // not become many emails to it. The address's gap lives in a VisitorDO named for its hash (no visitor has that name).
    const address = `mail:${await sha256Hex(visitor.email.trim().toLowerCase())}`;
    for (const [name, key] of [
      [visitor.id, conv.id],
      [address, 'continue'],
    ] as const) {
      if (!(await c.env.VISITORS.getByName(name).claimLinkEmail(key, LINK_EMAIL_GAP_MS))) {
        throw apiError('rate_limited', 'A link was sent a moment ago', LINK_EMAIL_GAP_MS / 1000);
      }
    }
    const token = await continuationToken(c.env, {
      visitorId: visitor.id,
      siteId: c.var.site.id,
      conversationId: conv.id,
    });
    await sendContinueLink(c.env, c.var.site, visitor, conv.id, token);
    return c.json({ sent: true, to: visitor.email }, 202);
  },
);
