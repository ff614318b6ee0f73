import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../app';
import { api, connect, conversationFixture, ORIGIN, paths, visitorSession, waitFor } from '../../test/helpers';
import { patchAgent, patchDepartment, teamMember } from '../../test/team-helpers';

/** The agent view of a conversation, from D1 (it settles after the object's projection). */
const conversationOf = async (token: string, id: string) =>
  (await api(`/api/conversations/${id}`, { token })).body.conversation;

// Routes anyone may call without an agent token: auth entry points, the widget's, public pages, and the
// bench's counters (local development only: 404 unless PARLEY_COUNTERS=1).
const PUBLIC = [
  /^\/api\/auth\/(register|login|accept-invite|config)$/,
  /^\/api\/widget\//,
  /^\/api\/kb\//,
  /^\/api\/email\//,
  /^\/api\/(health|openapi\.json|docs)$/,
  /^\/api\/dev\/counters/,
];

describe('deactivating an agent', () => {
  it('closes their sockets at once, requeues their conversations and refuses their files', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const file = await exports.default.fetch(`https://parley.test/api/widget/conversations/${conversation.id}/files`, {
      method: 'POST',
      body: 'hello',
      headers: { Authorization: `Bearer ${visitor.token}`, 'Content-Type': 'text/plain', Origin: ORIGIN },
    });
    const url = ((await file.json()) as { message: { file: { url: string } } }).message.file.url;
    const download = () =>
      exports.default.fetch(`https://parley.test${url}`, { headers: { Authorization: `Bearer ${bob.token}` } });
    const before = await download();
    expect(before.status).toBe(200);
    await before.arrayBuffer();

    // Bob holds the conversation, and watches another one he does not hold.
    expect(
      (await api(`/api/conversations/${conversation.id}/claim`, { token: bob.token, method: 'POST' })).status,
    ).toBe(200);
    const other = (await api('/api/widget/conversations', { token: (await visitorSession(site.key)).token, body: {} }))
      .body.conversation;
    const inbox = await connect(paths.site(site.id), owner.token);
    const siteSocket = await connect(paths.site(site.id), bob.token);
    await inbox.next((f) => f.type === 'presence' && f.agents.some((a: { id: string }) => a.id === bob.agent.id));
    const from = inbox.frames.length;
    const held = await connect(paths.agent(conversation.id), bob.token);
    const watched = await connect(paths.agent(other.id), bob.token);
    const visitorSocket = await connect(paths.visitor(conversation.id), visitor.token);

    expect((await patchAgent(owner.token, bob.agent.id, { active: false })).status).toBe(200);
    for (const socket of [siteSocket, held, watched]) expect((await socket.waitClosed()).code).toBe(4003);
    // Gone from presence at once, so auto-assignment no longer sees them online.
    await inbox.next(
      (f) => f.type === 'presence' && !f.agents.some((a: { id: string }) => a.id === bob.agent.id),
      5000,
      from,
    );
    const requeued = await visitorSocket.next((f) => f.type === 'conversation' && f.conversation.status === 'waiting');
    expect(requeued.conversation.assigneeName).toBeNull();
    await visitorSocket.next(
      (f) => f.type === 'message' && f.message.kind === 'system' && /no longer available/.test(f.message.body),
    );
    await waitFor(async () => (await conversationOf(owner.token, conversation.id)).status === 'waiting');
    expect(await conversationOf(owner.token, conversation.id)).toMatchObject({ assigneeId: null, status: 'waiting' });

    const after = await download();
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const reconnect = await api(paths.site(site.id), { token: bob.token, headers: { Upgrade: 'websocket' } });
    expect(reconnect.status).toBe(401);
    for (const c of [visitorSocket, inbox]) c.close();
  });

  it('takes no frame a deactivated agent sent before they saw their socket close', async () => {
    const { owner, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const socket = await connect(paths.agent(conversation.id), bob.token);
    // What deactivating Bob does in each conversation; his side has not heard the close yet.
    await env.CONVERSATIONS.getByName(conversation.id).releaseAgent({ id: bob.agent.id, name: bob.agent.name });
    expect(socket.closed).toBeNull();
    socket.send({ type: 'send', clientId: 'late', body: 'after deactivation' });
    expect((await socket.waitClosed()).code).toBe(4003);
    const { messages } = await env.CONVERSATIONS.getByName(conversation.id).history({ viewer: 'agent', limit: 100 });
    expect(messages.map((m) => m.body)).not.toContain('after deactivation');
  });

  it('offers their conversations to auto-assignment again', async () => {
    const { owner, site, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const carol = await teamMember(owner.token, 'agent', { name: 'Carol' });
    expect(
      (await api(`/api/conversations/${conversation.id}/claim`, { token: bob.token, method: 'POST' })).status,
    ).toBe(200);
    const departments = (await api('/api/departments', { token: owner.token })).body.departments as {
      id: string;
      isDefault: boolean;
    }[];
    await patchDepartment(owner.token, departments.find((d) => d.isDefault)!.id, { autoAssign: true });
    const online = await connect(paths.site(site.id), carol.token); // online: the only agent auto-assignment may pick
    await patchAgent(owner.token, bob.agent.id, { active: false });
    await waitFor(async () => (await conversationOf(owner.token, conversation.id)).assigneeId === carol.agent.id);
    expect(await conversationOf(owner.token, conversation.id)).toMatchObject({
      status: 'active',
      assigneeName: 'Carol',
    });
    online.close();
  });

  it("answers 401 on every agent route, sockets included, to a deactivated agent's token", async () => {
    const { owner, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token, 'admin');
    expect((await api('/api/auth/me', { token: bob.token })).status).toBe(200);
    await patchAgent(owner.token, bob.agent.id, { active: false });
    // Every route the app declares, apart from the public ones: a new route without the check fails here.
    const routes = app.routes.filter((r) => r.method !== 'ALL' && !PUBLIC.some((p) => p.test(r.path)));
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const path = r.path.replace(/:[A-Za-z]+/g, (p) =>
        p === ':id' || p === ':conversationId' ? conversation.id : 'x',
      );
      const ws = path.endsWith('/ws') ? { Upgrade: 'websocket' } : undefined;
      const res = await api(path, {
        token: bob.token,
        method: r.method,
        headers: ws,
        ...(r.method === 'GET' ? {} : { body: {} }),
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });
});
