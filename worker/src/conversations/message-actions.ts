import { Hono } from 'hono';
import { z } from 'zod';
import { EditMessageBody, Message, MessageRevision } from '../../../protocol';
import { requireScope } from '../auth/middleware';
import { uploadFile } from '../files/upload';
import { unwrap } from '../lib/do-result';
import { apiError } from '../lib/errors';
import { validate } from '../lib/validate';
import { describer } from '../openapi/describe';
import { type ConversationEnv, requireWorkspaceConversation } from './access';
import { bodyProblem } from './parse-frame';

const doc = describer('Conversations');
const message = z.object({ message: Message });

/** One message of a conversation, as an agent or a token: attach a file, delete or edit one's own, read its edits. */
export const messageActions = new Hono<ConversationEnv>()
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
  );
