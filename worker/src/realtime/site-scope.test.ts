import { describe, expect, it } from 'vitest';
import { api, type Client, connect, conversationFixture, paths } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';

// Issue 10 item 5: a console receives only the deltas its view can use (its scope), so a big site's fan-out
// is not every delta to every agent. Whole copies go to everyone.
async function scoped(siteId: string, token: string, scope: object): Promise<Client> {
  const client = await connect(paths.site(siteId), token);
  client.send({ type: 'scope', ...scope });
  // Frames of one socket are handled in order: the presence answering this status means the scope is set.
  const from = client.frames.length;
  client.send({ type: 'status', status: 'online' });
  await client.next((f) => f.type === 'presence', 5000, from);
  return client;
}

describe('site socket scopes', () => {
  it("a 'me' console gets no delta of someone else's conversation, an 'all' console does, and both get whole copies", async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const id = conversation.id;
    const mine = await scoped(site.id, owner.token, { assignee: 'me' });
    const all = await scoped(site.id, owner.token, { assignee: 'all' });
    const post = (path: string, body?: unknown) =>
      api(`/api/conversations/${id}${path}`, { method: 'POST', token: owner.token, body });

    expect((await post('/assign', { agentId: bob.agent.id })).status).toBe(200);
    const isBobs = (e: any) =>
      e.type === 'conversation.updated' && e.conversation.id === id && e.conversation.assigneeId === bob.agent.id;
    await mine.event(isBobs);
    await all.event(isBobs);

    // A visitor message in Bob's conversation: a delta for the 'all' console only (it may not notify the owner).
    const v = await connect(paths.visitor(id), visitor.token);
    v.send({ type: 'send', clientId: 'c1', body: 'Still there?' });
    const bobsDelta = await all.event(
      (e) => e.type === 'conversation.delta' && e.delta.id === id && e.delta.lastMessagePreview === 'Still there?',
    );
    expect(bobsDelta.delta).toMatchObject({ assigneeId: bob.agent.id, lastMessageSender: 'visitor', agentUnread: 1 });
    // A later whole copy reaches the 'me' console after that delta was fanned out: had the delta been sent, it came first.
    await api(`/api/conversations/${id}`, { method: 'PATCH', token: owner.token, body: { priority: 'urgent' } });
    await mine.event((e) => e.type === 'conversation.updated' && e.conversation.priority === 'urgent');
    await all.event((e) => e.type === 'conversation.updated' && e.conversation.priority === 'urgent');
    expect(mine.events().filter((e) => e.type === 'conversation.delta')).toEqual([]);

    // Handed to the owner: now the 'me' console gets its deltas too.
    await post('/assign', { agentId: owner.agent.id });
    await mine.event((e) => e.type === 'conversation.updated' && e.conversation.assigneeId === owner.agent.id);
    v.send({ type: 'send', clientId: 'c2', body: 'Hello again' });
    const own = await mine.event(
      (e) => e.type === 'conversation.delta' && e.delta.lastMessagePreview === 'Hello again',
    );
    expect(own.delta).toMatchObject({ id, assigneeId: owner.agent.id });
    mine.close();
    all.close();
    v.close();
  });

  it('answers a bad scope frame with bad_request and keeps the socket open', async () => {
    const { owner, site } = await conversationFixture();
    const client = await connect(paths.site(site.id), owner.token);
    for (const bad of [
      { type: 'scope', assignee: 'everyone' },
      { type: 'scope', assignee: 'me', status: 'sleeping' },
      { type: 'scope' },
    ]) {
      const from = client.frames.length;
      client.send(bad);
      expect((await client.next((f) => f.type === 'error', 5000, from)).code).toBe('bad_request');
    }
    // Still open and still answering: a good frame works.
    const from = client.frames.length;
    client.send({ type: 'status', status: 'busy' });
    expect((await client.next((f) => f.type === 'presence', 5000, from)).agents[0].status).toBe('busy');
    client.close();
  });
});
