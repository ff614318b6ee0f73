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
  /** Set when its author deleted it: the body is then empty everywhere, and clients show "Message deleted". */
  deletedAt: z.string().optional(),
  /** Set when its author edited it (the body is the newest one; agents can fetch the earlier ones). */
  editedAt: z.string().optional(),
  /** For kind 'file': the attachment; `url` is an API path to GET with the same bearer token. */
  file: z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string(), url: z.string() }).optional(),
});
export type Message = z.infer<typeof Message>;

/** Lifecycle status of a conversation (issue 3 adds the transitions). */
export const ConversationStatus = z.enum(['waiting', 'active', 'resolved', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** How urgent a conversation is. */
export const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

/** Service timings of a conversation, in seconds (null until they happen). */
export const Timings = z.object({
  /** created → first claimed or assigned */
  waitSeconds: z.number().nullable(),
  /** first visitor message → first agent reply */
  firstResponseSeconds: z.number().nullable(),
  /** created → resolved */
  resolutionSeconds: z.number().nullable(),
  firstAgentReplyAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type Timings = z.infer<typeof Timings>;

/** A conversation as every client sees it (REST bodies and realtime frames). */
export const Conversation = z.object({
  id: z.string(),
  siteId: z.string(),
  visitorId: z.string(),
  visitor: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).optional(),
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  /** The assignee's display name, for labels without a lookup. */
  assigneeName: z.string().nullable(),
  departmentId: z.string().nullable(),
  priority: Priority,
  tags: z.array(z.string()),
  /** Free-text notes about the conversation (agents only; never sent to the visitor). */
  notes: z.string(),
  timings: Timings,
  /** The visitor's satisfaction rating, given once after the conversation was resolved. */
  rating: z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.string() }).nullable(),
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

/** Roles: owners and admins manage people, sites and departments. */
export const Role = z.enum(['owner', 'admin', 'agent']);
export type Role = z.infer<typeof Role>;

/** An agent of a workspace. */
export const Agent = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  /** false after deactivation (cannot log in, never assigned). */
  active: z.boolean(),
  /** true until an invited agent has set a password. */
  invited: z.boolean(),
  /** Most conversations auto-assignment gives this agent at once. */
  maxConcurrent: z.number().int(),
  departmentIds: z.array(z.string()),
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

/** Everything the console's sidebar shows about a visitor. */
export const VisitorProfile = Visitor.extend({
  browser: z.string().nullable(),
  os: z.string().nullable(),
  device: z.enum(['desktop', 'mobile', 'tablet']).nullable(),
  currentUrl: z.string().nullable(),
  currentTitle: z.string().nullable(),
  referrer: z.string().nullable(),
  landingUrl: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  visits: z.number().int(),
  /** The address the visitor last came from (for "Block this visitor": their IP too). */
  lastIp: z.string().nullable(),
});
export type VisitorProfile = z.infer<typeof VisitorProfile>;

/** A team inside a workspace; new conversations go to the default one. */
export const Department = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  autoAssign: z.boolean(),
});
export type Department = z.infer<typeof Department>;

/** Numbers for the dashboard: a site over a date range. */
export const Stats = z.object({
  from: z.string(),
  to: z.string(),
  open: z.number().int(),
  waiting: z.number().int(),
  resolvedToday: z.number().int(),
  resolved: z.number().int(),
  missed: z.number().int(),
  agentsOnline: z.number().int(),
  avgFirstResponseSeconds: z.number().nullable(),
  medianFirstResponseSeconds: z.number().nullable(),
  avgResolutionSeconds: z.number().nullable(),
  /** Average CSAT score (1–5) of the ratings given in the range, and how many. */
  avgRating: z.number().nullable(),
  ratings: z.number().int(),
  perAgent: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      assigned: z.number().int(),
      open: z.number().int(),
      resolved: z.number().int(),
      avgFirstResponseSeconds: z.number().nullable(),
    }),
  ),
});
export type Stats = z.infer<typeof Stats>;

/** Agent presence on a site's console socket (an agent with no console open is offline). */
export const AgentStatus = z.enum(['online', 'away', 'busy']);
export type AgentStatus = z.infer<typeof AgentStatus>;

/** An earlier body of an edited message (agents only: GET /api/conversations/:id/messages/:messageId/revisions). */
export const MessageRevision = z.object({
  body: z.string(),
  /** When this body was written (the message's creation, or the edit before). */
  createdAt: z.string(),
  /** When an edit replaced it. */
  replacedAt: z.string(),
});
export type MessageRevision = z.infer<typeof MessageRevision>;
