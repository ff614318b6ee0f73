import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { VisitorServerFrame } from '../../../protocol';
import { api, connect, conversationFixture, paths, registerOwner, waitFor } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';

const msgPath = (conversationId: string, id: string) => `/api/conversations/${conversationId}/messages/${id}`;
const edit = (token: string, conversationId: string, id: string, body: unknown) =>
  api(msgPath(conversationId, id), { token, method: 'PATCH', body: { body } });

/** Move a message's sending time back, as if `minutes` had passed since. */
async function age(conversationId: string, seq: number, minutes: number) {
  await runInDurableObject(env.CONVERSATIONS.getByName(conversationId), (_o, state) => {
    state.storage.sql.exec(
      'UPDATE messages SET created_at = ? WHERE seq = ?',
      new Date(Date.now() - minutes * 60_000).toISOString(),
      seq,
    );
  });
}

describe('editing a message', () => {
  it('a visitor edits their message: same id and seq live on both sides, earlier text for agents only, search and preview follow', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'send', clientId: 'c1', body: 'My order 1234 is lost' });
    const sent = await a.next((f) => f.type === 'message' && f.message.clientId === 'c1');
    await waitFor(async () => {
      const res = await api(`/api/sites/${site.id}/conversations?q=1234`, { token: owner.token });
      return res.body.conversations?.length === 1;
    });
    v.send({ type: 'edit', clientId: 'e1', messageId: sent.message.id, body: 'My order 5678 is lost' });
    for (const side of [a, v]) {
      const live = await side.next((f) => f.type === 'message' && f.message.editedAt);
      expect(live.message).toMatchObject({ id: sent.message.id, seq: sent.message.seq, body: 'My order 5678 is lost' });
    }
    // The visitor's frame is the visitor view: strict, with editedAt, nothing about earlier bodies.
    const visitorFrame = v.frames.find((f) => f.type === 'message' && f.message.editedAt);
    expect(VisitorServerFrame.parse(visitorFrame)).toEqual(visitorFrame);
    expect(JSON.stringify(v.frames.filter((f) => f.type !== 'message' || f.message.editedAt))).not.toContain('1234');
    const history = await api(`/api/widget/conversations/${conversation.id}/messages`, { token: visitor.token });
    expect(history.body.messages).toMatchObject([
      { seq: 1, body: 'My order 5678 is lost', editedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(history.body)).not.toContain('1234');
    const revisions = await api(`${msgPath(conversation.id, sent.message.id)}/revisions`, { token: owner.token });
    expect(revisions.status).toBe(200);
    expect(revisions.body.revisions).toEqual([
      { body: 'My order 1234 is lost', createdAt: sent.message.createdAt, replacedAt: expect.any(String) },
    ]);
    // Visitors have no way to the earlier bodies.
    expect((await api(`${msgPath(conversation.id, sent.message.id)}/revisions`, { token: visitor.token })).status).toBe(
      403,
    );
    // D1 follows: search finds the new words and no longer the old ones; the inbox preview shows the new body.
    await waitFor(async () => {
      const res = await api(`/api/sites/${site.id}/conversations?q=5678`, { token: owner.token });
      return res.body.conversations?.[0]?.lastMessagePreview === 'My order 5678 is lost';
    });
    expect(
      (await api(`/api/sites/${site.id}/conversations?q=1234`, { token: owner.token })).body.conversations,
    ).toEqual([]);
    v.close();
    a.close();
  });

  it('an agent edits over REST and over the socket; a note edit reaches agents only', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send({ type: 'send', clientId: 'a1', body: 'Your refund is 10 EUR', claim: false });
    a.send({ type: 'send', clientId: 'n1', body: 'check with billing', kind: 'note' });
    const reply = await a.next((f) => f.type === 'message' && f.message.clientId === 'a1');
    const note = await a.next((f) => f.type === 'message' && f.message.clientId === 'n1');
    const res = await edit(owner.token, conversation.id, reply.message.id, 'Your refund is 12 EUR');
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({
      id: reply.message.id,
      seq: reply.message.seq,
      body: 'Your refund is 12 EUR',
    });
    await v.next((f) => f.type === 'message' && f.message.body === 'Your refund is 12 EUR' && f.message.editedAt);
    a.send({ type: 'edit', clientId: 'e2', messageId: note.message.id, body: 'check with billing first' });
    await a.next((f) => f.type === 'message' && f.message.body === 'check with billing first');
    a.send({ type: 'edit', clientId: 'e3', messageId: reply.message.id, body: 'Your refund is 12.50 EUR' });
    await v.next((f) => f.type === 'message' && f.message.body === 'Your refund is 12.50 EUR');
    expect(JSON.stringify(v.frames)).not.toContain('billing');
    const revisions = await api(`${msgPath(conversation.id, reply.message.id)}/revisions`, { token: owner.token });
    expect(revisions.body.revisions.map((r: { body: string }) => r.body)).toEqual([
      'Your refund is 10 EUR',
      'Your refund is 12 EUR',
    ]);
    // The same body again changes nothing: no revision.
    expect((await edit(owner.token, conversation.id, reply.message.id, 'Your refund is 12.50 EUR')).status).toBe(200);
    const again = await api(`${msgPath(conversation.id, reply.message.id)}/revisions`, { token: owner.token });
    expect(again.body.revisions).toHaveLength(2);
    v.close();
    a.close();
  });

  it('refuses edits after the window, after the other side replied, and of deleted or file messages', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'send', clientId: 'c1', body: 'first' });
    const first = await a.next((f) => f.type === 'message' && f.message.clientId === 'c1');
    a.send({ type: 'send', clientId: 'a1', body: 'An answer', claim: false });
    const answer = await a.next((f) => f.type === 'message' && f.message.clientId === 'a1');
    // The agent answered: the visitor's message is settled.
    v.send({ type: 'edit', clientId: 'e1', messageId: first.message.id, body: 'changed' });
    expect(await v.next((f) => f.type === 'error' && f.clientId === 'e1')).toMatchObject({ code: 'already_replied' });
    // The agent's answer, once the visitor wrote again, is settled too.
    v.send({ type: 'send', clientId: 'c2', body: 'thanks' });
    const second = await a.next((f) => f.type === 'message' && f.message.clientId === 'c2');
    const replied = await edit(owner.token, conversation.id, answer.message.id, 'A better answer');
    expect([replied.status, replied.body.error.code]).toEqual([409, 'already_replied']);
    // Past the window.
    await age(conversation.id, second.message.seq, 16);
    v.send({ type: 'edit', clientId: 'e2', messageId: second.message.id, body: 'thanks!' });
    expect(await v.next((f) => f.type === 'error' && f.clientId === 'e2')).toMatchObject({
      code: 'edit_window_passed',
    });
    // Deleted.
    a.send({ type: 'send', clientId: 'a2', body: 'oops', claim: false });
    const oops = await a.next((f) => f.type === 'message' && f.message.clientId === 'a2');
    await api(msgPath(conversation.id, oops.message.id), { token: owner.token, method: 'DELETE' });
    const deleted = await edit(owner.token, conversation.id, oops.message.id, 'not oops');
    expect([deleted.status, deleted.body.error.code]).toEqual([409, 'not_editable']);
    // A file.
    const file = await env.CONVERSATIONS.getByName(conversation.id).post(
      { role: 'agent', id: owner.agent.id, name: 'Ann' },
      { kind: 'file', body: 'a.png', file: { id: 'f1', name: 'a.png', size: 3, type: 'image/png', url: '/x' } },
    );
    if (!file.ok) throw new Error('file not posted');
    const fileEdit = await edit(owner.token, conversation.id, file.value.id, 'b.png');
    expect([fileEdit.status, fileEdit.body.error.code]).toEqual([409, 'not_editable']);
    v.close();
    a.close();
  });

  it("refuses bad bodies, other people's messages and other workspaces", async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'send', clientId: 'c1', body: 'from the visitor' });
    const fromVisitor = await a.next((f) => f.type === 'message' && f.message.clientId === 'c1');
    a.send({ type: 'send', clientId: 'a1', body: 'from Ann', claim: false });
    const fromAnn = await a.next((f) => f.type === 'message' && f.message.clientId === 'a1');
    const id = fromAnn.message.id;
    // Bad bodies, as for a new message: empty, too long, not a string, NUL.
    for (const [body, status, code] of [
      ['   ', 400, 'bad_request'],
      ['x'.repeat(4001), 413, 'too_large'],
      [42, 400, 'bad_request'],
      ['a\u0000b', 400, 'bad_request'],
    ] as const) {
      const res = await edit(owner.token, conversation.id, id, body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    a.send({ type: 'edit', clientId: 'e0', messageId: id, body: '' });
    expect(await a.next((f) => f.type === 'error' && f.clientId === 'e0')).toMatchObject({ code: 'bad_request' });
    // Not the author: an agent editing the visitor's message, Bob editing Ann's, the visitor editing Ann's.
    expect((await edit(owner.token, conversation.id, fromVisitor.message.id, 'x')).body.error.code).toBe(
      'not_your_message',
    );
    const byBob = await edit(bob.token, conversation.id, id, 'x');
    expect([byBob.status, byBob.body.error.code]).toEqual([403, 'not_your_message']);
    v.send({ type: 'edit', clientId: 'e1', messageId: id, body: 'x' });
    expect(await v.next((f) => f.type === 'error' && f.clientId === 'e1')).toMatchObject({ code: 'not_your_message' });
    a.send({ type: 'edit', clientId: 'e2', messageId: fromVisitor.message.id, body: 'x' });
    expect(await a.next((f) => f.type === 'error' && f.clientId === 'e2')).toMatchObject({ code: 'not_your_message' });
    // Unknown message, another workspace, a visitor token on the agents' route.
    expect((await edit(owner.token, conversation.id, 'msg_nope', 'x')).status).toBe(404);
    expect((await api(`${msgPath(conversation.id, 'msg_nope')}/revisions`, { token: owner.token })).status).toBe(404);
    const stranger = await registerOwner('Eve');
    expect((await edit(stranger.token, conversation.id, id, 'x')).status).toBe(404);
    expect((await api(`${msgPath(conversation.id, id)}/revisions`, { token: stranger.token })).status).toBe(404);
    expect((await edit(visitor.token, conversation.id, id, 'x')).status).toBe(403);
    // Nothing of it changed the message.
    const page = await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token });
    expect(page.body.messages.find((m: { id: string }) => m.id === id)).not.toHaveProperty('editedAt');
    v.close();
    a.close();
  });

  it('a deletion takes the earlier bodies with it', async () => {
    const { owner, conversation } = await conversationFixture();
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send({ type: 'send', clientId: 'a1', body: 'The password is hunter2', claim: false });
    const m = await a.next((f) => f.type === 'message' && f.message.clientId === 'a1');
    expect((await edit(owner.token, conversation.id, m.message.id, 'The password is ****')).status).toBe(200);
    await api(msgPath(conversation.id, m.message.id), { token: owner.token, method: 'DELETE' });
    const revisions = await api(`${msgPath(conversation.id, m.message.id)}/revisions`, { token: owner.token });
    expect(revisions.body.revisions).toEqual([]);
    a.close();
  });
});
