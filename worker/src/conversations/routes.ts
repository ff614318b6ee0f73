import { Hono } from 'hono';
import { agentsOnly, requireAgent, requireScope } from '../auth/middleware';
import { unwrap } from '../lib/do-result';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { Conversation, HistoryQuery, Message, PostMessageBody } from '../../../protocol';
import { apiError } from '../lib/errors';
import { bodyProblem } from './parse-frame';
import { forwardToDurableObject } from '../realtime/upgrade';
import { type ConversationEnv, requireWorkspaceConversation } from './access';
import { conversationActions } from './actions';
import { messageActions } from './message-actions';

const doc = describer('Conversations');
const one = z.object({ conversation: Conversation });

/** The agent's view of one conversation: read it, page its history, archive it, watch it live, act on it. */
export const conversationRoutes = new Hono<ConversationEnv>()
  .use(requireAgent())
  .get(
    '/:id',
    doc({ summary: 'One conversation', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:read'),
    requireWorkspaceConversation(),
    async (c) => c.json({ conversation: c.var.conversation }, 200),
  )
  .get(
    '/:id/messages',
    doc({
      summary: 'History, paged by seq',
      auth: 'agent',
      ok: [200, z.object({ messages: z.array(Message), hasMore: z.boolean() })],
    }),
    requireScope('conversations:read'),
    requireWorkspaceConversation(),
    validate('query', HistoryQuery),
    async (c) => {
      const page = await c.env.CONVERSATIONS.getByName(c.req.param('id')).history({
        viewer: 'agent',
        ...c.req.valid('query'),
      });
      return c.json(page, 200);
    },
  )
  // An agent's or an integration's message, over REST: it reaches the visitor live like one sent on a socket. A login
  // token's text claims a waiting conversation as on the socket; an API token's never does (it cannot hold one).
  .post(
    '/:id/messages',
    doc({
      summary: 'Post an agent message or note; it reaches the visitor live',
      description: 'A retry with the same `clientId` stores nothing and answers the first message.',
      auth: 'agent',
      ok: [201, z.object({ message: Message })],
    }),
    requireScope('messages:write'),
    requireWorkspaceConversation(),
    validate('json', PostMessageBody),
    async (c) => {
      const { body, kind, clientId } = c.req.valid('json');
      const problem = bodyProblem(body);
      if (problem) throw apiError(problem.code, problem.message);
      const { id, name, kind: caller } = c.var.agent;
      const stub = c.env.CONVERSATIONS.getByName(c.req.param('id'));
      const message = unwrap(
        await stub.post(
          { role: 'agent', id, name },
          { kind, body, ...(clientId ? { clientId } : {}) },
          { claim: caller === 'agent' },
        ),
      );
      return c.json({ message }, 201);
    },
  )
  .post(
    '/:id/archive',
    doc({ summary: 'Archive', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    async (c) => {
      const conversation = unwrap(await c.env.CONVERSATIONS.getByName(c.req.param('id')).setArchived(true));
      return c.json({ conversation }, 200);
    },
  )
  .post(
    '/:id/restore',
    doc({ summary: 'Restore from the archive', auth: 'agent', ok: [200, one] }),
    requireScope('conversations:write'),
    requireWorkspaceConversation(),
    async (c) => {
      const conversation = unwrap(await c.env.CONVERSATIONS.getByName(c.req.param('id')).setArchived(false));
      return c.json({ conversation }, 200);
    },
  )
  .get(
    '/:id/ws',
    doc({
      summary: 'WebSocket: one conversation, as an agent (docs/protocol.md)',
      description:
        'Send `Upgrade: websocket`; the token goes in the `Sec-WebSocket-Protocol` header as `bearer.<token>`.',
      auth: 'agent',
      ok: [101, null],
    }),
    agentsOnly(),
    requireWorkspaceConversation(),
    async (c) => {
      const { id, name, workspaceId } = c.var.agent;
      // The site remembers the socket, so deactivating the agent can close it (docs/team.md).
      const [res] = await Promise.all([
        forwardToDurableObject(c.req.raw, c.env.CONVERSATIONS.getByName(c.req.param('id')), {
          role: 'agent',
          id,
          name,
          workspaceId,
        }),
        c.env.SITES.getByName(c.var.conversation.siteId).agentSocketOpened(id, c.var.conversation.id),
      ]);
      return res;
    },
  )
  .route('/', conversationActions)
  .route('/', messageActions);
