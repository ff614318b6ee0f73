import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
});

/** Websites that embed the widget. */
export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  key: text('key').notNull(),
  allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: text('created_at').notNull(),
});

/** People who chat through the widget. */
export const visitors = sqliteTable('visitors', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  name: text('name'),
  email: text('email'),
  createdAt: text('created_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
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
});

/** Searchable copy of messages, keyed by (conversation, seq) so projection is idempotent. */
export const messages = sqliteTable('messages', {
  conversationId: text('conversation_id').notNull(),
  seq: integer('seq').notNull(),
  id: text('id').notNull(),
  senderType: text('sender_type').notNull(),
  senderId: text('sender_id'),
  kind: text('kind').notNull(),
  body: text('body').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.conversationId, t.seq] })]);
