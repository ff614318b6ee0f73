// A client that resumes gets the messages it already held that were edited or deleted while it was away
// (`since`, the `at` of its last hello; docs/protocol.md "Connecting"), and a visitor never learns of a note's change.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { PING_FRAME, VisitorServerFrame } from '../../../protocol';
import { api, connect, conversationFixture, paths } from '../../test/helpers';
import { ConversationStore } from './store';

const msgPath = (conversationId: string, id: string) => `/api/conversations/${conversationId}/messages/${id}`;
const resumePath = (base: string, after: number, since?: string) =>
  `${base}?after=${after}${since === undefined ? '' : `&since=${encodeURIComponent(since)}`}`;

/** A conversation with an agent reply, a note and a second reply, and both sides' hellos (sockets closed). */
async function away() {
  const { owner, visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  const a = await connect(paths.agent(conversation.id), owner.token);
  a.send({ type: 'send', clientId: 'a1', body: 'Your refund is 10 EUR', claim: false });
  a.send({ type: 'send', clientId: 'n1', body: 'check with billing', kind: 'note' });
  a.send({ type: 'send', clientId: 'a2', body: 'Wrong link, sorry', claim: false });
  const [reply, note, wrong] = await Promise.all(
    ['a1', 'n1', 'a2'].map((id) => a.next((f) => f.type === 'message' && f.message.clientId === id)),
  );
  await v.next((f) => f.type === 'message' && f.message.seq === wrong.message.seq);
  const since = { visitor: v.of('hello')[0].at as string, agent: a.of('hello')[0].at as string };
  v.close();
  a.close();
  // While both are away: a reply edited, a note edited, a reply deleted.
  const token = owner.token;
  expect(
    (
      await api(msgPath(conversation.id, reply.message.id), {
        token,
        method: 'PATCH',
        body: { body: 'Your refund is 12 EUR' },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await api(msgPath(conversation.id, note.message.id), {
        token,
        method: 'PATCH',
        body: { body: 'billing says 12' },
      })
    ).status,
  ).toBe(200);
  expect((await api(msgPath(conversation.id, wrong.message.id), { token, method: 'DELETE' })).status).toBe(200);
  return { owner, visitor, conversation, since, last: wrong.message.seq as number };
}

const replayed = (frames: any[]) => frames.filter((f) => f.type === 'message').map((f) => f.message);

describe('resuming with since', () => {
  it('a visitor gets the edit and the deletion made while away, never the note', async () => {
    const { visitor, conversation, since, last } = await away();
    const v = await connect(resumePath(paths.visitor(conversation.id), last, since.visitor), visitor.token);
    const seen = await v.next((f) => f.type === 'message' && f.message.deletedAt);
    expect(seen.message).toMatchObject({ body: '', seq: last });
    expect(replayed(v.frames)).toMatchObject([
      { seq: 1, body: 'Your refund is 12 EUR', editedAt: expect.any(String) },
      { seq: last, body: '', deletedAt: expect.any(String) },
    ]);
    for (const f of v.frames) expect(VisitorServerFrame.parse(f)).toEqual(f);
    expect(JSON.stringify(v.frames)).not.toContain('billing');
    // The hello says the time to resume from next; the resume frame takes it too.
    expect(v.of('hello')[0].at >= since.visitor).toBe(true);
    const n = v.frames.length;
    v.send({ type: 'resume', afterSeq: last, since: since.visitor });
    await v.next((f) => f.type === 'message' && f.message.deletedAt, 5000, n);
    expect(replayed(v.frames.slice(n)).map((m) => m.seq)).toEqual([1, last]);
    expect(JSON.stringify(v.frames)).not.toContain('billing');
    v.close();
  });

  it('an agent gets the note edit too; without since only new seqs come (as before)', async () => {
    const { owner, conversation, since, last } = await away();
    const a = await connect(resumePath(paths.agent(conversation.id), last, since.agent), owner.token);
    await a.next((f) => f.type === 'message' && f.message.deletedAt);
    expect(replayed(a.frames)).toMatchObject([
      { seq: 1, body: 'Your refund is 12 EUR' },
      { seq: 2, kind: 'note', body: 'billing says 12', editedAt: expect.any(String) },
      { seq: last, deletedAt: expect.any(String) },
    ]);
    a.close();
    const old = await connect(paths.agent(conversation.id, last), owner.token);
    old.send({ type: 'resume', afterSeq: last });
    old.send({ type: 'resume', afterSeq: last, since: 'yesterday' });
    await old.next((f) => f.type === 'error' && f.code === 'bad_request');
    expect(replayed(old.frames)).toEqual([]);
    old.close();
  });

  it('a since after the changes replays nothing; a malformed since in the URL is ignored', async () => {
    const { visitor, conversation, last } = await away();
    const later = new Date(Date.now() + 60_000).toISOString();
    const v = await connect(resumePath(paths.visitor(conversation.id), last, later), visitor.token);
    const w = await connect(resumePath(paths.visitor(conversation.id), 0, 'not-a-time'), visitor.token);
    await w.next((f) => f.type === 'message' && f.message.seq === last);
    // A pong comes after whatever the replay sent on the same socket.
    v.send(PING_FRAME);
    await v.next((f) => f.type === 'pong');
    expect(replayed(v.frames)).toEqual([]);
    expect(replayed(w.frames).map((m) => m.seq)).toEqual([1, last]);
    v.close();
    w.close();
  });

  it('a resume reads the rows it sends, not the whole conversation (both indexes, no table scan)', async () => {
    const { conversation, last } = await away();
    await runInDurableObject(env.CONVERSATIONS.getByName(conversation.id), (_o, state) => {
      const store = new ConversationStore(state.storage);
      for (let i = 0; i < 200; i++)
        store.append({ sender: { type: 'agent', id: 'ag_x', name: 'X' }, kind: 'text', body: `m${i}` }, null, false);
      const top = store.lastSeq();
      const before = store.rowsRead;
      const since = new Date(Date.now() - 60_000).toISOString();
      expect(store.after(top - 1, 'visitor', since).map((m) => m.seq)).toEqual([1, last, top]);
      expect(store.rowsRead - before).toBeLessThan(20);
    });
  });
});
