import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, conversationFixture, workspaceWithSite } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';
import { WEBHOOKS_PER_WORKSPACE } from '../../../protocol';
import { webhook } from './test-helpers';

const URL_OK = 'https://hooks.example.com/parley';

describe('the webhooks API', () => {
  it('creates, lists, changes, rotates and removes webhooks; the secret is shown once and audited', async () => {
    const { owner } = await workspaceWithSite();
    const admin = await teamMember(owner.token, 'admin');
    const { webhook: w, secret } = await webhook(admin.token, {
      url: URL_OK,
      events: ['message.created', 'message.created', 'rating.created'],
      description: 'CRM',
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(w).toMatchObject({
      url: URL_OK,
      events: ['message.created', 'rating.created'],
      includeNotes: false,
      enabled: true,
      disabledAt: null,
      disabledReason: null,
      description: 'CRM',
    });
    const listed = (await api('/api/webhooks', { token: owner.token })).body.webhooks;
    expect(listed).toEqual([w]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify((await api(`/api/webhooks/${w.id}`, { token: owner.token })).body)).not.toContain(secret);

    const patched = await api(`/api/webhooks/${w.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { events: ['conversation.status_changed'], includeNotes: true, enabled: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.webhook).toMatchObject({
      events: ['conversation.status_changed'],
      includeNotes: true,
      enabled: false,
      disabledReason: 'admin',
    });

    const rotated = await api(`/api/webhooks/${w.id}/rotate-secret`, { token: owner.token, method: 'POST' });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    const stored = await env.DB.prepare('SELECT secret FROM webhooks WHERE id = ?')
      .bind(w.id)
      .first<{ secret: string }>();
    expect(stored?.secret).toBe(rotated.body.secret);

    expect((await api(`/api/webhooks/${w.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/webhooks/${w.id}`, { token: owner.token })).status).toBe(404);
    const actions = (await api('/api/audit', { token: owner.token })).body.entries.map((e: any) => e.action);
    for (const a of ['webhook.create', 'webhook.update', 'webhook.secret_rotate', 'webhook.delete'])
      expect(actions).toContain(a);
    expect(JSON.stringify((await api('/api/audit', { token: owner.token })).body)).not.toContain('whsec_');
  });

  it('refuses bad input with a specific code', async () => {
    const { owner } = await workspaceWithSite();
    const bad: [unknown, string][] = [
      [{ url: 'http://hooks.example.com/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'not a url', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://10.0.0.8/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://192.168.1.1/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://169.254.169.254/latest', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://[fd00::1]/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://[::ffff:127.0.0.1]/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://intranet/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://printer.local/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'https://user:pw@hooks.example.com/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: 'ftp://127.0.0.1/x', events: ['message.created'] }, 'invalid_url'],
      [{ url: URL_OK, events: [] }, 'bad_request'],
      [{ url: URL_OK, events: ['message.deleted'] }, 'bad_request'],
      [{ url: URL_OK }, 'bad_request'],
      [{ url: URL_OK, events: ['message.created'], description: 'x'.repeat(201) }, 'bad_request'],
      ['{', 'bad_request'],
    ];
    for (const [body, code] of bad) {
      const res = await api('/api/webhooks', { token: owner.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
    }
    expect((await api('/api/webhooks', { token: owner.token })).body.webhooks).toEqual([]);
    const { webhook: w } = await webhook(owner.token, { url: URL_OK, events: ['message.created'] });
    const patch = (body: unknown) => api(`/api/webhooks/${w.id}`, { token: owner.token, method: 'PATCH', body });
    expect((await patch({})).body.error.code).toBe('bad_request');
    expect((await patch({ url: 'http://example.com' })).body.error.code).toBe('invalid_url');
    expect((await api(`/api/webhooks/${w.id}/deliveries?status=lost`, { token: owner.token })).status).toBe(400);
    for (let i = 1; i < WEBHOOKS_PER_WORKSPACE; i++)
      await webhook(owner.token, { url: URL_OK, events: ['message.created'] });
    const over = await api('/api/webhooks', { token: owner.token, body: { url: URL_OK, events: ['message.created'] } });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('webhook_limit');
  });

  it('answers 404, never a 5xx, for odd ids in the path', async () => {
    const { owner } = await workspaceWithSite();
    const { webhook: w } = await webhook(owner.token, { url: URL_OK, events: ['message.created'] });
    for (const id of ['%00', 'a'.repeat(3000), '%ED%A0%80', "'; DROP TABLE webhooks; --", '%2F..%2F']) {
      const res = await api(`/api/webhooks/${id}/deliveries`, { token: owner.token });
      expect(res.status, id).toBe(404);
      const again = await api(`/api/webhooks/${w.id}/deliveries/${id}/redeliver`, { token: owner.token, body: {} });
      expect(again.status, id).toBe(404);
    }
  });

  it('allows http to this machine only where WEBHOOK_ALLOW_LOCAL is on (the tests, npm start)', async () => {
    const { owner } = await workspaceWithSite();
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]:9/x'])
      expect(
        (await api('/api/webhooks', { token: owner.token, body: { url, events: ['message.created'] } })).status,
      ).toBe(201);
  });

  it('is for owners and admins of the workspace only', async () => {
    const { owner, visitor } = await conversationFixture();
    const { webhook: w } = await webhook(owner.token, { url: URL_OK, events: ['message.created'] });
    const agent = await teamMember(owner.token, 'agent');
    const gone = await teamMember(owner.token, 'admin');
    expect((await patchAgent(owner.token, gone.agent.id, { active: false })).status).toBe(200);
    const stranger = await workspaceWithSite();
    const calls = [
      { path: '/api/webhooks' },
      { path: '/api/webhooks', body: { url: URL_OK, events: ['message.created'] } },
      { path: `/api/webhooks/${w.id}` },
      { path: `/api/webhooks/${w.id}`, method: 'PATCH', body: { enabled: false } },
      { path: `/api/webhooks/${w.id}`, method: 'DELETE' },
      { path: `/api/webhooks/${w.id}/rotate-secret`, method: 'POST' },
      { path: `/api/webhooks/${w.id}/deliveries` },
      { path: `/api/webhooks/${w.id}/deliveries/dl_x/redeliver`, method: 'POST' },
    ];
    const who: [string | undefined, number, string][] = [
      [undefined, 401, 'unauthorized'],
      [visitor.token, 403, 'forbidden'],
      [agent.token, 403, 'forbidden'],
      [gone.token, 401, 'unauthorized'],
    ];
    for (const call of calls) {
      for (const [token, status, code] of who) {
        const res = await api(call.path, { ...call, ...(token ? { token } : {}) });
        expect(res.status, `${call.method ?? ''} ${call.path} ${status}`).toBe(status);
        expect(res.body.error.code).toBe(code);
      }
      // Another workspace's owner: its list is its own, the webhook is not found.
      if (call.path !== '/api/webhooks') {
        const res = await api(call.path, { ...call, token: stranger.owner.token });
        expect(res.status, `${call.method ?? ''} ${call.path} stranger`).toBe(404);
      }
    }
    expect((await api('/api/webhooks', { token: stranger.owner.token })).body.webhooks).toEqual([]);
    expect((await api(`/api/webhooks/${w.id}`, { token: owner.token })).body.webhook.enabled).toBe(true);
  });

  it("answers each field's documented code: invalid_url for any bad url, bad_request for the others", async () => {
    const { owner } = await workspaceWithSite();
    const { webhook: w } = await webhook(owner.token, { url: URL_OK, events: ['message.created'] });
    const ev = ['message.created'];
    const cases: [string, string | undefined, Record<string, unknown>, string][] = [
      ['/api/webhooks', 'POST', { events: ev }, 'invalid_url'],
      ['/api/webhooks', 'POST', { url: 42, events: ev }, 'invalid_url'],
      ['/api/webhooks', 'POST', { url: null, events: ev }, 'invalid_url'],
      ['/api/webhooks', 'POST', { url: `https://hooks.example.com/${'é'.repeat(400)}`, events: ev }, 'invalid_url'],
      ['/api/webhooks', 'POST', { url: URL_OK, events: [] }, 'bad_request'],
      ['/api/webhooks', 'POST', { url: URL_OK, events: ['message.sent'] }, 'bad_request'],
      ['/api/webhooks', 'POST', { url: URL_OK, events: ev, description: 'd'.repeat(201) }, 'bad_request'],
      [`/api/webhooks/${w.id}`, 'PATCH', { url: '' }, 'invalid_url'],
      [`/api/webhooks/${w.id}`, 'PATCH', { url: ' ' }, 'invalid_url'],
      [`/api/webhooks/${w.id}`, 'PATCH', { url: 'x'.repeat(2001) }, 'invalid_url'],
      [`/api/webhooks/${w.id}`, 'PATCH', { url: 7 }, 'invalid_url'],
      [`/api/webhooks/${w.id}`, 'PATCH', { includeNotes: 'yes' }, 'bad_request'],
      [`/api/webhooks/${w.id}`, 'PATCH', {}, 'bad_request'],
    ];
    for (const [path, method, body, code] of cases) {
      const res = await api(path, { token: owner.token, method, body });
      expect(res.status, `${method} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect(res.body.error.code, `${method} ${JSON.stringify(body).slice(0, 60)}`).toBe(code);
    }
  });
});
