import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import { ftsQuery, plainWords } from '../lib/search';

// Inbox search over two word indexes (migration 0007): message_words, keyed by conversation rowid << 24 | seq,
// and visitor_words (names, emails). Every word must match as a prefix, in one message or in the visitor.
// Few hits drive the query: they are read once, then a lookup per conversation and a sort. Many hits let the
// inbox order drive it, stopping after one page, each conversation tested with a seek in the word index.

/** Hits from which the inbox order drives the query. */
const DENSE = 2000;
/** Words a typed prefix may stand for before it is searched as a prefix (FTS5 materialises those). */
const MAX_FORMS = 40;

/** How the inbox query finds the matching conversations: `sparse` means the hits drive it. */
export type SearchPlan = { where: SQL; sparse: boolean };

const c = conversations;
const lit = (w: string) => `"${w.replace(/"/g, '""')}"`;
/** Matching visitors (rowids, at most DENSE), read once for both their count and their conversations. */
const visitorHits = (match: string | null) =>
  match
    ? sql`WITH vis AS MATERIALIZED (SELECT rowid AS r FROM visitor_words WHERE visitor_words MATCH ${match} LIMIT ${DENSE})`
    : sql`WITH vis AS MATERIALIZED (SELECT NULL AS r WHERE 0)`;
/** The site's conversations of those visitors as a JSON array of rowids (+: by visitor, not a walk of the site). */
const visitorConversations = (siteId: string) => sql`(SELECT json_group_array(c2.rowid) FROM conversations c2
  WHERE +c2.site_id = ${siteId} AND c2.visitor_id IN (SELECT v.id FROM visitors v WHERE v.rowid IN (SELECT r FROM vis)))`;

/**
 * Each plain word's forms in messages and in visitors: the indexed words it starts (at most MAX_FORMS + 1).
 * Reading forms costs as much as they are common, so the longest words go first and, in each index, the
 * first word without forms stops the reading there (one word nothing has is enough to match nothing).
 */
async function forms(db: Db, words: string[]) {
  const ranges = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => [w, w.slice(0, -1) + String.fromCharCode(w.charCodeAt(w.length - 1) + 1)]);
  const json = JSON.stringify(ranges);
  const of = (
    vocab: string,
    prev: SQL,
  ) => sql`CASE WHEN ${prev} = '[]' THEN '[]' ELSE (SELECT json_group_array(term) FROM (
    SELECT term FROM ${sql.raw(vocab)} WHERE term >= json_extract(${json}, '$[' || (f.k + 1) || '][0]')
    AND term < json_extract(${json}, '$[' || (f.k + 1) || '][1]') LIMIT ${MAX_FORMS + 1})) END`;
  const rows = await db.all<{ m: string; v: string }>(sql`WITH RECURSIVE f(k, m, v) AS (SELECT -1, NULL, NULL
    UNION ALL SELECT f.k + 1, ${of('message_words_vocab', sql`f.m`)}, ${of('visitor_words_vocab', sql`f.v`)}
    FROM f WHERE f.k + 1 < ${ranges.length}) SELECT m, v FROM f WHERE f.k >= 0`);
  return {
    messages: rows.map((r) => JSON.parse(r.m) as string[]),
    visitors: rows.map((r) => JSON.parse(r.v) as string[]),
  };
}

/** An FTS5 query from each word's forms (exact terms, which FTS5 seeks in), else the prefixes; null: no match. */
function matchOf(f: string[][] | null, prefix: string) {
  if (!f || f.some((t) => t.length > MAX_FORMS)) return { match: prefix, exact: false };
  // A word that starts no indexed word: nothing has them all.
  if (f.some((t) => !t.length)) return { match: null, exact: true };
  return { match: f.map((t) => `(${t.map(lit).join(' OR ')})`).join(' AND '), exact: true };
}

/** The search's condition on the inbox query, and whether its hits drive it. */
export async function searchPlan(db: Db, siteId: string, q: string): Promise<SearchPlan | null> {
  const prefix = ftsQuery(q);
  if (!prefix) return null;
  const words = plainWords(q);
  const f = words ? await forms(db, words) : null;
  const { match, exact } = matchOf(f?.messages ?? null, prefix);
  const visitorMatch = matchOf(f?.visitors ?? null, prefix).match;
  // One statement reads the hits, up to DENSE of each, and their conversations (used when they are few).
  const messageHits = match
    ? sql`SELECT count(*) AS n, json_group_array(DISTINCT r) AS mc FROM (SELECT rowid >> 24 AS r FROM message_words WHERE message_words MATCH ${match} LIMIT ${DENSE})`
    : sql`SELECT 0 AS n, '[]' AS mc`;
  const [hits] = await db.all<{ m: number; mc: string; v: number; vc: string }>(sql`${visitorHits(visitorMatch)} SELECT
    h.n AS m, h.mc AS mc, (SELECT count(*) FROM vis) AS v, ${visitorConversations(siteId)} AS vc FROM (${messageHits}) h`);
  const { m, mc, v, vc } = hits!;
  if (m < DENSE && v < DENSE) {
    const rowids = JSON.stringify([...JSON.parse(mc), ...JSON.parse(vc)]);
    return { sparse: true, where: sql`${c}.rowid IN (SELECT value FROM json_each(${rowids}))` };
  }
  // Many hits: walk the inbox; the unary + keeps the planner from driving by the hit lists.
  const byVisitor =
    v < DENSE
      ? sql`+${c}.rowid IN (SELECT value FROM json_each(${vc}))`
      : sql`+${c.visitorId} IN (SELECT v.id FROM visitors v WHERE v.rowid IN (SELECT rowid FROM visitor_words WHERE visitor_words MATCH ${visitorMatch}))`;
  if (!match) return { sparse: false, where: byVisitor };
  const byMessage = exact
    ? sql`EXISTS (SELECT 1 FROM message_words w WHERE w.message_words MATCH ${match} AND w.rowid BETWEEN (${c}.rowid << 24) AND (${c}.rowid << 24) + 16777215)`
    : sql`+${c}.rowid IN (SELECT rowid >> 24 FROM message_words WHERE message_words MATCH ${match})`;
  return { sparse: false, where: sql`(${byMessage} OR ${byVisitor})` };
}
