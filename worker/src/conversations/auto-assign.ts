import type { Conversation } from '../../../protocol';
import { log } from '../lib/log';

/**
 * Offer a waiting conversation to its department's auto-assignment (docs/lifecycle.md):
 * the site's SiteDO picks an online agent with room, or nobody. Assignment is a
 * convenience: on any failure the conversation simply waits for anyone to claim it.
 */
export async function offerToAutoAssign(env: Env, conversation: Conversation): Promise<Conversation> {
  if (!conversation.departmentId || conversation.status !== 'waiting' || conversation.assigneeId) return conversation;
  try {
    const agent = await env.SITES.getByName(conversation.siteId).autoAssign({
      conversationId: conversation.id,
      departmentId: conversation.departmentId,
    });
    if (!agent) return conversation;
    const assigned = await env.CONVERSATIONS.getByName(conversation.id).act({ type: 'assign', to: agent, by: null });
    return assigned.ok ? assigned.value : conversation;
  } catch (err) {
    log.warn('assignment.failed', { conversationId: conversation.id, error: err });
    return conversation;
  }
}
