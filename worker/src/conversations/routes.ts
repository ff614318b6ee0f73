import { Hono } from 'hono';
import { requireAgent } from '../auth/middleware';
import { unwrap } from '../lib/do-result';
import { validate } from '../lib/validate';
import { HistoryQuery } from '../../../protocol';
import { forwardToDurableObject } from '../realtime/upgrade';
import { type ConversationEnv, requireWorkspaceConversation } from './access';
import { conversationActions } from './actions';

/** The agent's view of one conversation: read it, page its history, archive it, watch it live, act on it. */
export const conversationRoutes = new Hono<ConversationEnv>()
  .use(requireAgent())
  .get('/:id', requireWorkspaceConversation(), async (c) => c.json({ conversation: c.var.conversation }, 200))
  .get('/:id/messages', requireWorkspaceConversation(), validate('query', HistoryQuery), async (c) => {
    const page = await c.env.CONVERSATIONS.getByName(c.req.param('id')).history({
      viewer: 'agent',
      ...c.req.valid('query'),
    });
    return c.json(page, 200);
  })
  .post('/:id/archive', requireWorkspaceConversation(), async (c) => {
    const conversation = unwrap(await c.env.CONVERSATIONS.getByName(c.req.param('id')).setArchived(true));
    return c.json({ conversation }, 200);
  })
  .post('/:id/restore', requireWorkspaceConversation(), async (c) => {
    const conversation = unwrap(await c.env.CONVERSATIONS.getByName(c.req.param('id')).setArchived(false));
    return c.json({ conversation }, 200);
  })
  .get('/:id/ws', requireWorkspaceConversation(), async (c) => {
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
  })
  .route('/', conversationActions);
