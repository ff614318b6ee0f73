import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readCounters, resetCounters } from '../dev/counters';
import { api, connect, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { inbox, webhook } from './test-helpers';

// Issue 15: events are produced off the message path, by the relays' D1 projection write. Whether a workspace
// has webhooks is asked inside that write (its RETURNING), so listening costs no D1 statement of its own.
describe('webhooks cost the message path nothing', () => {
  it('a burst of 20 messages with a webhook listening still reaches D1 in one or two statements', async () => {
    const { owner, site } = await workspaceWithSite();
    const box = inbox();
    const { webhook: hook } = await webhook(owner.token, { url: box.url, events: ['message.created'] });
    const visitor = await visitorSession(site.key);
    const conversation = (await api('/api/widget/conversations', { token: visitor.token, body: {} })).body.conversation;
    const agent = await connect(paths.agent(conversation.id), owner.token);
    // The receiver holds the first delivery: the delivery object's run stays on it, so what is counted below is
    // the projection and that one run.
    await box.config({ hang: true });
    resetCounters();
    for (let i = 1; i <= 20; i++) agent.send({ type: 'send', clientId: `b${i}`, body: `burst ${i}`, claim: false });
    await agent.next((f) => f.type === 'ack' && f.clientId === 'b20');
    await box.until((rs) => rs.length === 1);
    // The object's own log over RPC (the REST route would add its own statements to the count).
    const stub = env.WEBHOOKS.getByName(hook.id);
    await waitFor(async () => (await stub.deliveries(50)).length === 20);
    const statements = readCounters()['d1.statements'] ?? 0;
    await box.config({ hang: false });
    await box.release();
    const got = await box.until((rs) => rs.length === 20);
    expect(got.map((r) => r.body.data.message.body)).toEqual(Array.from({ length: 20 }, (_, i) => `burst ${i + 1}`));
    // One or two for the projection, as without webhooks (conversations/projection-batch.test.ts), and one for
    // the delivery object's run (it reads its webhook's row: URL, secret, still enabled).
    expect(statements).toBeLessThanOrEqual(3);
    agent.close();
  });
});
