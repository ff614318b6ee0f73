import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Drizzle mirror of migrations/0001_init.sql: the migrations are the truth, keep both in step.

/** Tenants: everything else belongs to one workspace. */
export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});

/** People who answer chats. */
export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['owner', 'admin', 'agent'] }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  maxConcurrent: integer('max_concurrent').notNull().default(5),
  invited: integer('invited', { mode: 'boolean' }).notNull().default(false),
  inviteTokenHash: text('invite_token_hash'),
  preferences: text('preferences', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  /** Tokens issued at or before this (unix ms) are refused: set on deactivation. */
  tokensValidAfter: integer('tokens_valid_after').notNull().default(0),
});

/** Teams inside a workspace; exactly one is the default. */
export const departments = sqliteTable('departments', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  autoAssign: integer('auto_assign', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});

/** Which agents belong to which departments. */
export const agentDepartments = sqliteTable(
  'agent_departments',
  {
    agentId: text('agent_id').notNull(),
    departmentId: text('department_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] })],
);

/** Websites that embed the widget. */
export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  key: text('key').notNull(),
  allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: text('created_at').notNull(),
  identitySecret: text('identity_secret'),
});

/** People who chat through the widget. */
export const visitors = sqliteTable('visitors', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  name: text('name'),
  email: text('email'),
  createdAt: text('created_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
  userAgent: text('user_agent'),
  browser: text('browser'),
  os: text('os'),
  device: text('device', { enum: ['desktop', 'mobile', 'tablet'] }),
  currentUrl: text('current_url'),
  currentTitle: text('current_title'),
  referrer: text('referrer'),
  landingUrl: text('landing_url'),
  country: text('country'),
  city: text('city'),
  visits: integer('visits').notNull().default(1),
  externalId: text('external_id'),
  unsubscribedAt: text('unsubscribed_at'),
  /** The visitor's last address, canonical (migration 0010): lets an IP block reach sockets already open. */
  lastIp: text('last_ip'),
  /** Set when the person was erased (migration 0015): the row stays, anonymous, for the statistics. */
  erasedAt: text('erased_at'),
});

/** The inbox index, projected from each ConversationDO. */
export const conversations = sqliteTable('conversations', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  siteId: text('site_id').notNull(),
  visitorId: text('visitor_id').notNull(),
  status: text('status', { enum: ['waiting', 'active', 'resolved', 'closed'] }).notNull(),
  assigneeId: text('assignee_id'),
  archivedAt: text('archived_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  lastMessageAt: text('last_message_at'),
  lastMessagePreview: text('last_message_preview'),
  lastMessageSender: text('last_message_sender', { enum: ['visitor', 'agent', 'system'] }),
  lastSeq: integer('last_seq').notNull(),
  messageCount: integer('message_count').notNull(),
  visitorUnread: integer('visitor_unread').notNull(),
  agentUnread: integer('agent_unread').notNull(),
  visitorReadSeq: integer('visitor_read_seq').notNull(),
  agentReadSeq: integer('agent_read_seq').notNull(),
  rev: integer('rev').notNull(),
  assigneeName: text('assignee_name'),
  departmentId: text('department_id'),
  priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
    .notNull()
    .default('normal'),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
  notes: text('notes').notNull().default(''),
  firstClaimedAt: text('first_claimed_at'),
  firstVisitorMessageAt: text('first_visitor_message_at'),
  firstAgentReplyAt: text('first_agent_reply_at'),
  resolvedAt: text('resolved_at'),
  closedAt: text('closed_at'),
  waitSeconds: real('wait_seconds'),
  firstResponseSeconds: real('first_response_seconds'),
  resolutionSeconds: real('resolution_seconds'),
  ratingScore: integer('rating_score'),
  ratingComment: text('rating_comment'),
  ratedAt: text('rated_at'),
});

/** Projection batches in transit: a trigger applies each row to conversations and messages, then deletes it (migrations/0008). */
export const projectionBatches = sqliteTable('projection_batches', {
  id: integer('id').primaryKey(),
  payload: text('payload').notNull(),
});

/** Searchable copy of messages, keyed by (conversation, seq) so projection is idempotent. */
export const messages = sqliteTable(
  'messages',
  {
    conversationId: text('conversation_id').notNull(),
    seq: integer('seq').notNull(),
    id: text('id').notNull(),
    senderType: text('sender_type').notNull(),
    senderId: text('sender_id'),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.seq] })],
);

