import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getDb } from '../db/client';
import { agents, departments } from '../db/schema';
import { uploadFile } from '../files/upload';
import { unwrap } from '../lib/do-result';
import { agentsOnly, requireScope } from '../auth/middleware';
import { apiError, errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { bodyProblem } from './parse-frame';
import { AssignBody, EditMessageBody, TransferBody, UpdateConversationBody } from '../../../protocol';
import { type ConversationEnv, requireWorkspaceConversation } from './access';
import type { LifecycleAction } from './lifecycle';
import { toConversation } from './queries';
import { visitorProfileWithHistory } from '../widget';

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

/** Lifecycle actions, edits and the visitor sidebar of one conversation. */
export const conversationActions = new Hono<ConversationEnv>()
  .post('/:id/claim', agentsOnly(), requireWorkspaceConversation(), async (c) => {
    const { id, name } = c.var.agent;
    return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'claim', by: { id, name } }) }, 200);
  })
  .post(
    '/:id/assign',
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
  .post('/:id/resolve', requireScope('conversations:write'), requireWorkspaceConversation(), async (c) => {
    const { id, name } = c.var.agent;
    return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'resolve', by: { id, name } }) }, 200);
  })
  .post('/:id/close', requireScope('conversations:write'), requireWorkspaceConversation(), async (c) => {
    const { id, name } = c.var.agent;
    return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'close', by: { id, name } }) }, 200);
  })
  .post('/:id/reopen', requireScope('conversations:write'), requireWorkspaceConversation(), async (c) => {
    const { id, name } = c.var.agent;
    return c.json({ conversation: await act(c.env, c.req.param('id'), { type: 'reopen', by: { id, name } }) }, 200);
  })
  .patch(
    '/:id',
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
  .post('/:id/files', requireScope('messages:write'), requireWorkspaceConversation(), async (c) => {
    const { id, name } = c.var.agent;
    return c.json({ message: await uploadFile(c.env, c.req.raw, c.req.param('id'), { role: 'agent', id, name }) }, 201);
  })
  .delete('/:id/messages/:messageId', requireScope('messages:write'), requireWorkspaceConversation(), async (c) => {
    const result = unwrap(
      await c.env.CONVERSATIONS.getByName(c.req.param('id')).deleteMessage(c.var.agent.id, c.req.param('messageId')),
    );
    if (result.fileKey) c.executionCtx.waitUntil(c.env.UPLOADS.delete(result.fileKey));
    return c.json({ message: result.message }, 200);
  })
  .patch(
    '/:id/messages/:messageId',
    requireScope('messages:write'),
    requireWorkspaceConversation(),
    validate('json', EditMessageBody),
    async (c) => {
      const { body } = c.req.valid('json');
      const problem = bodyProblem(body);
      if (problem) throw apiError(problem.code, problem.message);
      const stub = c.env.CONVERSATIONS.getByName(c.req.param('id'));
      const who = { role: 'agent' as const, id: c.var.agent.id };
      return c.json({ message: unwrap(await stub.editMessage(who, c.req.param('messageId'), body)) }, 200);
    },
  )
  .get(
    '/:id/messages/:messageId/revisions',
    requireScope('conversations:read'),
    requireWorkspaceConversation(),
    async (c) => {
      const stub = c.env.CONVERSATIONS.getByName(c.req.param('id'));
      return c.json({ revisions: unwrap(await stub.revisions(c.req.param('messageId'))) }, 200);
    },
  )
  .get('/:id/visitor', requireScope('visitors:read'), requireWorkspaceConversation(), async (c) => {
    const found = await visitorProfileWithHistory(getDb(c.env.DB), c.var.conversation.visitorId, c.var.conversation.id);
    if (!found) throw errors.notFound('Visitor');
    const { id, name, email } = found.visitor;
    return c.json(
      { visitor: found.visitor, conversations: found.others.map((row) => toConversation(row, { id, name, email })) },
      200,
    );
  });
