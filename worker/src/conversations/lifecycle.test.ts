import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, registerOwner, visitorSession, waitFor } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { unwrap } from '../lib/do-result';

const post = (token: string, path: string, body?: unknown) => api(path, { token, method: 'POST', body });
const bodies = (frames: { type: string; message?: { kind: string; body: string } }[], kind = 'system') =>
  frames.filter((f) => f.type === 'message' && f.message!.kind === kind).map((f) => f.message!.body);

describe('conversation lifecycle', () => {
  it('claim, transfer with a note, resolve: system messages and live updates everywhere', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    const base = `/api/conversations/${conversation.id}`;

    const claimed = await post(owner.token, `${base}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.conversation).toMatchObject({
      status: 'active',
      assigneeId: owner.agent.id,
      assigneeName: 'Ann',
    });
    expect(claimed.body.conversation.timings.waitSeconds).toBeGreaterThanOrEqual(0);

    const moved = await post(owner.token, `${base}/transfer`, { agentId: bob.agent.id, note: 'VIP, be nice' });
    expect(moved.body.conversation).toMatchObject({ status: 'active', assigneeId: bob.agent.id });
    await a.next((f) => f.type === 'message' && f.message.kind === 'note');

    const resolved = await post(bob.token, `${base}/resolve`);
    expect(resolved.body.conversation.status).toBe('resolved');
    expect(resolved.body.conversation.timings.resolutionSeconds).toBeGreaterThanOrEqual(0);
    await v.next((f) => f.type === 'conversation' && f.conversation.status === 'resolved');

    const system = ['Ann claimed the conversation', 'Ann transferred the conversation to Bob', 'Resolved by Bob'];
    await v.next((f) => f.type === 'message' && f.message.body === 'Resolved by Bob');
    expect(bodies(v.frames)).toEqual(system);
    expect(bodies(a.frames)).toEqual(system);
    // The transfer note is internal: agents see it, the visitor never does.
    expect(bodies(a.frames, 'note')).toEqual(['Transferred to Bob: VIP, be nice']);
    expect(JSON.stringify(v.frames)).not.toContain('VIP');
    v.close();
    a.close();
  });

  it('a visitor writing to a resolved or closed conversation reopens it', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const base = `/api/conversations/${conversation.id}`;
    await post(owner.token, `${base}/claim`);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    for (const action of ['resolve', 'close']) {
      expect((await post(owner.token, `${base}/${action}`)).status).toBe(200);
      v.send({ type: 'send', clientId: `after-${action}`, body: 'Actually, one more thing' });
      const reopened = await v.next(
        (f) => f.type === 'conversation' && f.conversation.status === 'active' && f.conversation.rev > 3,
      );
      expect(reopened.conversation.assigneeName).toBe('Ann'); // visitors see the name, never the id
      await v.next((f) => f.type === 'ack' && f.clientId === `after-${action}`);
    }
    const history = await api(`${base}/messages`, { token: owner.token });
    const seq = history.body.messages.map((m: { kind: string; body: string }) => `${m.kind}:${m.body}`);
    expect(seq).toEqual([
      'system:Ann claimed the conversation',
      'system:Resolved by Ann',
      'system:Reopened: the visitor wrote again',
      'text:Actually, one more thing',
      'system:Closed by Ann',
      'system:Reopened: the visitor wrote again',
      'text:Actually, one more thing',
    ]);
    v.close();
  });

  it('refuses what the lifecycle does not allow, with 409 and a code', async () => {
    const { owner, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const base = `/api/conversations/${conversation.id}`;
    expect((await post(owner.token, `${base}/reopen`)).body.error.code).toBe('invalid_transition');
    await post(owner.token, `${base}/claim`);
    const taken = await post(bob.token, `${base}/claim`);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('already_assigned');
    expect((await post(owner.token, `${base}/claim`)).body.error.code).toBe('invalid_transition');
    await post(owner.token, `${base}/close`);
    const resolveClosed = await post(owner.token, `${base}/resolve`);
    expect(resolveClosed.status).toBe(409);
    expect(resolveClosed.body.error.code).toBe('invalid_transition');
    expect((await post(owner.token, `${base}/close`)).body.error.code).toBe('invalid_transition');
    expect((await post(owner.token, `${base}/assign`, { agentId: bob.agent.id })).body.error.code).toBe(
      'invalid_transition',
    );
    expect((await post(owner.token, `${base}/reopen`)).body.conversation.status).toBe('active');
  });

  it('refuses bad input and other callers', async () => {
    const { owner, site, conversation } = await conversationFixture();
    const base = `/api/conversations/${conversation.id}`;
    const stranger = await registerOwner('Eve');
    const visitor = await visitorSession(site.key);
    for (const action of ['claim', 'resolve', 'close', 'reopen']) {
      expect((await post(stranger.token, `${base}/${action}`)).status).toBe(404);
      expect((await post(visitor.token, `${base}/${action}`)).status).toBe(403);
      expect((await api(`${base}/${action}`, { method: 'POST' })).status).toBe(401);
    }
    const foreignAgent = await post(owner.token, `${base}/assign`, { agentId: stranger.agent.id });
    expect(foreignAgent.status).toBe(400);
    expect(foreignAgent.body.error.code).toBe('unknown_agent');
    expect((await post(owner.token, `${base}/transfer`, {})).body.error.code).toBe('bad_request');
    expect(
      (await post(owner.token, `${base}/transfer`, { agentId: owner.agent.id, note: 'x'.repeat(4001) })).body.error
        .code,
    ).toBe('bad_request');
  });
});

describe('priority, tags, notes', () => {
  it('edits them, validates them, and refuses other workspaces', async () => {
    const { owner, conversation } = await conversationFixture();
    const path = `/api/conversations/${conversation.id}`;
    const a = await connect(paths.agent(conversation.id), owner.token);
    const res = await api(path, {
      token: owner.token,
      method: 'PATCH',
      body: { priority: 'urgent', tags: ['Billing', 'vip', 'billing'], notes: 'Called twice' },
    });
    expect(res.status).toBe(200);
    expect(res.body.conversation).toMatchObject({
      priority: 'urgent',
      tags: ['billing', 'vip'],
      notes: 'Called twice',
    });
    await a.next((f) => f.type === 'conversation' && f.conversation.priority === 'urgent');
    for (const body of [{}, { priority: 'asap' }, { tags: ['a,b'] }, { departmentId: 'dp_nope' }]) {
      const bad = await api(path, { token: owner.token, method: 'PATCH', body });
      expect(bad.status).toBe(400);
      expect(['bad_request', 'unknown_department']).toContain(bad.body.error.code);
    }
    const stranger = await registerOwner('Eve');
    expect((await api(path, { token: stranger.token, method: 'PATCH', body: { priority: 'low' } })).status).toBe(404);
    a.close();
  });
});

describe('departments', () => {
  it('a conversation follows its department when that department is deleted', async () => {
    const { owner, conversation } = await conversationFixture();
    const sales = (await api('/api/departments', { token: owner.token, body: { name: 'Sales' } })).body.department;
    const general = owner.agent.departmentIds[0];
    const path = `/api/conversations/${conversation.id}`;
    expect(
      (await api(path, { token: owner.token, method: 'PATCH', body: { departmentId: sales.id } })).body.conversation
        .departmentId,
    ).toBe(sales.id);
    expect((await api(`/api/departments/${sales.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(204);
    // The object itself moved, so its later projections keep the new department.
    expect(unwrap(await env.CONVERSATIONS.getByName(conversation.id).update({ priority: 'high' })).departmentId).toBe(
      general,
    );
    await waitFor(async () => (await api(path, { token: owner.token })).body.conversation.priority === 'high');
    expect((await api(path, { token: owner.token })).body.conversation.departmentId).toBe(general);
  });
});

describe('timings and expiry', () => {
  it('measures first response from the first visitor message to the first agent reply (not notes)', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'send', clientId: 'q', body: 'Hello?' });
    await a.next((f) => f.type === 'message' && f.message.clientId === 'q');
    a.send({ type: 'send', clientId: 'n', body: 'thinking', kind: 'note' });
    await a.next((f) => f.type === 'ack' && f.clientId === 'n');
    const stub = env.CONVERSATIONS.getByName(conversation.id);
    expect(unwrap(await stub.update({})).timings.firstResponseSeconds).toBeNull();
    a.send({ type: 'send', clientId: 'r', body: 'Hi!' });
    await a.next((f) => f.type === 'ack' && f.clientId === 'r');
    const timings = unwrap(await stub.update({})).timings;
    expect(timings.firstResponseSeconds).toBeGreaterThanOrEqual(0);
    expect(timings.firstAgentReplyAt).toBeTypeOf('string');
    v.close();
    a.close();
  });

  it('closes a conversation idle longer than its idle time through the alarm, and not before', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const stub = env.CONVERSATIONS.getByName(conversation.id);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'x', body: 'hello' });
    await v.next((f) => f.type === 'ack');
    // Fresh activity: the alarm must not close it, only come back later.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(unwrap(await stub.update({})).status).toBe('waiting');
    // A day passes without activity.
    await runInDurableObject(stub, (_o, state) => {
      state.storage.sql.exec(
        'UPDATE meta SET last_activity_at = ?',
        new Date(Date.now() - 25 * 3_600_000).toISOString(),
      );
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    await v.next((f) => f.type === 'conversation' && f.conversation.status === 'closed');
    expect(unwrap(await stub.update({})).timings.closedAt).toBeTypeOf('string');
    await v.next((f) => f.type === 'message' && f.message.body === 'Closed after 24 hours without activity');
    // ...and the inbox (D1) follows.
    await waitFor(
      async () =>
        (await api(`/api/conversations/${conversation.id}`, { token: owner.token })).body.conversation.status ===
        'closed',
    );
    v.close();
  });
});