/** Saved replies: shared with the workspace (owner_id NULL) or personal. */
export const cannedResponses = sqliteTable('canned_responses', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  ownerId: text('owner_id'),
  title: text('title').notNull(),
  content: text('content').notNull(),
  shortcut: text('shortcut').notNull(),
  category: text('category').notNull().default(''),
  usageCount: integer('usage_count').notNull().default(0),
  lastUsedAt: text('last_used_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Knowledge-base articles (Markdown). */
export const articles = sqliteTable('articles', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  category: text('category').notNull().default(''),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Views from the widget, once per visitor and day (kept by a trigger on article_views, migrations/0012). */
  views: integer('views').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Who read which article on which UTC day: a second read the same day is an ignored insert (not counted). */
export const articleViews = sqliteTable(
  'article_views',
  { articleId: text('article_id').notNull(), visitorId: text('visitor_id').notNull(), day: text('day').notNull() },
  (t) => [primaryKey({ columns: [t.articleId, t.visitorId, t.day] })],
);

/** Mail the local provider kept instead of sending (listed at /api/dev/outbox). */
export const emailOutbox = sqliteTable('email_outbox', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  toAddress: text('to_address').notNull(),
  fromAddress: text('from_address').notNull(),
  replyTo: text('reply_to'),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body').notNull(),
  createdAt: text('created_at').notNull(),
});

/** The audit log (migration 0009): admin and security actions, per workspace. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  id: text('id').notNull(),
  workspaceId: text('workspace_id').notNull(),
  at: text('at').notNull(),
  actorType: text('actor_type', { enum: ['agent', 'token', 'anonymous', 'system'] }).notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  ip: text('ip'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
});

/** One-time setup links (migration 0011): only the token's hash; used once, then it names its workspace. */
export const setupTokens = sqliteTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  workspaceId: text('workspace_id'),
});

/** Failed sign-ins per lower-case email (migration 0011), for the per-account lock (auth/lockout.ts). */
export const loginAttempts = sqliteTable('login_attempts', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  locks: integer('locks').notNull().default(0),
  lockedUntil: integer('locked_until').notNull().default(0),
  lastAttemptAt: integer('last_attempt_at').notNull(),
});

/** The block list per site (migration 0010): visitors, IPs or CIDR ranges, and emails refused chat. */
export const blocks = sqliteTable('blocks', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  kind: text('kind', { enum: ['visitor', 'ip', 'email'] }).notNull(),
  value: text('value').notNull(),
  reason: text('reason').notNull().default(''),
  createdById: text('created_by_id'),
  createdByName: text('created_by_name'),
  createdAt: text('created_at').notNull(),
  drops: integer('drops').notNull().default(0),
  lastDropAt: text('last_drop_at'),
});

/** API tokens for integrations (migration 0013): only the secret's SHA-256; scopes as a JSON array. */
export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  hint: text('hint').notNull(),
  createdById: text('created_by_id').notNull(),
  createdByName: text('created_by_name').notNull(),
  /** Unix ms, compared with the creator's tokens_valid_after. */
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at'),
  lastUsedAt: integer('last_used_at'),
  revokedAt: integer('revoked_at'),
});

/** Webhooks per workspace (migration 0014); deliveries live in each one's WebhookDeliveryDO. */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  includeNotes: integer('include_notes', { mode: 'boolean' }).notNull().default(false),
  secret: text('secret').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  disabledAt: text('disabled_at'),
  disabledReason: text('disabled_reason'),
  createdById: text('created_by_id'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Retention per site (migration 0015): erase visitors with no activity for `months`; no row means off. */
export const retentionPolicies = sqliteTable('retention_policies', {
  siteId: text('site_id').primaryKey(),
  months: integer('months').notNull(),
  updatedAt: text('updated_at').notNull(),
  lastRunAt: text('last_run_at'),
  lastErased: integer('last_erased').notNull().default(0),
});

/** Erasures begun and done (migration 0015): an unfinished one is run again by the scheduled job. */
export const erasures = sqliteTable('erasures', {
  visitorId: text('visitor_id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  siteId: text('site_id').notNull(),
  reason: text('reason', { enum: ['request', 'retention'] }).notNull(),
  requestedAt: text('requested_at').notNull(),
  requestedBy: text('requested_by'),
  attempts: integer('attempts').notNull().default(0),
  completedAt: text('completed_at'),
  /** The last conversation (id order) fully erased: a run cut short continues after it. */
  cursor: text('cursor'),
  conversations: integer('conversations').notNull().default(0),
  messages: integer('messages').notNull().default(0),
  files: integer('files').notNull().default(0),
  /** 1 once the word indexes were compacted after it (FTS5 keeps deleted words' bytes until a merge). */
  compacted: integer('compacted').notNull().default(0),
});
