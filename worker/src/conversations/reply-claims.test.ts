import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, waitFor } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { implicitTransition } from './lifecycle';

const ann = { role: 'agent' as const, id: 'ag_ann', name: 'Ann' };

describe('implicitTransition', () => {
  it('claims a waiting, unassigned conversation on an agent reply (text or file), and nothing else', () => {
    expect(implicitTransition({ status: 'waiting', assigneeId: null }, ann, 'text')).toMatchObject({
      status: 'active',
      assignee: { id: 'ag_ann' },
      stamp: 'claimed',
    });
    expect(implicitTransition({ status: 'waiting', assigneeId: null }, ann, 'file')).toMatchObject({
      stamp: 'claimed',
    });
    expect(implicitTransition({ status: 'waiting', assigneeId: null }, ann, 'note')).toBeNull();
    expect(implicitTransition({ status: 'waiting', assigneeId: null }, ann, 'text', false)).toBeNull();
    expect(implicitTransition({ status: 'active', assigneeId: 'ag_bob' }, ann, 'text')).toBeNull();
    expect(implicitTransition({ status: 'resolved', assigneeId: null }, ann, 'text')).toBeNull();
    expect(
      implicitTransition(
        { status: 'closed', assigneeId: 'ag_bob' },
        { role: 'visitor', id: 'vi_1', name: null },
        'text',
      ),
    ).toMatchObject({ status: 'active', stamp: 'reopened' });
  });
});

describe('an agent reply claims', () => {
  it('the first agent reply to a waiting, unassigned conversation claims it, live and in the inbox; a second agent does not take it over', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    const b = await connect(paths.agent(conversation.id), bob.token);
    v.send({ type: 'send', clientId: 'v1', body: 'Anyone there?' });
    await a.next((f) => f.type === 'message' && f.message.clientId === 'v1');

    a.send({ type: 'send', clientId: 'a1', body: 'Hi, Ann here' });
    const update = await v.next((f) => f.type === 'conversation' && f.conversation.status === 'active');
    expect(update.conversation.assigneeName).toBe(owner.agent.name);
    const bodies = a.of('message').map((f) => f.message.body);
    expect(bodies.slice(-2)).toEqual([`${owner.agent.name} claimed the conversation`, 'Hi, Ann here']);
    // Bob answers too: the conversation stays Ann's.
    b.send({ type: 'send', clientId: 'b1', body: 'Bob here' });
    await a.next((f) => f.type === 'message' && f.message.clientId === 'b1');
    await waitFor(async () => {
      const c = (await api(`/api/conversations/${conversation.id}`, { token: owner.token })).body.conversation;
      return c.status === 'active' && c.assigneeId === owner.agent.id && c.timings.waitSeconds !== null;
    });
    v.close();
    a.close();
    b.close();
  });

  it("a note does not claim, `claim: false` does not claim, and an agent's file does", async () => {
    const { owner, conversation } = await conversationFixture();
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send({ type: 'send', clientId: 'n1', body: 'internal', kind: 'note' });
    a.send({ type: 'send', clientId: 't1', body: 'Just a quick pointer', claim: false });
    await a.next((f) => f.type === 'ack' && f.clientId === 't1');

    const res = await api(`/api/conversations/${conversation.id}/files`, {
      token: owner.token,
      body: 'hello',
      headers: { 'Content-Type': 'text/plain', 'X-Filename': 'note.txt' },
    });
    expect(res.status).toBe(201);
    const claimed = await a.next((f) => f.type === 'conversation' && f.conversation.status === 'active');
    expect(claimed.conversation.assigneeId).toBe(owner.agent.id);
    // Frames arrive in order: one claim only, after the `claim: false` reply and right before the file.
    const system = a.frames.filter((f) => f.type === 'message' && f.message.kind === 'system');
    expect(system.map((f) => f.message.body)).toEqual([`${owner.agent.name} claimed the conversation`]);
    const at = a.frames.indexOf(system[0]);
    expect(at).toBeGreaterThan(a.frames.findIndex((f) => f.type === 'message' && f.message.clientId === 't1'));
    expect(a.frames[at + 1].message.kind).toBe('file');
    a.close();
  });
});
