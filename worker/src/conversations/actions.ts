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
import { z } from 'zod';
import { describer } from '../openapi/describe';
import {
  AssignBody,
  Conversation,
  EditMessageBody,
  Message,
  MessageRevision,
  TransferBody,
  UpdateConversationBody,
  VisitorProfile,
} from '../../../protocol';
import { type ConversationEnv, requireWorkspaceConversation } from './access';
import type { LifecycleAction } from './lifecycle';
import { toConversation } from './queries';
import { visitorProfileWithHistory } from '../widget';

const doc = describer('Conversations');
const one = z.object({ conversation: Conversation });
const message = z.object({ message: Message });

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
  .post(
    '/:id/files',
    doc({
      summary: 'Attach a file as an agent',
      description:
        'The raw file is the body, with its Content-Type and an X-Filename header (10 MB; images, PDF, text).',
      auth: 'agent',
      ok: [201, message],
    }),
    requireScope('messages:write'),
    requireWorkspaceConversation(),
    async (c) => {
      const { id, name, kind } = c.var.agent;
      const who = { role: 'agent' as const, id, name };
      return c.json({ message: await uploadFile(c.env, c.req.raw, c.req.param('id'), who, kind === 'agent') }, 201);
    },
  )
  .delete(
    '/:id/messages/:messageId',
    doc({
      summary: 'Delete your own message (soft: it becomes "Message deleted" everywhere)',
      auth: 'agent',
      ok: [200, message],
    }),
    requireScope('messages:write'),
    requireWorkspaceConversation(),
    async (c) => {
      const result = unwrap(
        await c.env.CONVERSATIONS.getByName(c.req.param('id')).deleteMessage(c.var.agent.id, c.req.param('messageId')),
      );
      if (result.fileKey) c.executionCtx.waitUntil(c.env.UPLOADS.delete(result.fileKey));
      return c.json({ message: result.message }, 200);
    },
  )
  .patch(
    '/:id/messages/:messageId',
    doc({
      summary: 'Edit your own message within 15 minutes, before the visitor answered (docs/protocol.md "Editing")',
      auth: 'agent',
      ok: [200, message],
    }),
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
    doc({
      summary: "An edited message's earlier bodies, oldest first",
      auth: 'agent',
      ok: [200, z.object({ revisions: z.array(MessageRevision) })],
    }),
    requireScope('conversations:read'),
    requireWorkspaceConversation(),
    async (c) => {
      const stub = c.env.CONVERSATIONS.getByName(c.req.param('id'));
      return c.json({ revisions: unwrap(await stub.revisions(c.req.param('messageId'))) }, 200);
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
