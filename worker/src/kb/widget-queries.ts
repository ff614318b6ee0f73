// The help center's reads and its view counter: published articles of one workspace, for a visitor.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { articles, articleViews } from '../db/schema';
import { searchWords } from '../lib/search';

/** What a search reads of an article: enough for a result line (the excerpt is cut from the content's start). */
export type Hit = { id: string; title: string; content: string };

/**
 * The words of a search as an FTS5 query, each a quoted prefix (so operators, quotes and `*` are only text). Words
 * without a letter or digit are dropped: FTS5 would find no token in them. `any` (suggestions while a visitor types a
 * sentence) joins with OR and drops words under 3 characters, which would match nearly everything.
 */
export function helpQuery(q: string, match: 'all' | 'any'): string | null {
  const words = searchWords(q).filter((w) => /[\p{L}\p{N}]/u.test(w) && (match === 'all' || w.length >= 3));
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(match === 'any' ? ' OR ' : ' ') : null;
}

/** Published articles matching `fts` (a helpQuery), best first: a title match weighs five times a content match. */
export const searchPublished = (db: Db, workspaceId: string, fts: string, limit: number) =>
  db.all<Hit>(sql`SELECT a.id AS id, a.title AS title, substr(a.content, 1, 2000) AS content
    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH ${fts} AND a.workspace_id = ${workspaceId} AND a.active = 1
    ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ${limit}`);

/** The most read published articles (the help center's list before anything is typed). */
export const popularPublished = (db: Db, workspaceId: string, limit: number): Promise<Hit[]> =>
  db
    .select({ id: articles.id, title: articles.title, content: sql<string>`substr(${articles.content}, 1, 2000)` })
    .from(articles)
    .where(and(eq(articles.workspaceId, workspaceId), eq(articles.active, true)))
    .orderBy(desc(articles.views), desc(articles.updatedAt))
    .limit(limit);

/** One published article of the workspace. */
export const findPublished = (db: Db, workspaceId: string, id: string) =>
  db.query.articles.findFirst({
    where: and(eq(articles.id, id), eq(articles.workspaceId, workspaceId), eq(articles.active, true)),
  });

/** Counts a read: once per visitor, article and UTC day (a second insert is ignored; a trigger adds to `views`). */
export const countView = (db: Db, articleId: string, visitorId: string, now = new Date()) =>
  db
    .insert(articleViews)
    .values({ articleId, visitorId, day: now.toISOString().slice(0, 10) })
    .onConflictDoNothing();
