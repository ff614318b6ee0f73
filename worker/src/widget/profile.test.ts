import { describe, expect, it } from 'vitest';
import { api, conversationFixture, registerOwner, waitFor } from '../../test/helpers';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

describe('visitor profile', () => {
  it('records browser, OS, device, landing page, referrer and the current page, and lists past conversations', async () => {
    const { owner, site } = await conversationFixture();
    const session = await api('/api/widget/session', {
      headers: { 'User-Agent': IPHONE },
      body: {
        siteKey: site.key,
        page: { url: 'https://shop.example/pricing', title: 'Pricing', referrer: 'https://search.example/?q=teapots' },
      },
    });
    const first = (await api('/api/widget/conversations', { token: session.body.token, body: {} })).body.conversation;
    // A visitor has one open conversation at a time: the next one starts once the first is resolved.
    await api(`/api/conversations/${first.id}/resolve`, { token: owner.token, method: 'POST' });
    await waitFor(
      async () =>
        (await api(`/api/conversations/${first.id}`, { token: owner.token })).body.conversation.status === 'resolved',
    );
    const second = (await api('/api/widget/conversations', { token: session.body.token, body: {} })).body.conversation;
    const moved = await api('/api/widget/page', {
      token: session.body.token,
      body: { url: 'https://shop.example/checkout', title: 'Checkout' },
    });
    expect(moved.status).toBe(204);

    const res = await api(`/api/conversations/${second.id}/visitor`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.visitor).toMatchObject({
      browser: 'Safari 17',
      os: 'iOS 17.4',
      device: 'mobile',
      landingUrl: 'https://shop.example/pricing',
      referrer: 'https://search.example/?q=teapots',
      currentUrl: 'https://shop.example/checkout',
      currentTitle: 'Checkout',
      visits: 1,
    });
    expect(res.body.conversations.map((c: { id: string }) => c.id)).toEqual([first.id]);
  });

  it('refuses bad pages and other callers', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const bad = await api('/api/widget/page', { token: visitor.token, body: { url: 'x'.repeat(2001) } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect((await api('/api/widget/page', { body: { url: 'https://shop.example/' } })).status).toBe(401);
    expect((await api('/api/widget/page', { token: owner.token, body: { url: 'https://shop.example/' } })).status).toBe(
      403,
    );
    expect(
      (
        await api('/api/widget/page', {
          token: visitor.token,
          body: { url: 'https://shop.example/' },
          origin: 'https://evil.example',
        })
      ).body.error.code,
    ).toBe('origin_not_allowed');
    const stranger = await registerOwner('Eve');
    expect((await api(`/api/conversations/${conversation.id}/visitor`, { token: stranger.token })).status).toBe(404);
    expect((await api(`/api/conversations/${conversation.id}/visitor`, { token: visitor.token })).status).toBe(403);
  });
});
