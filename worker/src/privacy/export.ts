import type { Db } from '../db/client';
import { csvRow } from './csv';
import {
  type ConversationCursor,
  conversationPage,
  type ExportConversation,
  type ExportMessage,
  messagePage,
} from './queries';

// The workspace export (docs/privacy.md "Export"): a stream that reads D1 a page at a time, so memory holds one
// page of conversations and one of messages whatever the size of the export (100,000 conversations and more).

/** Conversations per D1 statement. */
export const CONVERSATION_PAGE = 100;
/** Messages per D1 statement. */
export const MESSAGE_PAGE = 500;

/** What to export: the sites (already the caller's), [from, to) as ISO times, the format and file. */
export type ExportPlan = {
  siteIds: string[];
  from: string;
  to: string;
  format: 'jsonl' | 'csv';
  part: 'conversations' | 'messages';
};

// biome-ignore format: a table, one line per row of cells
const CONVERSATION_COLUMNS = [
  'id', 'site_id', 'visitor_id', 'visitor_name', 'visitor_email', 'visitor_external_id', 'visitor_erased_at', 'status',
  'assignee_id', 'assignee_name', 'department_id', 'priority', 'tags', 'notes', 'created_at', 'updated_at',
  'archived_at', 'message_count', 'first_visitor_message_at', 'first_agent_reply_at', 'resolved_at', 'closed_at',
  'wait_seconds', 'first_response_seconds', 'resolution_seconds', 'rating_score', 'rating_comment', 'rated_at',
] as const;
// biome-ignore format: a table, one line per row of cells
const MESSAGE_COLUMNS = [
  'conversation_id', 'seq', 'id', 'sender_type', 'sender_id', 'sender_name', 'kind', 'body', 'created_at', 'deleted_at',
] as const;

// biome-ignore format: a table, one line per row of cells
const conversationCells = (c: ExportConversation) => [
  c.id, c.siteId, c.visitorId, c.visitor?.name, c.visitor?.email, c.visitor?.externalId, c.visitor?.erasedAt, c.status,
  c.assigneeId, c.assigneeName, c.departmentId, c.priority, c.tags.join(' '), c.notes, c.createdAt, c.updatedAt,
  c.archivedAt, c.messageCount, c.firstVisitorMessageAt, c.firstAgentReplyAt, c.resolvedAt, c.closedAt,
  c.waitSeconds, c.firstResponseSeconds, c.resolutionSeconds, c.ratingScore, c.ratingComment, c.ratedAt,
];
// biome-ignore format: a table, one line per row of cells
const messageCells = (m: ExportMessage) => [
  m.conversationId, m.seq, m.id, m.senderType, m.senderId, m.senderName, m.kind, m.body, m.createdAt, m.deletedAt,
];

/** A conversation as one JSON line: its row without the workspace, its visitor nested. */
function conversationLine(c: ExportConversation) {
  const { workspaceId: _w, visitorUnread: _vu, agentUnread: _au, rev: _r, ...rest } = c;
  return jsonLine({ type: 'conversation', ...rest });
}
const messageLine = (m: ExportMessage) => jsonLine({ type: 'message', ...m });
/**
 * One JSON Lines record. U+2028 and U+2029 are valid raw in JSON but are line breaks to JavaScript's and Python's
 * line splitters: escaped, a text holding them stays one record for every reader.
 */
const jsonLine = (value: unknown) =>
  `${JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'))}\n`;

/** The conversations of every site of the plan, a page at a time. */
async function* conversationPages(db: Db, plan: ExportPlan) {
  for (const siteId of plan.siteIds) {
    let after: ConversationCursor = null;
    for (;;) {
      const page = await conversationPage(db, {
        siteId,
        from: plan.from,
        to: plan.to,
        after,
        limit: CONVERSATION_PAGE,
      });
      if (page.length) yield page;
      if (page.length < CONVERSATION_PAGE) break;
      const last = page[page.length - 1]!;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
}

/** The messages of some conversations in (conversation id, seq) order, a page at a time. */
async function* messagePages(db: Db, ids: string[]) {
  let after: { conversationId: string; seq: number } | null = null;
  for (;;) {
    const page = await messagePage(db, ids, after, MESSAGE_PAGE);
    if (page.length) yield page;
    if (page.length < MESSAGE_PAGE) return;
    const last = page[page.length - 1]!;
    after = { conversationId: last.conversationId, seq: last.seq };
  }
}

/**
 * The export's text, one chunk per D1 page. JSON Lines: each conversation line is followed by its messages' lines
 * (within a page of conversations they go in id order, so the messages merge in as they are read).
 */
export async function* exportChunks(db: Db, plan: ExportPlan): AsyncGenerator<string> {
  if (plan.format === 'csv') yield csvRow([...(plan.part === 'messages' ? MESSAGE_COLUMNS : CONVERSATION_COLUMNS)]);
  for await (const page of conversationPages(db, plan)) {
    if (plan.format === 'csv' && plan.part === 'conversations') {
      yield page.map((c) => csvRow(conversationCells(c))).join('');
      continue;
    }
    const byId = [...page].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let next = 0;
    /** The conversation lines up to (and including) `id`, for JSON Lines. */
    const headersUpTo = (id: string | null) => {
      let out = '';
      while (next < byId.length && (id === null || byId[next]!.id <= id)) out += conversationLine(byId[next++]!);
      return out;
    };
    for await (const messages of messagePages(
      db,
      byId.map((c) => c.id),
    )) {
      if (plan.format === 'csv') yield messages.map((m) => csvRow(messageCells(m))).join('');
      else yield messages.map((m) => headersUpTo(m.conversationId) + messageLine(m)).join('');
    }
    if (plan.format === 'jsonl') {
      const rest = headersUpTo(null);
      if (rest) yield rest;
    }
  }
}

/** A pull-driven byte stream over the chunks: the next page is read only when the client has taken the last one. */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
