import { Hono } from 'hono';
import type { VisitorEnv } from '../auth/middleware';
import { assertNotBlocked } from '../blocks/enforce';
import { findVisitorConversation, listVisitorConversations } from '../conversations';
import { getDb } from '../db/client';
import { unwrap } from '../lib/do-result';
import { errors } from '../lib/errors';
import { clientIp, ipLimited, limitByIp, takeLimit } from '../lib/ratelimit';
import { validate, validateOptionalJson } from '../lib/validate';
import { describer } from '../openapi/describe';
import { z } from 'zod';
import {
  HistoryQuery,
  type Message,
  VisitorConversation,
  VisitorMessage,
  RatingBody,
  StartConversationBody,
  TranscriptBody,
  toVisitorConversation,
  toVisitorMessage,
  toVisitorMessages,
} from '../../../protocol';
import { notifyAgentsOfOfflineMessage, sendTranscript } from '../email/notify';
import { siteAvailability } from '../sites/availability';
import { forwardToDurableObject } from '../realtime/upgrade';
import { siteSettings } from '../sites';
import { uploadFile } from '../files/upload';
import type { SiteVars } from './middleware';
import { announceVisitor } from '../webhooks';
import { findLiveVisitor, setVisitorProfile, toVisitor } from './queries';
import { log } from '../lib/log';

type WidgetEnv = { Bindings: Env; Variables: VisitorEnv['Variables'] & SiteVars };

const doc = describer('Widget');
const one = z.object({ conversation: VisitorConversation });

