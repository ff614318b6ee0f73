import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';

const article = (token: string, body: Record<string, unknown>) =>
  api('/api/articles', {
    token,
    body: {
      title: 'Shipping times',
      content: 'We ship **within 2 days**.',
      category: 'Orders',
      tags: ['Shipping'],
      ...body,
    },
  });

describe('knowledge base', () => {
  it('admins write, everyone searches title and content', async () => {
    const { owner } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    const made = await article(owner.token, {});
    expect(made.status).toBe(201);
    expect(made.body.article).toMatchObject({
      title: 'Shipping times',
      tags: ['shipping'],
      active: true,
      category: 'Orders',
    });
    await article(owner.token, {
      title: 'Returns',
      content: 'Send parcels back within 30 days.',
      category: 'Returns',
      tags: [],
    });
    const byTitle = await api('/api/articles?q=shipp', { token: bob.token });
    expect(byTitle.body.articles.map((a: { title: string }) => a.title)).toEqual(['Shipping times']);
    const byContent = await api('/api/articles?q=parcels', { token: bob.token });
    expect(byContent.body.articles.map((a: { title: string }) => a.title)).toEqual(['Returns']);
    expect((await api('/api/articles?category=Orders', { token: bob.token })).body.articles).toHaveLength(1);
    const edited = await api(`/api/articles/${made.body.article.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { title: 'Delivery times', active: false },
    });
    expect(edited.body.article).toMatchObject({ title: 'Delivery times', active: false });
    expect((await api('/api/articles?q=delivery', { token: bob.token })).body.articles).toHaveLength(1);
    expect(
      (await api('/api/articles?active=true', { token: bob.token })).body.articles.map(
        (a: { title: string }) => a.title,
      ),
    ).toEqual(['Returns']);
    expect((await api(`/api/articles/${made.body.article.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await api('/api/articles?q=delivery', { token: bob.token })).body.articles).toEqual([]);
  });

  it('serves active articles publicly as safe HTML', async () => {
    const { owner, site } = await workspaceWithSite();
    const evil =
      '# Hi\n\n<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) [docs](https://example.com)';
    const made = (await article(owner.token, { title: 'Help <b>me</b>', content: evil })).body.article;
    const page = await exports.default.fetch(`https://parley.test/api/kb/${site.key}/articles/${made.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>Help &#60;b&#62;me&#60;/b&#62;</title>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/href="javascript:/i); // left as inert text, never a link
    expect(html).toContain('href="https://example.com"');
    // A strict policy: no 'unsafe-inline'; the page's one <style> is allowed by its hash, nothing else runs or styles.
    const csp = page.headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src https: data:/);
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style)));
    expect(csp).toContain(`'sha256-${btoa(String.fromCharCode(...digest))}'`);
    await api(`/api/articles/${made.id}`, { token: owner.token, method: 'PATCH', body: { active: false } });
    const hidden = await exports.default.fetch(`https://parley.test/api/kb/${site.key}/articles/${made.id}`);
    expect(hidden.status).toBe(404);
    await hidden.arrayBuffer();
    const other = await workspaceWithSite();
    const foreign = await exports.default.fetch(`https://parley.test/api/kb/${other.site.key}/articles/${made.id}`);
    expect(foreign.status).toBe(404);
    await foreign.arrayBuffer();
  });

  it('refuses bad input, plain agents writing, other workspaces and visitors', async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    const bad = await article(owner.token, { title: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect((await article(bob.token, {})).status).toBe(403);
    const made = (await article(owner.token, {})).body.article;
    const stranger = await registerOwner('Eve');
    expect(
      (await api(`/api/articles/${made.id}`, { token: stranger.token, method: 'PATCH', body: { title: 'x' } })).status,
    ).toBe(404);
    expect((await api('/api/articles', { token: stranger.token })).body.articles).toEqual([]);
    const visitor = await visitorSession(site.key);
    expect((await api('/api/articles', { token: visitor.token })).status).toBe(403);
  });
});
