import { describe, expect, it } from 'vitest';
import { VisitorArticle, VisitorArticleHit } from '../../../protocol';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { block } from '../blocks/test-helpers';

type Hits = { articles: { id: string; title: string; excerpt: string }[] };

/** A workspace with a site, a visitor and three articles (one a draft). */
async function helpCenter() {
  const { owner, site } = await workspaceWithSite();
  const write = async (title: string, content: string, active = true) =>
    (await api('/api/articles', { token: owner.token, body: { title, content, active } })).body.article;
  const shipping = await write('Shipping times', 'We ship **within 2 days** to every country.');
  const returns = await write('Returns', 'Send parcels back within 30 days for a refund.');
  const draft = await write('Shipping to Mars', 'Not yet: a draft.', false);
  const visitor = await visitorSession(site.key);
  return { owner, site, visitor, shipping, returns, draft };
}

const search = (token: string, query: string) => api<Hits>(`/api/widget/kb/search?${query}`, { token });
const titles = (r: { body: Hits }) => r.body.articles.map((a) => a.title);

describe('help center in the widget', () => {
  it('searches published articles only, in the visitor view', async () => {
    const { visitor } = await helpCenter();
    const r = await search(visitor.token, 'q=shipp');
    expect(r.status).toBe(200);
    expect(titles(r)).toEqual(['Shipping times']); // never the draft
    expect(VisitorArticleHit.parse(r.body.articles[0])).toEqual({
      id: expect.stringMatching(/^ar_/),
      title: 'Shipping times',
      excerpt: 'We ship within 2 days to every country.',
    });
    expect(titles(await search(visitor.token, 'q=parcels'))).toEqual(['Returns']);
    // Every word must match (all), any word of 3+ letters for suggestions while typing (any).
    expect(titles(await search(visitor.token, 'q=shipping%20refund'))).toEqual([]);
    const any = await search(visitor.token, 'q=how%20do%20I%20get%20a%20refund%20for%20shipping&match=any');
    expect(titles(any).sort()).toEqual(['Returns', 'Shipping times']);
    expect(titles(await search(visitor.token, 'q=shipping&limit=1'))).toHaveLength(1);
    // Nothing typed: the published articles, most read first.
    expect(titles(await search(visitor.token, 'q=')).sort()).toEqual(['Returns', 'Shipping times']);
  });

  it('treats any text as words: operators, quotes, unicode, only punctuation', async () => {
    const { visitor } = await helpCenter();
    for (const q of [
      '"',
      '*',
      'AND',
      'ship OR',
      'NEAR(ship',
      '-ship',
      'title:ship',
      '^ship',
      '"ship',
      "ship'",
      '???',
      '日本語',
      'café ☕',
      '\u202e',
      'a'.repeat(200),
    ]) {
      const r = await search(visitor.token, 'q=' + encodeURIComponent(q));
      expect(r.status, q).toBe(200);
      const r2 = await search(visitor.token, 'match=any&q=' + encodeURIComponent(q));
      expect(r2.status, q).toBe(200);
    }
    expect(titles(await search(visitor.token, 'q=' + encodeURIComponent('"ship*')))).toEqual(['Shipping times']);
  });

  it('refuses bad input with a code', async () => {
    const { visitor } = await helpCenter();
    for (const query of ['q=' + 'a'.repeat(201), 'limit=0', 'limit=11', 'limit=x', 'match=some', 'q=a%00b']) {
      const r = await search(visitor.token, query);
      expect(r.status, query).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'bad_request' } });
    }
  });

  it('reads an article as nodes, never HTML, and counts one view per visitor a day', async () => {
    const { owner, site, visitor, shipping, draft } = await helpCenter();
    const evil =
      '# Hi\n\n<script>alert(1)</script> [x](javascript:alert(1)) [docs](https://example.com) ![i](http://a/b.png)';
    const made = (await api('/api/articles', { token: owner.token, body: { title: '<b>T</b>', content: evil } })).body
      .article;
    const r = await api(`/api/widget/kb/articles/${made.id}`, { token: visitor.token });
    expect(r.status).toBe(200);
    const article = VisitorArticle.parse(r.body.article);
    expect(article.title).toBe('<b>T</b>'); // text: the widget never parses it
    expect(article.body).toEqual([
      ['h1', null, 'Hi'],
      [
        'p',
        null,
        '<script>alert(1)</script> [x](javascript:alert(1)) ',
        ['a', { href: 'https://example.com' }, 'docs'],
        ' i',
      ],
    ]);
    expect(JSON.stringify(r.body)).not.toMatch(/javascript:alert\(1\)\)?"/);
    // Views: twice by one visitor is one; another visitor adds one; shown to admins in the article list.
    await api(`/api/widget/kb/articles/${shipping.id}`, { token: visitor.token });
    await api(`/api/widget/kb/articles/${shipping.id}`, { token: visitor.token });
    const other = await visitorSession(site.key);
    await api(`/api/widget/kb/articles/${shipping.id}`, { token: other.token });
    const listed = (await api('/api/articles', { token: owner.token })).body.articles;
    expect(listed.find((a: { id: string }) => a.id === shipping.id).views).toBe(2);
    expect(listed.find((a: { id: string }) => a.id === made.id).views).toBe(1);
    // Most read first when nothing is typed.
    expect(titles(await search(visitor.token, 'q=&limit=1'))).toEqual(['Shipping times']);
    // A draft is not found, and not counted.
    const hidden = await api(`/api/widget/kb/articles/${draft.id}`, { token: visitor.token });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('not_found');
    expect(
      (await api('/api/articles', { token: owner.token })).body.articles.find((a: { id: string }) => a.id === draft.id)
        .views,
    ).toBe(0);
  });

  it("refuses another site's visitors, other origins, agents and no token", async () => {
    const { shipping } = await helpCenter();
    const other = await workspaceWithSite();
    const stranger = await visitorSession(other.site.key);
    expect(titles(await search(stranger.token, 'q=shipping'))).toEqual([]);
    const read = await api(`/api/widget/kb/articles/${shipping.id}`, { token: stranger.token });
    expect(read.status).toBe(404);
    const mine = await helpCenter();
    const wrongOrigin = await api('/api/widget/kb/search?q=ship', {
      token: mine.visitor.token,
      origin: 'https://evil.example',
    });
    expect(wrongOrigin.status).toBe(403);
    expect(wrongOrigin.body.error.code).toBe('origin_not_allowed');
    expect((await api('/api/widget/kb/search?q=ship')).status).toBe(401);
    await block(mine.owner.token, mine.site.id, 'visitor', mine.visitor.visitor.id, 'abuse');
    const blocked = await api('/api/widget/kb/search?q=ship', { token: mine.visitor.token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('chat_unavailable');
    const agent = await teamMember(mine.owner.token);
    expect((await api('/api/widget/kb/search?q=ship', { token: agent.token })).status).toBe(403);
  });
});

it('documents the help-center routes in the OpenAPI document', async () => {
  const doc = (await api('/api/openapi.json')).body;
  expect(doc.paths['/api/widget/kb/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
    expect.arrayContaining(['q', 'limit', 'match']),
  );
  expect(doc.paths['/api/widget/kb/articles/{id}'].get.responses).toHaveProperty('200');
});
