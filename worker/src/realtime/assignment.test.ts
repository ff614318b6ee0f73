import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession, workspaceWithSite } from '../../test/helpers';
import { patchAgent, patchDepartment, teamMember } from '../../test/team-helpers';
import { chooseAgent } from './assignment';
import { unwrap } from '../lib/do-result';

describe('chooseAgent', () => {
  const roster = [
    { id: 'a', name: 'A', maxConcurrent: 2 },
    { id: 'b', name: 'B', maxConcurrent: 2 },
    { id: 'c', name: 'C', maxConcurrent: 9 },
  ];
  const online = new Set(['a', 'b']);
  it('picks the online agent with the fewest open conversations and room left', () => {
    expect(
      chooseAgent(
        roster,
        online,
        (id) => ({ a: 1, b: 0 })[id] ?? 0,
        () => 0,
      )?.id,
    ).toBe('b');
    expect(
      chooseAgent(
        roster,
        online,
        (id) => ({ a: 2, b: 2 })[id] ?? 0,
        () => 0,
      ),
    ).toBeNull();
  });
  it('breaks ties in favour of whoever waited longest', () => {
    expect(
      chooseAgent(
        roster,
        online,
        () => 1,
        (id) => ({ a: 200, b: 100 })[id] ?? 0,
      )?.id,
    ).toBe('b');
    expect(
      chooseAgent(
        roster,
        online,
        () => 1,
        (id) => ({ a: 100, b: 200 })[id] ?? 0,
      )?.id,
    ).toBe('a');
  });
});

/** A visitor starts a conversation; the agent's view of it (the visitor's answer has no assignee id). */
async function start(token: string) {
  const { id } = (await api('/api/widget/conversations', { token, body: {} })).body.conversation;
  return unwrap(await env.CONVERSATIONS.getByName(id).update({}));
}

/** The default department of the caller's workspace. */
async function defaultDepartment(token: string) {
  const res = await api('/api/departments', { token });
  return res.body.departments.find((d: { isDefault: boolean }) => d.isDefault) as { id: string };
}

describe('auto-assignment', () => {
  it("gives 50 simultaneous conversations to online agents, never over anyone's maximum", async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token, 'agent', { maxConcurrent: 5 });
    const carol = await teamMember(owner.token, 'agent', { maxConcurrent: 3 });
    const dave = await teamMember(owner.token, 'agent', { maxConcurrent: 10 });
    await patchAgent(owner.token, owner.agent.id, { maxConcurrent: 2 });
    await patchDepartment(owner.token, (await defaultDepartment(owner.token)).id, { autoAssign: true });
    // Everyone but Dave is online; Dave has a console open but is away.
    const sockets = await Promise.all([owner, bob, carol, dave].map((a) => connect(paths.site(site.id), a.token)));
    sockets[3]!.send({ type: 'status', status: 'away' });
    await sockets[0]!.next(
      (f) => f.type === 'presence' && f.agents.some((a: { status: string }) => a.status === 'away'),
    );

    const created = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const v = await visitorSession(site.key);
        return start(v.token);
      }),
    );
    const count = (id: string) => created.filter((c) => c.assigneeId === id).length;
    expect(count(owner.agent.id)).toBe(2);
    expect(count(bob.agent.id)).toBe(5);
    expect(count(carol.agent.id)).toBe(3);
    expect(count(dave.agent.id)).toBe(0);
    expect(created.filter((c) => c.status === 'waiting' && !c.assigneeId)).toHaveLength(40);
    expect(created.filter((c) => c.status === 'active')).toHaveLength(10);

    // Room frees up when Carol resolves one: the next conversation is hers.
    const carols = created.find((c) => c.assigneeId === carol.agent.id)!;
    await api(`/api/conversations/${carols.id}/resolve`, { token: carol.token, method: 'POST' });
    await sockets[0]!.event(
      (e) =>
        e.type === 'conversation.updated' && e.conversation.id === carols.id && e.conversation.status === 'resolved',
    );
    const v = await visitorSession(site.key);
    const next = await start(v.token);
    expect(next.assigneeId).toBe(carol.agent.id);
    expect(next.assigneeName).toBe('Bob' === carol.agent.name ? 'Bob' : carol.agent.name);
    for (const s of sockets) s.close();
  });

  it('leaves conversations waiting when auto-assign is off or nobody is online', async () => {
    const { owner, site } = await workspaceWithSite();
    const dept = await defaultDepartment(owner.token);
    const v = await visitorSession(site.key);
    const inbox = await connect(paths.site(site.id), owner.token);
    const off = await start(v.token);
    expect(off).toMatchObject({ status: 'waiting', assigneeId: null });
    inbox.close();
    await inbox.waitClosed();
    await patchDepartment(owner.token, dept.id, { autoAssign: true });
    const nobody = await start(v.token);
    expect(nobody).toMatchObject({ status: 'waiting', assigneeId: null });
  });
});
