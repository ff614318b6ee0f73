import { describe, expect, it } from 'vitest';
import { api, type Client, connect, conversationFixture, paths } from '../../test/helpers';

/**
 * Frames the visitor got because of `act`: the visitor then sends a frame that changes
 * nothing (not JSON: answered by an error frame), and since a socket's frames arrive in
 * order, everything `act` caused comes before that answer.
 */
async function framesCausedBy(v: Client, act: () => Promise<void>) {
  const from = v.frames.length;
  await act();
  v.send('probe, not JSON');
  const answer = await v.next((f) => f.type === 'error', 5000, from);
  return v.frames.slice(from, v.frames.indexOf(answer));
}

describe('agent-only changes send the visitor nothing', () => {
  it('notes, tags, priority, archiving and deleting a note reach agents but not the visitor', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const id = conversation.id;
    const v = await connect(paths.visitor(id), visitor.token);
    const a = await connect(paths.agent(id), owner.token);

    const patch = await framesCausedBy(v, async () => {
      const r = await api(`/api/conversations/${id}`, {
        token: owner.token,
        method: 'PATCH',
        body: { notes: 'refund fraud suspected', tags: ['fraud-suspect'], priority: 'urgent' },
      });
      expect(r.status).toBe(200);
      await a.next((f) => f.type === 'conversation' && f.conversation.priority === 'urgent');
    });
    expect(patch).toEqual([]);

    a.send({ type: 'send', clientId: 'n1', body: 'internal: chargeback', kind: 'note' });
    const note = await a.next((f) => f.type === 'ack' && f.clientId === 'n1');
    const deleted = await framesCausedBy(v, async () => {
      expect(
        (await api(`/api/conversations/${id}/messages/${note.id}`, { token: owner.token, method: 'DELETE' })).status,
      ).toBe(200);
    });
    expect(deleted).toEqual([]);

    const archived = await framesCausedBy(v, async () => {
      expect((await api(`/api/conversations/${id}/archive`, { token: owner.token, method: 'POST' })).status).toBe(200);
    });
    expect(archived).toEqual([]);

    // What visitors do see still arrives: an agent's reply changes their unread count.
    a.send({ type: 'send', clientId: 'r1', body: 'Hello!' });
    await v.next((f) => f.type === 'conversation' && f.conversation.visitorUnread === 1);
    v.close();
    a.close();
  });
});
