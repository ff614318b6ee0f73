// The widget's help center (mounted at /api/widget/kb behind the visitor token, the site's origin and the block
// list): search the published articles of the visitor's site and read one as a node tree (docs/widget.md).
import { Hono } from 'hono';
import type { VisitorEnv } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { takeLimit } from '../lib/ratelimit';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import {
  KbSearchQuery,
  toVisitorArticle,
  toVisitorArticleHit,
  VisitorArticle,
  VisitorArticleHit,
} from '../../../protocol';
import type { SiteVars } from '../widget/middleware';
import { articleTree, excerpt } from './tree';
import { countView, findPublished, helpQuery, type Hit, popularPublished, searchPublished } from './widget-queries';

type KbEnv = { Bindings: Env; Variables: VisitorEnv['Variables'] & SiteVars };

const doc = describer('Widget');

const hits = (rows: Hit[]) => ({
  articles: rows.map((r) => toVisitorArticleHit({ id: r.id, title: r.title, excerpt: excerpt(r.content) })),
});

/** Help-center routes for visitors: published articles of the site's workspace only. */
export const widgetKbRoutes = new Hono<KbEnv>()
  .get(
    '/search',
    doc({
      summary: "Help center: search the site's published articles (empty q: most read first)",
      auth: 'visitor',
      ok: [200, z.object({ articles: z.array(VisitorArticleHit) })],
    }),
    validate('query', KbSearchQuery),
    async (c) => {
      // Each search is a D1 full-text query: a visitor's budget, like page reports (docs/widget.md "Limits").
      await takeLimit(c.env, 'KB_LIMITER', `kb-search:${c.var.visitor.id}`);
      const { q, limit, match } = c.req.valid('query');
      const db = getDb(c.env.DB);
      const ws = c.var.site.workspaceId;
      // Nothing typed: the most read articles. Typed but nothing searchable (only punctuation): no results.
      if (!q) return c.json(hits(await popularPublished(db, ws, limit)), 200);
      const fts = helpQuery(q, match);
      return c.json(hits(fts ? await searchPublished(db, ws, fts, limit) : []), 200);
    },
  )
  .get(
    '/articles/:id',
    doc({
      summary: 'Help center: one published article as a node tree (counts one view per visitor a day)',
      auth: 'visitor',
      ok: [200, z.object({ article: VisitorArticle })],
    }),
    async (c) => {
      // A read and a view insert each: a budget of their own, so searching never uses up reading.
      await takeLimit(c.env, 'KB_LIMITER', `kb-article:${c.var.visitor.id}`);
      const db = getDb(c.env.DB);
      const row = await findPublished(db, c.var.site.workspaceId, c.req.param('id'));
      if (!row) throw errors.notFound('Article');
      await countView(db, row.id, c.var.visitor.id);
      return c.json({ article: toVisitorArticle(row, articleTree(row.content)) }, 200);
    },
  );
