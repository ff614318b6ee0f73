// Issue 14 break tests (an outside tester's): several conversations per visitor.
import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths } from '../../test/helpers';

describe('break14: several conversations', () => {
  it('reopens an old conversation the visitor writes in, and a start makes no third one', async () => {
    const { owner, visitor, conversation: first } = await conversationFixture();
    await api(`/api/conversations/${first.id}/resolve`, { token: owner.token, body: {} });
    const second = await api('/api/widget/conversations', { token: visitor.token, body: {} });
    expect(second.status).toBe(201);
    // The widget's list lets the visitor open the old conversation and write there.
    const v = await connect(paths.visitor(first.id), visitor.token);
    v.send({ type: 'send', clientId: 'late-1', body: 'One more thing about the first order' });
    await v.next((f) => f.type === 'ack' || f.type === 'error');
    const list = await api('/api/widget/conversations', { token: visitor.token });
    const open = (list.body.conversations as { id: string; status: string }[])
      .filter((c) => c.status !== 'resolved' && c.status !== 'closed')
      .map((c) => c.id);
    // Decided (docs/widget.md "Several conversations"): writing in an earlier conversation reopens it, as in Intercom,
    // so two may be open; a start still answers with an open one (the newest) and never makes a third.
    expect(open.sort()).toEqual([first.id, second.body.conversation.id].sort());
    const again = await api('/api/widget/conversations', { token: visitor.token, body: {} });
    expect(again.body.conversation.id).toBe(second.body.conversation.id);
  });
});
