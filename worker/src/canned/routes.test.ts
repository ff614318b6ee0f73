import { describe, expect, it } from 'vitest';
import { api, registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';

const create = (token: string, body: Record<string, unknown>) =>
  api('/api/canned-responses', {
    token,
    body: { title: 'Hi', content: 'Hello! How can I help?', shortcut: 'hi', ...body },
  });

describe('canned responses', () => {
  it('shared ones for everyone, personal ones for their owner, most used first, searchable', async () => {
    const { owner } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    const shared = await create(owner.token, {
      title: 'Refund policy',
      content: 'Refunds take 5 days.',
      shortcut: 'refund',
      category: 'Billing',
      shared: true,
    });
    expect(shared.status).toBe(201);
    expect(shared.body.cannedResponse).toMatchObject({
      shared: true,
      ownerId: null,
      usageCount: 0,
      shortcut: 'refund',
      category: 'Billing',
    });
    const mine = await create(bob.token, { title: 'Thanks', content: 'Thanks for waiting!', shortcut: 'thx' });
    expect(mine.body.cannedResponse).toMatchObject({ shared: false, ownerId: bob.agent.id });
    const used = await api(`/api/canned-responses/${mine.body.cannedResponse.id}/use`, {
      token: bob.token,
      method: 'POST',
    });
    expect(used.body.cannedResponse).toMatchObject({ usageCount: 1 });
    expect(used.body.cannedResponse.lastUsedAt).toBeTypeOf('string');
    const bobs = await api('/api/canned-responses', { token: bob.token });
    expect(bobs.body.cannedResponses.map((r: { shortcut: string }) => r.shortcut)).toEqual(['thx', 'refund']);
    const owners = await api('/api/canned-responses', { token: owner.token });
    expect(owners.body.cannedResponses.map((r: { shortcut: string }) => r.shortcut)).toEqual(['refund']);
    for (const q of ['REF', 'policy', '5 days']) {
      const found = await api(`/api/canned-responses?q=${encodeURIComponent(q)}`, { token: bob.token });
      expect(found.body.cannedResponses.map((r: { shortcut: string }) => r.shortcut)).toEqual(['refund']);
    }
  });

  it('edits and deletes by the rules: personal by their owner, shared by owners and admins', async () => {
    const { owner } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    const shared = (await create(owner.token, { shortcut: 'team', shared: true })).body.cannedResponse;
    const personal = (await create(bob.token, { shortcut: 'mine' })).body.cannedResponse;
    expect(
      (await api(`/api/canned-responses/${shared.id}`, { token: bob.token, method: 'PATCH', body: { title: 'x' } }))
        .status,
    ).toBe(403);
    expect(
      (await api(`/api/canned-responses/${personal.id}`, { token: owner.token, method: 'PATCH', body: { title: 'x' } }))
        .status,
    ).toBe(404);
    const edited = await api(`/api/canned-responses/${personal.id}`, {
      token: bob.token,
      method: 'PATCH',
      body: { content: 'New text', category: 'Misc' },
    });
    expect(edited.body.cannedResponse).toMatchObject({ content: 'New text', category: 'Misc' });
    expect(
      (await api(`/api/canned-responses/${personal.id}`, { token: bob.token, method: 'PATCH', body: { shared: true } }))
        .status,
    ).toBe(403);
    expect((await api(`/api/canned-responses/${shared.id}`, { token: bob.token, method: 'DELETE' })).status).toBe(403);
    expect((await api(`/api/canned-responses/${personal.id}`, { token: bob.token, method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await api(`/api/canned-responses/${shared.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await api('/api/canned-responses', { token: bob.token })).body.cannedResponses).toEqual([]);
  });

  it('refuses bad input, taken shortcuts, plain agents sharing, other workspaces and visitors', async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    for (const body of [{ shortcut: 'has space' }, { title: '' }, { content: 'x'.repeat(4001) }, { shortcut: '' }]) {
      const res = await create(owner.token, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    await create(owner.token, { shortcut: 'dup', shared: true });
    const dup = await create(bob.token, { shortcut: 'DUP' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('shortcut_taken');
    const sharing = await create(bob.token, { shortcut: 'x1', shared: true });
    expect(sharing.status).toBe(403);
    expect(sharing.body.error.code).toBe('forbidden');
    const stranger = await registerOwner('Eve');
    expect((await api('/api/canned-responses', { token: stranger.token })).body.cannedResponses).toEqual([]);
    const own = (await create(owner.token, { shortcut: 'own' })).body.cannedResponse;
    expect((await api(`/api/canned-responses/${own.id}/use`, { token: stranger.token, method: 'POST' })).status).toBe(
      404,
    );
    const visitor = await visitorSession(site.key);
    expect((await api('/api/canned-responses', { token: visitor.token })).status).toBe(403);
    expect((await api('/api/canned-responses')).status).toBe(401);
  });
});