/** The visitor's own conversations: start one, read it, watch it live, rate it. Every body is the visitor view. */
export const visitorConversationRoutes = new Hono<WidgetEnv>()
  // One visitor's starts are serialised by their VisitorDO: the open conversation comes back instead of a
  // second one, a retried clientKey gets its first answer, and the per-visitor quotas hold (docs/decisions.md).
  .post(
    '/',
    doc({
      summary: 'Start a conversation (201), or get back the open one (200)',
      description:
        'The body is optional (pre-chat name and email, an offline message); the same `clientKey` makes a retry return its first answer. 400 prechat_required.',
      auth: 'visitor',
      ok: [201, one],
      optionalBody: StartConversationBody,
    }),
    limitByIp('CONVERSATION_LIMITER'),
    validateOptionalJson(StartConversationBody),
    async (c) => {
      const body = c.var.body as StartConversationBody;
      const db = getDb(c.env.DB);
      const visitor = await findLiveVisitor(db, c.var.site.id, c.var.visitor.id);
      if (!visitor) throw errors.unauthorized('Unknown visitor');
      // The middleware checked the visitor's stored email; an email typed now (pre-chat, offline form) is checked here.
      if (body.email) await assertNotBlocked(c.env, c.var.site.id, { email: body.email });
      const name = body.name ?? visitor.name,
        email = body.email ?? visitor.email;
      if (siteSettings(c.var.site).preChat === 'required' && (!name || !email)) {
        throw errors.badRequest('This site asks for your name and email first', 'prechat_required');
      }
      // Per visitor is exact (VisitorDO), but a bot mints visitors: per IP, offline messages (each may
      // email the team) are held at the edge too (docs/widget.md "Limits").
      if (body.message && ipLimited(clientIp(c.req.raw)))
        await takeLimit(c.env, 'OFFLINE_LIMITER', `offline:${clientIp(c.req.raw)}`);
      if (body.name || body.email) await setVisitorProfile(db, visitor.id, body);
      if ((body.name && body.name !== visitor.name) || (body.email && body.email !== visitor.email))
        announceVisitor(c.env, 'visitor.updated', { ...toVisitor(visitor), name, email });
      // Nobody can answer live: the team hears of an offline message by email.
      const available = body.message
        ? await siteAvailability(c.env, c.var.site.id, siteSettings(c.var.site).businessHours)
        : null;
      const teamAway = !!available && (!available.agentsOnline || !available.withinHours);
      const started = unwrap(
        await c.env.VISITORS.getByName(visitor.id).start({
          site: c.var.site,
          visitor: { id: visitor.id, name, email },
          clientKey: body.clientKey,
          message: body.message,
          teamAway,
        }),
      );
      const { conversation, message } = started;
      if (started.notify && message) {
        c.executionCtx.waitUntil(
          notifyAgentsOfOfflineMessage(
            c.env,
            c.var.site,
            conversation.id,
            message.seq,
            name ?? email ?? 'A visitor',
            message.body,
          ).catch((err: unknown) =>
            log.warn('notification.failed', { conversationId: conversation.id, kind: 'offline', error: err }),
          ),
        );
      }
      return c.json({ conversation: toVisitorConversation(conversation) }, started.created ? 201 : 200);
    },
  )
  // The visitor's conversations, newest first (the widget's list); a continuation session sees its one conversation.
  .get(
    '/',
    doc({
      summary: "The visitor's conversations, newest first, with status and last message",
      description: 'A session opened by a continuation link sees its one conversation.',
      auth: 'visitor',
      ok: [200, z.object({ conversations: z.array(VisitorConversation) })],
    }),
    async (c) => {
      const all = await listVisitorConversations(getDb(c.env.DB), c.var.visitor.id);
      const scope = c.var.visitor.conv;
      return c.json({ conversations: all.filter((x) => !scope || x.id === scope).map(toVisitorConversation) }, 200);
    },
  )
  .get(
    '/:id/messages',
    doc({
      summary: "History of the visitor's conversation",
      auth: 'visitor',
      ok: [200, z.object({ messages: z.array(VisitorMessage), hasMore: z.boolean() })],
    }),
    validate('query', HistoryQuery),
    async (c) => {
      const conv = await findVisitorConversation(getDb(c.env.DB), c.var.visitor.id, c.req.param('id'));
      if (!conv) throw errors.notFound('Conversation');
      const page = await c.env.CONVERSATIONS.getByName(conv.id).history({ viewer: 'visitor', ...c.req.valid('query') });
      return c.json({ messages: toVisitorMessages(page.messages), hasMore: page.hasMore }, 200);
    },
  )
  .post(
    '/:id/rating',
    doc({
      summary: 'Rate a resolved conversation once (409 not_resolved, already_rated)',
      auth: 'visitor',
      ok: [200, one],
    }),
    validate('json', RatingBody),
    async (c) => {
      const conv = await findVisitorConversation(getDb(c.env.DB), c.var.visitor.id, c.req.param('id'));
      if (!conv) throw errors.notFound('Conversation');
      const { score, comment } = c.req.valid('json');
      const conversation = unwrap(await c.env.CONVERSATIONS.getByName(conv.id).rate(score, comment || null));
      return c.json({ conversation: toVisitorConversation(conversation) }, 200);
    },
  )
  .post(
    '/:id/transcript',
    doc({
      summary: 'Email the transcript of a resolved conversation (409 not_resolved, 400 email_required)',
      auth: 'visitor',
      ok: [202, z.object({ sent: z.boolean(), to: z.string() })],
    }),
    validate('json', TranscriptBody),
    async (c) => {
      const { email } = c.req.valid('json');
      if (email) await assertNotBlocked(c.env, c.var.site.id, { email });
      const db = getDb(c.env.DB);
      const conv = await findVisitorConversation(db, c.var.visitor.id, c.req.param('id'));
      if (!conv) throw errors.notFound('Conversation');
      if (!conv.timings.resolvedAt)
        throw errors.conflict('not_resolved', 'A transcript can be sent once the conversation is resolved');
      const to = email ?? conv.visitor?.email;
      if (!to) throw errors.badRequest('Which email should the transcript go to?', 'email_required');
      // A session opened by a link (one conversation) sends there but never changes the visitor's address: the
      // visitor's other conversations' emails and links would follow it.
      if (email && !c.var.visitor.conv) {
        await setVisitorProfile(db, c.var.visitor.id, { email });
        if (conv.visitor && email !== conv.visitor.email)
          announceVisitor(c.env, 'visitor.updated', { ...conv.visitor, siteId: c.var.site.id, email });
      }
      const stub = c.env.CONVERSATIONS.getByName(conv.id);
      // The whole conversation, a page at a time (up to 5,000 messages).
      let messages: Message[] = [];
      for (let before: number | undefined, i = 0; i < 50; i++) {
        const page = await stub.history({ viewer: 'visitor', limit: 100, before });
        messages = [...page.messages, ...messages];
        if (!page.hasMore || !page.messages.length) break;
        before = page.messages[0]!.seq;
      }
      await sendTranscript(c.env, c.var.site, conv, to, toVisitorMessages(messages));
      return c.json({ sent: true, to }, 202);
    },
  )
  .post(
    '/:id/files',
    doc({
      summary: 'Attach a file',
      description:
        'The raw file is the body, with its Content-Type and an X-Filename header (10 MB; images, PDF, text).',
      auth: 'visitor',
      ok: [201, z.object({ message: VisitorMessage })],
    }),
    async (c) => {
      const conv = await findVisitorConversation(getDb(c.env.DB), c.var.visitor.id, c.req.param('id'));
      if (!conv) throw errors.notFound('Conversation');
      const message = await uploadFile(c.env, c.req.raw, conv.id, {
        role: 'visitor',
        id: c.var.visitor.id,
        name: conv.visitor?.name ?? null,
      });
      return c.json({ message: toVisitorMessage(message) }, 201);
    },
  )
  .get(
    '/:id/ws',
    doc({
      summary: 'WebSocket: one conversation, as its visitor (docs/protocol.md)',
      description:
        'Send `Upgrade: websocket`; the token goes in the `Sec-WebSocket-Protocol` header as `bearer.<token>`.',
      auth: 'visitor',
      ok: [101, null],
    }),
    async (c) => {
      const conv = await findVisitorConversation(getDb(c.env.DB), c.var.visitor.id, c.req.param('id'));
      if (!conv) throw errors.notFound('Conversation');
      const who = {
        role: 'visitor' as const,
        id: c.var.visitor.id,
        name: conv.visitor?.name ?? null,
        workspaceId: c.var.site.workspaceId,
      };
      return forwardToDurableObject(c.req.raw, c.env.CONVERSATIONS.getByName(conv.id), who);
    },
  );
