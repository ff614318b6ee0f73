// The visitor's view of knowledge-base articles (the help center in the widget), beside protocol/visitor.ts: the only
// article shapes that may reach a visitor, built field by field. Published articles only; never the workspace,
// category, tags, views or the raw Markdown.
import { z } from 'zod';
import { ARTICLE_TAGS, type ArticleNode, KB_QUERY_MAX } from './kb';

/** GET /api/widget/kb/search?q=&limit=&match= : `any` (suggestions while typing) matches any word, `all` every word. */
export const KbSearchQuery = z.object({
  q: z.string().trim().max(KB_QUERY_MAX).default(''),
  limit: z.coerce.number().int().min(1).max(10).default(5),
  match: z.enum(['all', 'any']).default('all'),
});

/** A search result: enough to show a line in the list. */
export const VisitorArticleHit = z.strictObject({ id: z.string(), title: z.string(), excerpt: z.string() });
export type VisitorArticleHit = z.infer<typeof VisitorArticleHit>;

/** One node of an article body (protocol/kb.ts). */
export const ArticleNodeSchema: z.ZodType<ArticleNode> = z.lazy(() =>
  z.union([
    z.string(),
    z
      .tuple([z.enum(ARTICLE_TAGS), z.partialRecord(z.enum(['href', 'src', 'alt', 'start']), z.string()).nullable()])
      .rest(ArticleNodeSchema),
  ]),
) as z.ZodType<ArticleNode>;

/** An article as the widget shows it: its body as a node tree, never HTML. */
export const VisitorArticle = z.strictObject({
  id: z.string(),
  title: z.string(),
  updatedAt: z.string(),
  body: z.array(ArticleNodeSchema),
});
export type VisitorArticle = z.infer<typeof VisitorArticle>;

/** The visitor's view of a search hit. */
export const toVisitorArticleHit = (a: { id: string; title: string; excerpt: string }): VisitorArticleHit => ({
  id: a.id,
  title: a.title,
  excerpt: a.excerpt,
});

/** The visitor's view of an article, its body already turned into nodes. */
export const toVisitorArticle = (
  a: { id: string; title: string; updatedAt: string },
  body: ArticleNode[],
): VisitorArticle => ({ id: a.id, title: a.title, updatedAt: a.updatedAt, body });
