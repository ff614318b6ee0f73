import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';
import { getDb } from '../db/client';
import { beginErasure } from './erase-queries';

// An erasure marks its visitor erased before it reads their first conversation (docs/privacy.md "Marked first"):
// while it pages through them, the visitor's token starts nothing new for the pages to miss.

describe('an erasure under way', () => {
  it("refuses the visitor's token from its first step, before any conversation is erased", async () => {
    const { owner, site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    const vid = visitor.visitor.id;
    await beginErasure(getDb(env.DB), {
      visitorId: vid,
      workspaceId: owner.agent.workspaceId,
      siteId: site.id,
      reason: 'request',
      by: owner.agent.id,
    });
    const started = await api('/api/widget/conversations', {
      token: visitor.token,
      body: { name: 'Kim', email: 'kim@example.com', message: 'hello' },
    });
    expect([started.status, started.body.error?.code]).toEqual([401, 'unauthorized']);
    const n = await env.DB.prepare('SELECT COUNT(*) AS n FROM conversations WHERE visitor_id = ?')
      .bind(vid)
      .first<{ n: number }>();
    expect(n?.n).toBe(0);
  });
});
