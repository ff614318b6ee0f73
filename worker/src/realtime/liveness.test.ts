import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession, workspaceWithSite } from '../../test/helpers';
import { patchDepartment, teamMember } from '../../test/team-helpers';
import { HEARTBEAT_TIMEOUT_MS, isSilent, lastHeard } from './liveness';
import { unwrap } from '../lib/do-result';

describe('liveness rule', () => {
  it('counts the latest of a frame and a ping, and calls a socket silent only past the timeout', () => {
    expect(lastHeard(1_000, null)).toBe(1_000);
    expect(lastHeard(1_000, new Date(5_000))).toBe(5_000);
    expect(isSilent(0, HEARTBEAT_TIMEOUT_MS)).toBe(false);
    expect(isSilent(0, HEARTBEAT_TIMEOUT_MS + 1)).toBe(true);
  });
});

/** Make the server side of one agent's console sockets look silent since `ms` ago, as a sleeping laptop's would. */
async function silence(siteId: string, agentId: string, ms = HEARTBEAT_TIMEOUT_MS + 60_000) {
  await runInDurableObject(env.SITES.getByName(siteId), (_o, state) => {
    for (const ws of state.getWebSockets('agent')) {
      const a = ws.deserializeAttachment() as { id: string };
      if (a.id === agentId) ws.serializeAttachment({ ...a, seenAt: Date.now() - ms });
    }
  });
}

describe('SiteDO: an agent whose laptop sleeps goes offline', () => {
  it('drops a console that stopped answering without closing: presence, auto-assignment, and the socket itself', async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token, 'agent');
    const departments = (await api('/api/departments', { token: owner.token })).body.departments as {
      id: string;
      isDefault: boolean;
    }[];
    await patchDepartment(owner.token, departments.find((d) => d.isDefault)!.id, { autoAssign: true });
    const ann = await connect(paths.site(site.id), owner.token);
    const bobs = await connect(paths.site(site.id), bob.token);
    await ann.next((f) => f.type === 'presence' && f.agents.length === 2);

    // Both went quiet long ago as far as frames go; Ann's console still pings (answered by the
    // runtime without waking the object), Bob's laptop sleeps and sends nothing at all.
    await silence(site.id, owner.agent.id);
    await silence(site.id, bob.agent.id);
    const from = ann.frames.length;
    ann.send('{"type":"ping"}');
    await ann.next((f) => f.type === 'pong', 5000, from);

    // Before any sweep, Bob no longer counts as online: new conversations go to Ann only.
    const presence = await env.SITES.getByName(site.id).presence();
    expect(presence.map((a) => a.id)).toEqual([owner.agent.id]);
    for (let i = 0; i < 3; i++) {
      const v = await visitorSession(site.key);
      const started = await api('/api/widget/conversations', { token: v.token, body: {} });
      // The visitor's answer carries no agent ids: ask the conversation itself.
      expect(unwrap(await env.CONVERSATIONS.getByName(started.body.conversation.id).update({})).assigneeId).toBe(
        owner.agent.id,
      );
    }

    // The heartbeat alarm closes Bob's socket and tells the others.
    const beforeSweep = ann.frames.length;
    expect(await runDurableObjectAlarm(env.SITES.getByName(site.id))).toBe(true);
    expect((await bobs.waitClosed()).code).toBe(4008);
    const after = await ann.next((f) => f.type === 'presence', 5000, beforeSweep);
    expect(after.agents.map((a: { id: string }) => a.id)).toEqual([owner.agent.id]);
    expect(ann.closed).toBeNull();
    ann.close();
  });

  it('keeps a console that answers, and arms the check whenever a console connects', async () => {
    const { owner, site } = await workspaceWithSite();
    const ann = await connect(paths.site(site.id), owner.token);
    const stub = env.SITES.getByName(site.id);
    expect(await runInDurableObject(stub, (_o, state) => state.storage.getAlarm())).not.toBeNull();
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    // Still connected and online; the check is armed again for as long as consoles are open.
    expect((await stub.presence()).map((a) => a.id)).toEqual([owner.agent.id]);
    expect(ann.closed).toBeNull();
    expect(await runInDurableObject(stub, (_o, state) => state.storage.getAlarm())).not.toBeNull();
    ann.close();
  });
});
