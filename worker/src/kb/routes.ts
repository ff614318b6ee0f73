import { Hono } from 'hono';
import { type AgentEnv, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { Article, ArticleQuery, CreateArticleBody, UpdateArticleBody } from '../../../protocol';
import { findSiteByKey } from '../sites';
import { createArticle, deleteArticle, findArticle, listArticles, toArticle, updateArticle } from './queries';
import { articleCsp, articlePage } from './render';

const doc = describer('Knowledge base');
const one = z.object({ article: Article });

/** Knowledge base for agents: everyone reads and searches, owners and admins write. */
export const articleRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/',
    doc({
      summary: 'Knowledge-base articles (q: title and content)',
      auth: 'agent',
      ok: [200, z.object({ articles: z.array(Article) })],
    }),
    requireScope('kb:read'),
    validate('query', ArticleQuery),
    async (c) => {
      const rows = await listArticles(getDb(c.env.DB), c.var.agent.workspaceId, c.req.valid('query'));
      return c.json({ articles: rows.map(toArticle) }, 200);
    },
  )
  .post(
    '/',
    doc({ summary: 'Create an article', auth: 'admin', ok: [201, one] }),
    requireScope('kb:write'),
    validate('json', CreateArticleBody),
    async (c) => {
      const row = await createArticle(getDb(c.env.DB), c.var.agent.workspaceId, c.req.valid('json'));
      return c.json({ article: toArticle(row) }, 201);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Change an article', auth: 'admin', ok: [200, one] }),
    requireScope('kb:write'),
    validate('json', UpdateArticleBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const row = await findArticle(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!row) throw errors.notFound('Article');
      return c.json({ article: toArticle(await updateArticle(db, row, c.req.valid('json'))) }, 200);
    },
  )
  .delete(
    '/:id',
    doc({ summary: 'Delete an article', auth: 'admin', ok: [204, null] }),
    requireScope('kb:write'),
    async (c) => {
      const db = getDb(c.env.DB);
      const row = await findArticle(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!row) throw errors.notFound('Article');
      await deleteArticle(db, row.id);
      return c.body(null, 204);
    },
  );

/** Public, read-only article pages a visitor can open from a link in a reply (active articles only). */
export const publicKbRoutes = new Hono<{ Bindings: Env }>().get(
  '/:siteKey/articles/:id',
  doc({
    summary: 'Public read-only page of an active article',
    auth: 'public',
    ok: [200, null],
    media: 'text/html',
  }),
  async (c) => {
    const db = getDb(c.env.DB);
    const site = await findSiteByKey(db, c.req.param('siteKey'));
    const row = site ? await findArticle(db, site.workspaceId, c.req.param('id')) : undefined;
    if (!row?.active) throw errors.notFound('Article');
    c.header('Content-Security-Policy', await articleCsp());
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(articlePage(row));
  },
);
