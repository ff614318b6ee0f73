// REST calls of message editing (docs/protocol.md "Editing"): the agent's own message, and the earlier bodies.
import type { Message, MessageRevision } from '../../protocol';
import { shortcodes } from '../../protocol/emoji';
import { call, client } from './api';

/**
 * Replaces the body of one of the agent's own messages, its `:shortcodes:` made emoji as when it was sent (409
 * edit_window_passed or already_replied, 403 not_your_message).
 */
export function editMessage(conversationId: string, messageId: string, body: string): Promise<{ message: Message }> {
  return call(
    client.api.conversations[':id'].messages[':messageId'].$patch({
      param: { id: conversationId, messageId },
      json: { body: shortcodes(body) },
    }),
  );
}

/** The bodies edits replaced, oldest first (agents only). */
export function messageRevisions(conversationId: string, messageId: string): Promise<{ revisions: MessageRevision[] }> {
  return call(
    client.api.conversations[':id'].messages[':messageId'].revisions.$get({ param: { id: conversationId, messageId } }),
  );
}
