// Test fixture (imported only by *.test.ts): a complete Conversation whose activity time is `minute` past 2026-01-01 UTC.
import type { Conversation, ConversationDelta } from '../../../protocol';
import { pickDelta } from '../../../protocol/delta';

/** A conversation with every field set, overridable. */
export function makeConversation(id: string, minute: number, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    siteId: 's1',
    visitorId: `visitor-${id}-abcdef`,
    status: 'active',
    assigneeId: null,
    assigneeName: null,
    departmentId: null,
    priority: 'normal',
    tags: [],
    notes: '',
    timings: {
      waitSeconds: null,
      firstResponseSeconds: null,
      resolutionSeconds: null,
      firstAgentReplyAt: null,
      resolvedAt: null,
      closedAt: null,
    },
    rating: null,
    archivedAt: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    lastMessageAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    lastMessagePreview: 'hello',
    lastMessageSender: 'visitor',
    lastSeq: minute,
    rev: minute,
    messageCount: minute,
    visitorUnread: 0,
    agentUnread: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    ...extra,
  };
}

/** The delta the server would send for makeConversation(id, minute, extra) (rev, lastSeq and times follow `minute`). */
export function makeDelta(id: string, minute: number, extra: Partial<Conversation> = {}): ConversationDelta {
  return pickDelta(makeConversation(id, minute, extra));
}
