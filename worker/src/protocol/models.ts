import { z } from 'zod';

/** Who wrote a message. */
export const Sender = z.object({
  type: z.enum(['visitor', 'agent', 'system']),
  id: z.string().optional(),
  name: z.string().optional(),
});
export type Sender = z.infer<typeof Sender>;

/** The kinds of message: notes are agent-only, system messages come from Parley itself. */
export const MessageKind = z.enum(['text', 'note', 'system', 'file']);
export type MessageKind = z.infer<typeof MessageKind>;

/** A stored message, as the ConversationDO committed it. */
export const Message = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  clientId: z.string().optional(),
  sender: Sender,
  kind: MessageKind,
  body: z.string(),
  createdAt: z.string(),
  file: z.object({ name: z.string(), size: z.number(), type: z.string(), url: z.string() }).optional(),
});
export type Message = z.infer<typeof Message>;

/** Lifecycle status of a conversation (issue 3 adds the transitions). */
export const ConversationStatus = z.enum(['waiting', 'active', 'resolved', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** A conversation as every client sees it (REST bodies and realtime frames). */
export const Conversation = z.object({
  id: z.string(),
  siteId: z.string(),
  visitorId: z.string(),
  visitor: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).optional(),
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastMessageAt: z.string().nullable(),
  /** First characters of the last visible (non-note) message. */
  lastMessagePreview: z.string().nullable(),
  lastMessageSender: z.enum(['visitor', 'agent', 'system']).nullable(),
  lastSeq: z.number().int(),
  messageCount: z.number().int(),
  /** Agent messages the visitor has not read yet. */
  visitorUnread: z.number().int(),
  /** Visitor messages no agent has read yet (the inbox's unread mark). */
  agentUnread: z.number().int(),
  visitorReadSeq: z.number().int(),
  agentReadSeq: z.number().int(),
  /** Increases on every change; clients keep the copy with the highest rev. */
  rev: z.number().int(),
});
export type Conversation = z.infer<typeof Conversation>;

/** An agent of a workspace. */
export const Agent = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'admin', 'agent']),
});
export type Agent = z.infer<typeof Agent>;

/** A site: where a widget is embedded, identified publicly by its key. */
export const Site = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  key: z.string(),
  allowedOrigins: z.array(z.string()),
  settings: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type Site = z.infer<typeof Site>;

/** A visitor of a site. */
export const Visitor = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});
export type Visitor = z.infer<typeof Visitor>;

/** Agent presence on a site's console socket. */
export const AgentStatus = z.enum(['online', 'away', 'busy']);
export type AgentStatus = z.infer<typeof AgentStatus>;
