import { toConversation } from '../conversations';
import type { Db } from '../db/client';
import type { visitors } from '../db/schema';
import { LIMITS, type Message } from '../../../protocol';
import { type ConversationCursor, visitorConversations } from './queries';

// A data subject's export (docs/privacy.md "A visitor's data"): everything Parley holds about one visitor, as one
// JSON document. Their messages come from each ConversationDO (the source of truth: files, edits and names that
// D1's copy lacks); one person's conversations are few, so a call per conversation is fine here.

const PAGE = 50;

/** Every message of a conversation, oldest first, as agents see them (notes included: the admin reviews). */
async function allMessages(env: Env, conversationId: string): Promise<Message[]> {
  const stub = env.CONVERSATIONS.getByName(conversationId);
  const pages: Message[][] = [];
  let before: number | undefined;
  for (;;) {
    const page = await stub.history({ viewer: 'agent', limit: LIMITS.historyPageMax, ...(before ? { before } : {}) });
    pages.unshift(page.messages);
    if (!page.hasMore || !page.messages.length) break;
    before = page.messages[0]!.seq;
  }
  return pages.flat();
}

/**
 * The visitor's edited messages with the bodies their edits replaced (`revisions`, oldest first): Parley keeps those
 * words too (agents can read them), so the person's copy has them. A call per edited message: edits are few.
 */
async function withRevisions(env: Env, conversationId: string, messages: Message[]) {
  const stub = env.CONVERSATIONS.getByName(conversationId);
  return Promise.all(
    messages.map(async (m) => {
      if (!m.editedAt || m.sender.type !== 'visitor') return m;
      const found = await stub.revisions(m.id);
      return found.ok ? { ...m, revisions: found.value } : m;
    }),
  );
}

/** The visitor's document: profile, conversations with their messages, and the files (metadata and API links). */
export async function subjectExport(
  env: Env,
  db: Db,
  visitor: typeof visitors.$inferSelect,
  site: { id: string; name: string },
) {
  const conversations = [];
  const files = [];
  let after: ConversationCursor = null;
  for (;;) {
    const page = await visitorConversations(db, visitor.id, after, PAGE);
    for (const row of page) {
      const messages = await withRevisions(env, row.id, await allMessages(env, row.id));
      for (const m of messages) if (m.file) files.push({ conversationId: row.id, messageId: m.id, ...m.file });
      const { visitor: _v, ...conversation } = toConversation(row);
      conversations.push({ ...conversation, messages });
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!;
  }
  return {
    exportedAt: new Date().toISOString(),
    site,
    visitor,
    conversations,
    files,
  };
}
