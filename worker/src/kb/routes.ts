import { Hono } from 'hono';
import { type AgentEnv, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { ArticleQuery, CreateArticleBody, UpdateArticleBody } from '../../../protocol';
import { findSiteByKey } from '../sites';
import { createArticle, deleteArticle, findArticle, listArticles, toArticle, updateArticle } from './queries';
import { articleCsp, articlePage } from './render';

/** Knowledge base for agents: everyone reads and searches, owners and admins write. */
export const articleRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get('/', requireScope('kb:read'), validate('query', ArticleQuery), async (c) => {
    const rows = await listArticles(getDb(c.env.DB), c.var.agent.workspaceId, c.req.valid('query'));
    return c.json({ articles: rows.map(toArticle) }, 200);
  })
  .post('/', requireScope('kb:write'), validate('json', CreateArticleBody), async (c) => {
    const row = await createArticle(getDb(c.env.DB), c.var.agent.workspaceId, c.req.valid('json'));
    return c.json({ article: toArticle(row) }, 201);
  })
  .patch('/:id', requireScope('kb:write'), validate('json', UpdateArticleBody), async (c) => {
    const db = getDb(c.env.DB);
    const row = await findArticle(db, c.var.agent.workspaceId, c.req.param('id'));
    if (!row) throw errors.notFound('Article');
    return c.json({ article: toArticle(await updateArticle(db, row, c.req.valid('json'))) }, 200);
  })
  .delete('/:id', requireScope('kb:write'), async (c) => {
    const db = getDb(c.env.DB);
    const row = await findArticle(db, c.var.agent.workspaceId, c.req.param('id'));
    if (!row) throw errors.notFound('Article');
    await deleteArticle(db, row.id);
    return c.body(null, 204);
  });

/** Public, read-only article pages a visitor can open from a link in a reply (active articles only). */
export const publicKbRoutes = new Hono<{ Bindings: Env }>().get('/:siteKey/articles/:id', async (c) => {
  const db = getDb(c.env.DB);
  const site = await findSiteByKey(db, c.req.param('siteKey'));
  const row = site ? await findArticle(db, site.workspaceId, c.req.param('id')) : undefined;
  if (!row?.active) throw errors.notFound('Article');
  c.header('Content-Security-Policy', await articleCsp());
  c.header('Cache-Control', 'public, max-age=60');
  return c.html(articlePage(row));
});
