import { describe, expect, it } from 'vitest';
import { readCounters, resetCounters } from '../dev/counters';
import { api, connect, conversationFixture, paths, waitFor } from '../../test/helpers';

// Issue 10: a busy conversation must not make a busy SiteDO. ConversationDOs coalesce their events at the
// source (one per ~250 ms window) and the SiteDO batches what it forwards, so calls are counted, not timed.
describe('site-wide fan-out', () => {
  it('50 messages in a burst cost a handful of SiteDO calls, and the console still sees the right preview and unread', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const inbox = await connect(paths.site(site.id), owner.token);
    const agent = await connect(paths.agent(conversation.id), owner.token);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    resetCounters();
    for (let i = 1; i <= 50; i++) agent.send({ type: 'send', clientId: `m${i}`, body: `reply ${i}`, claim: false });
    await agent.next((f) => f.type === 'ack' && f.clientId === 'm50');
    const last = await inbox.state((c) => c.id === conversation.id && c.lastSeq === 50);
    expect(last).toMatchObject({
      id: conversation.id,
      lastMessagePreview: 'reply 50',
      lastMessageSender: 'agent',
      visitorUnread: 50,
      messageCount: 50,
    });
    const calls = readCounters()['site.calls'] ?? 0;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(5);
    // A handful of events for this conversation reached the console, not one per message.
    const events = inbox.events().filter((e) => (e.delta ?? e.conversation).id === conversation.id);
    expect(events.length).toBeLessThanOrEqual(5);
    // The visitor reads everything: one more delta brings the unread count to 0.
    v.send({ type: 'read', seq: 50 });
    await inbox.state((c) => c.id === conversation.id && c.visitorUnread === 0 && c.visitorReadSeq === 50);
    // The inbox (D1, batched) agrees within its freshness budget.
    await waitFor(async () => {
      const res = await api(`/api/sites/${site.id}/conversations`, { token: owner.token });
      const row = res.body.conversations.find((c: { id: string }) => c.id === conversation.id);
      return row?.lastMessagePreview === 'reply 50' && row.visitorUnread === 0 && row.lastSeq === 50;
    }, 4000);
    inbox.close();
    agent.close();
    v.close();
  });
});
