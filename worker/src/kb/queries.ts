import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { articles } from '../db/schema';
import { ftsQuery } from '../lib/search';
import { newId, nowIso } from '../lib/ids';
import type { Article } from '../../../protocol';

type Row = typeof articles.$inferSelect;

/** The public view of a row. */
export const toArticle = ({ workspaceId: _w, ...r }: Row): Article => r;

/** A workspace's articles, newest first; `q` searches title and content (FTS5, word prefixes). */
export function listArticles(db: Db, workspaceId: string, f: { q?: string; category?: string; active?: boolean }) {
  const match = f.q ? ftsQuery(f.q) : null;
  return db
    .select()
    .from(articles)
    .where(
      and(
        eq(articles.workspaceId, workspaceId),
        f.category ? eq(articles.category, f.category) : undefined,
        f.active === undefined ? undefined : eq(articles.active, f.active),
        match
          ? sql`${articles}.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${match})`
          : undefined,
      ),
    )
    .orderBy(desc(articles.updatedAt))
    .limit(100);
}

/** One article of the workspace. */
export const findArticle = (db: Db, workspaceId: string, id: string) =>
  db.query.articles.findFirst({ where: and(eq(articles.id, id), eq(articles.workspaceId, workspaceId)) });

/** Create an article. */
export async function createArticle(
  db: Db,
  workspaceId: string,
  body: Pick<Row, 'title' | 'content' | 'category' | 'tags' | 'active'>,
) {
  const now = nowIso();
  const row: Row = { id: newId('ar'), workspaceId, ...body, views: 0, createdAt: now, updatedAt: now };
  await db.insert(articles).values(row);
  return row;
}

/** Change an article: only the fields given are written (a concurrent edit of another field survives). */
export async function updateArticle(
  db: Db,
  row: Row,
  changes: Partial<Pick<Row, 'title' | 'content' | 'category' | 'tags' | 'active'>>,
) {
  const set = { ...changes, updatedAt: nowIso() };
  await db.update(articles).set(set).where(eq(articles.id, row.id));
  return { ...row, ...set };
}

/** Delete an article. */
export const deleteArticle = (db: Db, id: string) => db.delete(articles).where(eq(articles.id, id));
