import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { articles } from '../db/schema';
import { api, workspaceWithSite } from '../../test/helpers';
import { countView } from './widget-queries';

describe('article views', () => {
  it('count once per visitor, article and UTC day, and leave updatedAt alone', async () => {
    const { owner } = await workspaceWithSite();
    const made = (await api('/api/articles', { token: owner.token, body: { title: 'Views', content: 'x' } })).body
      .article;
    const db = getDb(env.DB);
    const views = async () => (await db.select().from(articles).where(eq(articles.id, made.id)))[0]!;
    const day = new Date('2026-11-30T23:59:59Z');
    await countView(db, made.id, 'vi_a', day);
    await countView(db, made.id, 'vi_a', new Date('2026-11-30T00:00:00Z'));
    expect((await views()).views).toBe(1);
    await countView(db, made.id, 'vi_a', new Date('2026-12-01T00:00:00Z')); // the next UTC day
    await countView(db, made.id, 'vi_b', day);
    const after = await views();
    expect(after.views).toBe(3);
    expect(after.updatedAt).toBe(made.updatedAt);
  });
});
