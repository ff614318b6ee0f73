import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, visitorSession, waitFor } from '../../test/helpers';

describe('CSAT rating', () => {
  it('is given once, after resolve, and reaches the console and the stats', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const path = `/api/widget/conversations/${conversation.id}/rating`;
    const early = await api(path, { token: visitor.token, body: { score: 5 } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_resolved');
    const a = await connect(paths.agent(conversation.id), owner.token);
    await api(`/api/conversations/${conversation.id}/resolve`, { token: owner.token, method: 'POST' });
    const rated = await api(path, { token: visitor.token, body: { score: 4, comment: 'Quick and kind' } });
    expect(rated.status).toBe(200);
    expect(rated.body.conversation.rating).toMatchObject({ score: 4, comment: 'Quick and kind' });
    expect((await a.next((f) => f.type === 'conversation' && f.conversation.rating)).conversation.rating.score).toBe(4);
    const again = await api(path, { token: visitor.token, body: { score: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_rated');
    await waitFor(
      async () =>
        (await api(`/api/conversations/${conversation.id}`, { token: owner.token })).body.conversation.rating?.score ===
        4,
    );
    const stats = await api(`/api/sites/${site.id}/stats`, { token: owner.token });
    expect(stats.body.stats).toMatchObject({ avgRating: 4, ratings: 1 });
    a.close();
  });

  it('validates the score and refuses others', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const path = `/api/widget/conversations/${conversation.id}/rating`;
    for (const body of [{ score: 0 }, { score: 6 }, { score: 3.5 }, {}, { score: 3, comment: 'x'.repeat(1001) }]) {
      const res = await api(path, { token: visitor.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const other = await visitorSession(site.key);
    expect((await api(path, { token: other.token, body: { score: 3 } })).status).toBe(404);
    expect((await api(path, { token: owner.token, body: { score: 3 } })).status).toBe(403);
    expect((await api(path, { body: { score: 3 } })).status).toBe(401);
  });
});
