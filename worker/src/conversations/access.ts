import { createMiddleware } from 'hono/factory';
import type { AgentIdentity } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import type { Conversation } from '../../../protocol';
import { findWorkspaceConversation } from './queries';

/** Hono env of routes on one conversation of the agent's workspace. */
export type ConversationEnv = { Bindings: Env; Variables: { agent: AgentIdentity; conversation: Conversation } };

/** Load `:id` as a conversation of the agent's own workspace; any other is 404 (its existence is not revealed). */
export const requireWorkspaceConversation = () =>
  createMiddleware<ConversationEnv>(async (c, next) => {
    const conv = await findWorkspaceConversation(getDb(c.env.DB), c.var.agent.workspaceId, c.req.param('id') ?? '');
    if (!conv) throw errors.notFound('Conversation');
    c.set('conversation', conv);
    await next();
  });
