import { Hono } from 'hono';
import { type AgentEnv, requireAgent } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { HistoryQuery } from '../protocol';
import { forwardToDurableObject } from '../realtime/upgrade';
import { findWorkspaceConversation } from './queries';

/** The agent's view of one conversation: read it, page its history, archive it, watch it live. */
export const conversationRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .use('/:id/*', async (c, next) => {
    // Every route below acts on a conversation of the agent's own workspace; others are 404.
    const conv = await findWorkspaceConversation(getDb(c.env.DB), c.var.agent.workspaceId, c.req.param('id')!);
    if (!conv) throw errors.notFound('Conversation');
    await next();
  })
  .get('/:id', async (c) => {
    const conv = await findWorkspaceConversation(getDb(c.env.DB), c.var.agent.workspaceId, c.req.param('id'));
    if (!conv) throw errors.notFound('Conversation');
    return c.json({ conversation: conv }, 200);
  })
  .get('/:id/messages', validate('query', HistoryQuery), async (c) => {
    const page = await c.env.CONVERSATIONS.getByName(c.req.param('id')).history({ viewer: 'agent', ...c.req.valid('query') });
    return c.json(page, 200);
  })
  .post('/:id/archive', async (c) => {
    const conversation = await c.env.CONVERSATIONS.getByName(c.req.param('id')).setArchived(true);
    return c.json({ conversation }, 200);
  })
  .post('/:id/restore', async (c) => {
    const conversation = await c.env.CONVERSATIONS.getByName(c.req.param('id')).setArchived(false);
    return c.json({ conversation }, 200);
  })
  .get('/:id/ws', async (c) => {
    const { id, name, workspaceId } = c.var.agent;
    return forwardToDurableObject(c.req.raw, c.env.CONVERSATIONS.getByName(c.req.param('id')), { role: 'agent', id, name, workspaceId });
  });
