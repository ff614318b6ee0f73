import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';
import { getDb } from '../db/client';
import { beginErasure } from './erase-queries';
import { cursorText, parseCursor, visitorConversations } from './queries';

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

describe("paging a visitor's conversations (erasure, a person's export)", () => {
  it('reaches a conversation created after the cursor even when its random id sorts before it', async () => {
    const { owner, site } = await workspaceWithSite();
    const vid = (await visitorSession(site.key)).visitor.id;
    const row = (id: string, at: string) =>
      env.DB.prepare(
        `INSERT INTO conversations (id, workspace_id, site_id, visitor_id, status, created_at, updated_at, last_seq,
           message_count, visitor_unread, agent_unread, visitor_read_seq, agent_read_seq, rev)
         VALUES (?, ?, ?, ?, 'closed', ?, ?, 0, 0, 0, 0, 0, 0, 1)`,
      ).bind(id, owner.agent.workspaceId, site.id, vid, at, at);
    const first = { id: `cv_${'f'.repeat(32)}${vid.slice(-6)}`, createdAt: '2020-01-01T00:00:00.000Z' };
    const later = { id: `cv_${'0'.repeat(32)}${vid.slice(-6)}`, createdAt: '2020-01-02T00:00:00.000Z' };
    await env.DB.batch([row(first.id, first.createdAt), row(later.id, later.createdAt)]);
    const after = parseCursor(cursorText(first));
    const page = await visitorConversations(getDb(env.DB), vid, after, 50);
    expect(page.map((c) => c.id)).toEqual([later.id]);
    // A cursor from before (a conversation id alone) means: start over.
    expect(parseCursor(first.id)).toBeNull();
  });
});
