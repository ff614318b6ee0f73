import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { conversationFixture } from '../../test/helpers';
import type { ConversationDO } from './ConversationDO';
import { unwrap } from '../lib/do-result';

// Issue 10: the work a message costs its ConversationDO must not grow with the conversation. Rows read are
// counted by SQLite itself (each cursor's rowsRead), so this is deterministic, unlike a timing.
describe('ConversationDO: O(1) work per message', () => {
  it('reads as many rows for a message at 10,000 messages as at 10 (store, snapshot and D1 projection)', async () => {
    const { owner, conversation } = await conversationFixture();
    const stub = env.CONVERSATIONS.getByName(conversation.id);
    const agent = { role: 'agent' as const, id: owner.agent.id, name: owner.agent.name };
    const inside = <T>(f: (o: ConversationDO) => Promise<T>) => runInDurableObject(stub, (o: ConversationDO) => f(o));
    const post = (o: ConversationDO, body: string) => o.post(agent, { kind: 'text', body });
    /** Rows read to store one message, then project it (the alarm's job, which builds the snapshot). */
    const oneMessage = async () => {
      await runDurableObjectAlarm(stub); // an empty outbox first, so only this message is projected
      const before = await inside((o) => o.rowsRead());
      await inside((o) => post(o, 'measured'));
      await runDurableObjectAlarm(stub);
      return (await inside((o) => o.rowsRead())) - before;
    };
    await inside(async (o) => {
      for (let i = 0; i < 10; i++) await post(o, `warm-up ${i}`);
    });
    const at10 = await oneMessage();
    await inside(async (o) => {
      for (let i = 0; i < 9_989; i++) await post(o, `filler ${i}`);
    });
    const at10k = await oneMessage();
    const cost = { at10, at10k, lastSeq: unwrap(await inside((o) => o.update({}))).lastSeq };
    // Seq 1 is the claim's system message; 10 + 1 + 9,989 + 1 messages after it.
    expect(cost.lastSeq).toBe(10_002);
    expect(cost.at10k).toBe(cost.at10);
    // And small: a handful of single-row lookups, not a scan.
    expect(cost.at10).toBeLessThan(40);
  }, 120_000);
});
