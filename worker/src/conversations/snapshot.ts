import type { Conversation, ConversationDelta, Message } from '../../../protocol';
import { truncateText } from '../../../protocol/text';

/** A message row of the object's SQLite. */
export type MessageRow = {
  seq: number;
  id: string;
  client_id: string | null;
  sender_type: string;
  sender_id: string | null;
  sender_name: string | null;
  kind: string;
  body: string;
  created_at: string;
  file?: string | null;
  deleted_at?: string | null;
  edited_at?: string | null;
};

/** A stored row as a protocol message. */
export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  seq: r.seq,
  ...(r.client_id ? { clientId: r.client_id } : {}),
  sender: {
    type: r.sender_type as Message['sender']['type'],
    ...(r.sender_id ? { id: r.sender_id } : {}),
    ...(r.sender_name ? { name: r.sender_name } : {}),
  },
  kind: r.kind as Message['kind'],
  body: r.body,
  createdAt: r.created_at,
  ...(r.file ? { file: JSON.parse(r.file) as NonNullable<Message['file']> } : {}),
  ...(r.deleted_at ? { deletedAt: r.deleted_at } : {}),
  ...(r.edited_at ? { editedAt: r.edited_at } : {}),
});

/**
 * The one rule of every unread count (widget badge, inbox, tab title, unread email): a message of the other side
 * that is meant to be read (text or file) and still there. Notes, system lines and deleted messages never count.
 */
export const UNREAD = "kind IN ('text', 'file') AND deleted_at IS NULL";

const seconds = (from: unknown, to: unknown) =>
  typeof from === 'string' && typeof to === 'string' ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : null;
const str = (v: unknown) => (v as string | null) ?? null;

/** The conversation as clients see it: the meta row's kept figures and one lookup of the last customer-facing message. */
export function snapshot(sql: Pick<SqlStorage, 'exec'>): Conversation {
  const m = sql.exec('SELECT * FROM meta LIMIT 1').one();
  // The inbox shows the last customer-facing message: notes and system messages are left out.
  const last =
    m.last_message_seq === null
      ? undefined
      : sql
          .exec<MessageRow>('SELECT created_at, body, sender_type FROM messages WHERE seq = ?', m.last_message_seq)
          .toArray()[0];
  return {
    id: m.id as string,
    siteId: m.site_id as string,
    visitorId: m.visitor_id as string,
    visitor: { id: m.visitor_id as string, name: str(m.visitor_name), email: str(m.visitor_email) },
    status: m.status as Conversation['status'],
    assigneeId: str(m.assignee_id),
    assigneeName: str(m.assignee_name),
    departmentId: str(m.department_id),
    priority: m.priority as Conversation['priority'],
    tags: JSON.parse(m.tags as string) as string[],
    notes: m.notes as string,
    timings: {
      waitSeconds: seconds(m.created_at, m.first_claimed_at),
      firstResponseSeconds: seconds(m.first_visitor_message_at, m.first_agent_reply_at),
      resolutionSeconds: seconds(m.created_at, m.resolved_at),
      firstAgentReplyAt: str(m.first_agent_reply_at),
      resolvedAt: str(m.resolved_at),
      closedAt: str(m.closed_at),
    },
    rating:
      m.rating_score === null
        ? null
        : { score: m.rating_score as number, comment: str(m.rating_comment), at: m.rated_at as string },
    archivedAt: str(m.archived_at),
    createdAt: m.created_at as string,
    updatedAt: m.updated_at as string,
    lastMessageAt: last?.created_at ?? (m.created_at as string),
    lastMessagePreview: last ? truncateText(last.body, 140) : null,
    lastMessageSender: (last?.sender_type as Conversation['lastMessageSender']) ?? null,
    lastSeq: m.last_seq as number,
    messageCount: m.message_count as number,
    visitorUnread: m.visitor_unread as number,
    agentUnread: m.agent_unread as number,
    visitorReadSeq: m.visitor_read_seq as number,
    agentReadSeq: m.agent_read_seq as number,
    rev: m.rev as number,
  };
}

/**
 * The delta fields alone (protocol DELTA_FIELDS): what the site event of a message window carries. Reads the
 * columns it needs rather than the whole meta row, because it runs once per window on a busy conversation.
 */
export function deltaOf(sql: Pick<SqlStorage, 'exec'>): ConversationDelta {
  const m = sql
    .exec(`SELECT id, site_id, rev, status, assignee_id, updated_at, created_at, last_seq, message_count, visitor_unread,
    agent_unread, visitor_read_seq, agent_read_seq, last_message_seq FROM meta LIMIT 1`)
    .one();
  const last =
    m.last_message_seq === null
      ? undefined
      : sql
          .exec<MessageRow>('SELECT created_at, body, sender_type FROM messages WHERE seq = ?', m.last_message_seq)
          .toArray()[0];
  return {
    id: m.id as string,
    siteId: m.site_id as string,
    rev: m.rev as number,
    status: m.status as Conversation['status'],
    assigneeId: str(m.assignee_id),
    updatedAt: m.updated_at as string,
    lastMessageAt: last?.created_at ?? (m.created_at as string),
    lastMessagePreview: last ? truncateText(last.body, 140) : null,
    lastMessageSender: (last?.sender_type as Conversation['lastMessageSender']) ?? null,
    lastSeq: m.last_seq as number,
    messageCount: m.message_count as number,
    visitorUnread: m.visitor_unread as number,
    agentUnread: m.agent_unread as number,
    visitorReadSeq: m.visitor_read_seq as number,
    agentReadSeq: m.agent_read_seq as number,
  };
}
