import { evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readCounters, resetCounters } from '../dev/counters';
import {
  api,
  connect,
  conversationFixture,
  paths,
  visitorSession,
  waitFor,
  workspaceWithSite,
} from '../../test/helpers';

// Issue 10: D1 is written per batch, not per message. Statements are counted by the D1 wrapper in getDb
// (dev/counters.ts), so these are counts, never timings.
const d1Rows = async (conversationId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?')
      .bind(conversationId)
      .first<{ n: number }>()
  )?.n ?? 0;

describe('the coalesced D1 projection', () => {
  it('a burst of 20 messages reaches D1 (inbox row and searchable copies) in one or two statements', async () => {
    const { owner, site, conversation } = await conversationFixture();
    const agent = await connect(paths.agent(conversation.id), owner.token);
    resetCounters();
    for (let i = 1; i <= 20; i++) agent.send({ type: 'send', clientId: `b${i}`, body: `burst ${i}`, claim: false });
    await agent.next((f) => f.type === 'ack' && f.clientId === 'b20');
    // Within the freshness budget (2 s), with some slack for a busy machine.
    await waitFor(async () => (await d1Rows(conversation.id)) === 20, 4000);
    expect(readCounters()['d1.statements']).toBeLessThanOrEqual(2);
    const inbox = await api(`/api/sites/${site.id}/conversations`, { token: owner.token });
    expect(inbox.body.conversations.find((c: { id: string }) => c.id === conversation.id)).toMatchObject({
      lastSeq: 20,
      messageCount: 20,
      visitorUnread: 20,
      lastMessagePreview: 'burst 20',
    });
    const found = await api(`/api/sites/${site.id}/conversations?q=burst`, { token: owner.token });
    expect(found.body.conversations.map((c: { id: string }) => c.id)).toContain(conversation.id);
    agent.close();
  });

  it('conversations of one site share statements: 8 conversations with a message each cost fewer than 8', async () => {
    const { owner, site } = await workspaceWithSite();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const v = await visitorSession(site.key);
      ids.push((await api('/api/widget/conversations', { token: v.token, body: {} })).body.conversation.id);
    }
    const agents = await Promise.all(ids.map((id) => connect(paths.agent(id), owner.token)));
    resetCounters();
    agents.forEach((a, i) => {
      a.send({ type: 'send', clientId: `s${i}`, body: `shared ${i}`, claim: false });
    });
    await Promise.all(agents.map((a, i) => a.next((f) => f.type === 'ack' && f.clientId === `s${i}`)));
    await waitFor(async () => (await Promise.all(ids.map(d1Rows))).every((n) => n === 1), 4000);
    // Four relays per site: at most one statement each per window.
    expect(readCounters()['d1.statements']).toBeLessThan(8);
    for (const a of agents) a.close();
  });

  it('a batch still due when the object is evicted is written by its alarm', async () => {
    const { owner, conversation } = await conversationFixture();
    const stub = env.CONVERSATIONS.getByName(conversation.id);
    const agent = await connect(paths.agent(conversation.id), owner.token);
    agent.send({ type: 'send', clientId: 'e1', body: 'before the eviction', claim: false });
    await agent.next((f) => f.type === 'ack' && f.clientId === 'e1');
    agent.close();
    // Its timers are gone with it: only the durable schedule's alarm (fired here, or by the runtime first) can write the batch.
    await evictDurableObject(stub);
    await runDurableObjectAlarm(stub);
    await waitFor(async () => (await d1Rows(conversation.id)) === 1, 4000);
  });
});
