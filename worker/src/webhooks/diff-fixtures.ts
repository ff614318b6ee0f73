// Builders of the conversations and messages the webhook diff tests feed eventsOf (webhooks/diff.ts).
import type { Conversation, Message } from '../../../protocol';

/** An active, assigned conversation with notes and two messages; `over` replaces fields. */
export const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'cv_1',
  siteId: 'st_1',
  visitorId: 'vi_1',
  status: 'active',
  assigneeId: 'ag_1',
  assigneeName: 'Ann',
  departmentId: null,
  priority: 'normal',
  tags: [],
  notes: 'refund fraud suspected',
  timings: {
    waitSeconds: 1,
    firstResponseSeconds: 1,
    resolutionSeconds: null,
    firstAgentReplyAt: null,
    resolvedAt: null,
    closedAt: null,
  },
  rating: null,
  archivedAt: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
  lastMessageAt: null,
  lastMessagePreview: null,
  lastMessageSender: null,
  lastSeq: 2,
  messageCount: 2,
  visitorUnread: 0,
  agentUnread: 0,
  visitorReadSeq: 0,
  agentReadSeq: 0,
  rev: 1,
  ...over,
});

/** A visitor's text message number `seq`; `over` replaces fields. */
export const message = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `ms_${seq}`,
  seq,
  sender: { type: 'visitor', id: 'vi_1' } as Message['sender'],
  kind: 'text',
  body: `message ${seq}`,
  createdAt: '2026-11-30T10:00:00.000Z',
  ...over,
});
