import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import { ftsQuery, plainWords } from '../lib/search';

// Inbox search over two word indexes (migration 0007): message_words, keyed by conversation rowid << 24 | seq,
// and visitor_words (names, emails). Every word must match as a prefix, in one message or in the visitor.
// Few hits drive the query (a lookup per hit, then a sort); many hits let the inbox order drive it and
// stop after one page, testing each conversation against the hits.

/** Hits from which the inbox order drives the query. */
const DENSE = 2000;
/** Words a typed prefix may stand for before it is searched as a prefix (FTS5 materialises those). */
const MAX_FORMS = 40;

/** How the inbox query finds the matching conversations: `sparse` means the hits drive it. */
export type SearchPlan = { where: SQL; sparse: boolean };

const lit = (w: string) => `"${w.replace(/"/g, '""')}"`;
const c = conversations;
const visitorHits = (prefix: string) => sql`SELECT v.id FROM visitors v WHERE v.rowid IN (SELECT rowid FROM visitor_words WHERE visitor_words MATCH ${prefix})`;
const count = (table: string, match: string) => sql`(SELECT count(*) FROM (SELECT 1 FROM ${sql.raw(table)} WHERE ${sql.raw(table)} MATCH ${match} LIMIT ${DENSE}))`;

/**
 * Each plain word's forms (the indexed words it is a prefix of, at most MAX_FORMS + 1) with their message
 * counts, and the visitors matching; one statement (D1 allows few compound SELECTs: a row per word instead).
 */
async function forms(db: Db, words: string[], prefix: string) {
  const ranges = words.map((w) => [w, w.slice(0, -1) + String.fromCharCode(w.charCodeAt(w.length - 1) + 1)]);
  const rows = await db.all<{ forms: string; visitors: number }>(sql`SELECT
    (SELECT json_group_array(json_array(term, doc)) FROM (SELECT term, doc FROM message_words_vocab
      WHERE term >= j.value ->> 0 AND term < j.value ->> 1 LIMIT ${MAX_FORMS + 1})) AS forms,
    ${count('visitor_words', prefix)} AS visitors
    FROM json_each(${JSON.stringify(ranges)}) j ORDER BY j.key`);
  const byWord = rows.map((r) => (JSON.parse(r.forms) as [string, number][]).map(([term, doc]) => ({ term, doc })));
  return { byWord, visitors: rows[0]?.visitors ?? 0 };
}

/** The search's condition on the inbox query, and whether its hits should drive it. */
export async function searchPlan(db: Db, q: string): Promise<SearchPlan | null> {
  const prefix = ftsQuery(q);
  if (!prefix) return null;
  const words = plainWords(q);
  let match: string | null = prefix, messages: number, visitors: number, exact = false;
  const f = words ? await forms(db, words, prefix) : null;
  if (f && f.byWord.every((t) => t.length <= MAX_FORMS)) {
    // Plain words: each stands for its forms (exact terms FTS5 can seek in, unlike a prefix).
    exact = true;
    visitors = f.visitors;
    match = f.byWord.some((t) => !t.length) ? null : f.byWord.map((t) => `(${t.map((r) => lit(r.term)).join(' OR ')})`).join(' AND ');
    messages = match ? Math.min(...f.byWord.map((t) => t.reduce((s, r) => s + r.doc, 0))) : 0;
    // Several common words may still share few messages: count those (cheap, it stops at DENSE).
    if (match && words!.length > 1 && messages + visitors >= DENSE) [{ n: messages }] = await db.all<{ n: number }>(sql`SELECT ${count('message_words', match)} AS n`);
  } else {
    [{ m: messages, v: visitors }] = await db.all<{ m: number; v: number }>(sql`SELECT ${count('message_words', prefix)} AS m, ${count('visitor_words', prefix)} AS v`);
  }
  const ofVisitor = sql`SELECT c2.rowid FROM conversations c2 WHERE c2.visitor_id IN (${visitorHits(prefix)})`;
  if (messages + visitors < DENSE) {
    const hits = match ? sql`SELECT rowid >> 24 FROM message_words WHERE message_words MATCH ${match} UNION ${ofVisitor}` : ofVisitor;
    return { sparse: true, where: sql`${c}.rowid IN (${hits})` };
  }
  // Many hits: walk the inbox; the unary + keeps the planner from driving by the hit lists.
  const byVisitor = sql`+${c.visitorId} IN (${visitorHits(prefix)})`;
  if (!match) return { sparse: false, where: byVisitor };
  const byMessage = exact
    ? sql`EXISTS (SELECT 1 FROM message_words w WHERE w.message_words MATCH ${match} AND w.rowid BETWEEN (${c}.rowid << 24) AND (${c}.rowid << 24) + 16777215)`
    : sql`+${c}.rowid IN (SELECT rowid >> 24 FROM message_words WHERE message_words MATCH ${match})`;
  return { sparse: false, where: sql`(${byMessage} OR ${byVisitor})` };
}
