import { describe, expect, it } from 'vitest';
import { api, workspaceWithSite } from '../../test/helpers';

// docs/integrations.md "Configuring": a URL that cannot be a webhook's is 400 invalid_url; bad_request is for
// the events and the description.
describe('break15 webhooks: input codes', () => {
  it('answers invalid_url for an empty or over-long URL', async () => {
    const { owner } = await workspaceWithSite();
    for (const url of ['', '   ', `https://hooks.example.com/${'a'.repeat(2100)}`]) {
      const res = await api('/api/webhooks', { token: owner.token, body: { url, events: ['message.created'] } });
      expect(res.status, JSON.stringify(url.slice(0, 40))).toBe(400);
      expect(res.body.error.code, JSON.stringify(url.slice(0, 40))).toBe('invalid_url');
    }
  });
});
