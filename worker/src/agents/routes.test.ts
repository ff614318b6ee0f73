import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../app';
import { hashInviteToken } from '../auth/invite-token';
import { api, registerOwner, unique, visitorSession, workspaceWithSite } from '../../test/helpers';
import { department, invite, inviteTokenOf, teamMember } from '../../test/team-helpers';

describe('GET /api/agents', () => {
  it("lists the workspace's agents, with departments, to any agent", async () => {
    const owner = await registerOwner();
    const bob = await teamMember(owner.token);
    const carol = await invite(owner.token, { name: 'Carol' });
    const list = await api('/api/agents', { token: bob.token });
    expect(list.status).toBe(200);
    expect(list.body.agents).toEqual([owner.agent, bob.agent, carol.agent]);
    expect(list.body.agents[2]).toMatchObject({
      invited: true,
      active: true,
      departmentIds: owner.agent.departmentIds,
    });
    expect(JSON.stringify(list.body)).not.toMatch(/hash|password/i);
    const stranger = await registerOwner('Eve');
    expect((await api('/api/agents', { token: stranger.token })).body.agents).toEqual([stranger.agent]);
  });

  it('needs an agent token', async () => {
    const { site } = await workspaceWithSite();
    expect((await api('/api/agents')).status).toBe(401);
    const visitor = await visitorSession(site.key);
    const res = await api('/api/agents', { token: visitor.token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('POST /api/agents (invite)', () => {
  it('creates an invited agent in the default department and returns a one-time link', async () => {
    const owner = await registerOwner();
    const email = `new-${unique()}@example.com`;
    const res = await api('/api/agents', {
      token: owner.token,
      body: { name: 'Nia', email: email.toUpperCase(), role: 'admin', maxConcurrent: 3 },
    });
    expect(res.status).toBe(201);
    expect(res.body.agent).toMatchObject({
      name: 'Nia',
      email,
      role: 'admin',
      active: true,
      invited: true,
      maxConcurrent: 3,
      departmentIds: owner.agent.departmentIds,
    });
    expect(res.body.inviteUrl).toMatch(/^https:\/\/parley\.test\/accept-invite\?token=[A-Za-z0-9_-]{43}$/);
    const row = await env.DB.prepare('SELECT password_hash, invite_token_hash FROM agents WHERE id = ?')
      .bind(res.body.agent.id)
      .first();
    expect(row).toEqual({
      password_hash: '',
      invite_token_hash: await hashInviteToken(inviteTokenOf(res.body.inviteUrl)),
    });
  });

  it('puts the invitee in the given departments and uses PUBLIC_URL for the link', async () => {
    const owner = await registerOwner();
    const sales = await department(owner.token, 'Sales');
    const res = await app.request(
      '/api/agents',
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${owner.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'Sam',
          email: `sam-${unique()}@example.com`,
          departmentIds: [sales.id, sales.id],
        }),
      },
      { ...env, PUBLIC_URL: 'https://chat.example.com/' },
    );
    const body = await res.json<any>();
    expect(res.status).toBe(201);
    expect(body.agent).toMatchObject({ role: 'agent', maxConcurrent: 5, departmentIds: [sales.id] });
    expect(body.inviteUrl).toMatch(/^https:\/\/chat\.example\.com\/accept-invite\?token=/);
  });

  it('rejects bad input and taken emails', async () => {
    const owner = await registerOwner();
    const stranger = await registerOwner('Eve');
    const theirs = (await api('/api/departments', { token: stranger.token })).body.departments[0].id;
    for (const body of [
      {},
      { name: 'X', email: 'nope' },
      { name: 'X', email: `x-${unique()}@example.com`, role: 'owner' },
      { name: 'X', email: `x-${unique()}@example.com`, maxConcurrent: 0 },
      { name: '', email: `x-${unique()}@example.com` },
    ]) {
      const res = await api('/api/agents', { token: owner.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    for (const departmentIds of [['dp_nope'], [theirs]]) {
      const res = await api('/api/agents', {
        token: owner.token,
        body: { name: 'X', email: `x-${unique()}@example.com`, departmentIds },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const taken = await api('/api/agents', { token: owner.token, body: { name: 'X', email: stranger.agent.email } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
  });

  it('is for owners and admins only', async () => {
    const { owner, site } = await workspaceWithSite();
    const body = { name: 'X', email: `x-${unique()}@example.com` };
    expect((await api('/api/agents', { body })).status).toBe(401);
    const visitor = await visitorSession(site.key);
    expect((await api('/api/agents', { token: visitor.token, body })).status).toBe(403);
    const bob = await teamMember(owner.token);
    const byAgent = await api('/api/agents', { token: bob.token, body });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.code).toBe('forbidden');
    const admin = await teamMember(owner.token, 'admin');
    expect((await api('/api/agents', { token: admin.token, body })).status).toBe(201);
  });
});

it('documents the team routes in the OpenAPI document', async () => {
  const doc = (await api('/api/openapi.json')).body;
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/agents',
      '/api/agents/{id}',
      '/api/departments',
      '/api/departments/{id}',
      '/api/auth/accept-invite',
    ]),
  );
  expect(doc.paths['/api/agents/{id}'].patch.requestBody.content['application/json'].schema.properties).toHaveProperty(
    'departmentIds',
  );
  expect(doc.paths['/api/departments/{id}'].delete.responses).toHaveProperty('204');
});
