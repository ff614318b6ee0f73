import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getDb } from '../db/client';
import { agents, departments } from '../db/schema';
import { unwrap } from '../lib/do-result';
import { agentsOnly, requireScope } from '../auth/middleware';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { AssignBody, Conversation, TransferBody, UpdateConversationBody, VisitorProfile } from '../../../protocol';
import { type ConversationEnv, requireWorkspaceConversation } from './access';
import type { LifecycleAction } from './lifecycle';
import { toConversation } from './queries';
import { visitorProfileWithHistory } from '../widget';

const doc = describer('Conversations');
const one = z.object({ conversation: Conversation });

/** An active agent of the workspace, as an assignment target; 400 unknown_agent otherwise. */
async function targetAgent(env: Env, workspaceId: string, id: string) {
  const row = await getDb(env.DB).query.agents.findFirst({
    where: and(eq(agents.id, id), eq(agents.workspaceId, workspaceId)),
  });
  if (!row?.active || row.invited)
    throw errors.badRequest('No active agent with this id in your workspace', 'unknown_agent');
  return { id: row.id, name: row.name };
}

/** Run a lifecycle action in the conversation's Durable Object; a refusal answers with its code (409 for the lifecycle's). */
async function act(env: Env, conversationId: string, action: LifecycleAction) {
  return unwrap(await env.CONVERSATIONS.getByName(conversationId).act(action));
}

/** Lifecycle actions, the conversation's fields and the visitor sidebar of one conversation. */
export const conversationActions = new Hono<ConversationEnv>()
  .post(
    '/:id/claim',
    doc({
      summary: 'Take a waiting conversation (409 already_assigned, invalid_transition)',
      auth: 'agent',
      ok: [200, one],
    }),
    agentsOnly(),
    requireWorkspaceConversation(),
    async (c) => {
      const { id, name } = c.var.agent;
      return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'claim', by: { id, name } }) }, 200);
    },
  )
  .post(
    '/:id/assign',
    doc({ summary: 'Give the conversation to an agent (400 unknown_agent)', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    validate('json', AssignBody),
    async (c) => {
      const to = await targetAgent(c.env, c.var.agent.workspaceId, c.req.valid('json').agentId);
      const { id, name } = c.var.agent;
      return c.json(
        { conversation: await act(c.env, c.req.param('id'), { type: 'assign', to, by: { id, name } }) },
        200,
      );
    },
  )
  .post(
    '/:id/transfer',
    doc({ summary: 'Transfer to an agent; the note becomes an internal note', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    validate('json', TransferBody),
    async (c) => {
      const body = c.req.valid('json');
      const to = await targetAgent(c.env, c.var.agent.workspaceId, body.agentId);
      const { id, name } = c.var.agent;
      return c.json(
        {
          conversation: await act(c.env, c.req.param('id'), {
            type: 'transfer',
            to,
            by: { id, name },
            note: body.note,
          }),
        },
        200,
      );
    },
  )
  .post(
    '/:id/resolve',
    doc({ summary: 'Resolve (from waiting or active)', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    async (c) => {
      const { id, name } = c.var.agent;
      return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'resolve', by: { id, name } }) }, 200);
    },
  )
  .post(
    '/:id/close',
    doc({ summary: 'Close (from waiting, active or resolved)', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    async (c) => {
      const { id, name } = c.var.agent;
      return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'close', by: { id, name } }) }, 200);
    },
  )
  .post(
    '/:id/reopen',
    doc({ summary: 'Reopen a resolved or closed conversation', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    async (c) => {
      const { id, name } = c.var.agent;
      return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'reopen', by: { id, name } }) }, 200);
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change priority, tags, notes or department (400 unknown_department)',
      auth: 'agent',
      ok: [200, one],
    }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    validate('json', UpdateConversationBody),
    async (c) => {
      const patch = c.req.valid('json');
      if (patch.departmentId) {
        const dept = await getDb(c.env.DB).query.departments.findFirst({
          where: and(eq(departments.id, patch.departmentId), eq(departments.workspaceId, c.var.agent.workspaceId)),
        });
        if (!dept) throw errors.badRequest('No such department in your workspace', 'unknown_department');
      }
      const conversation = unwrap(await c.env.CONVERSATIONS.getByName(c.req.param('id')).update(patch));
      return c.json({ conversation }, 200);
    },
  )
  .get(
    '/:id/visitor',
    doc({
      summary: "The visitor's profile and their other conversations",
      auth: 'agent',
      ok: [200, z.object({ visitor: VisitorProfile, conversations: z.array(Conversation) })],
    }),
    requireScope('visitors:read'),
    requireWorkspaceConversation(),
    async (c) => {
      const found = await visitorProfileWithHistory(
        getDb(c.env.DB),
        c.var.conversation.visitorId,
        c.var.conversation.id,
      );
      if (!found) throw errors.notFound('Visitor');
      const { id, name, email } = found.visitor;
      return c.json(
        { visitor: found.visitor, conversations: found.others.map((row) => toConversation(row, { id, name, email })) },
        200,
      );
    },
  );
