// The fields a `conversation.delta` carries, zod-free so that the console can use them without the schemas.
import type { Conversation } from './models';

/**
 * What messages and read markers change in a conversation: all a `conversation.delta` carries (docs/protocol.md).
 * Lifecycle changes and agents' edits send the whole conversation instead (`conversation.updated`).
 */
export const DELTA_FIELDS = [
  'id',
  'siteId',
  'rev',
  'status',
  'assigneeId',
  'updatedAt',
  'lastMessageAt',
  'lastMessagePreview',
  'lastMessageSender',
  'lastSeq',
  'messageCount',
  'visitorUnread',
  'agentUnread',
  'visitorReadSeq',
  'agentReadSeq',
] as const satisfies readonly (keyof Conversation)[];
/** A conversation's message-driven fields (DELTA_FIELDS), merged by id into a copy the console already has. */
export type ConversationDelta = Pick<Conversation, (typeof DELTA_FIELDS)[number]>;

/** The delta fields of a whole conversation. */
export const pickDelta = (c: Conversation): ConversationDelta =>
  Object.fromEntries(DELTA_FIELDS.map((k) => [k, c[k]])) as ConversationDelta;
