// Visitors' read receipts never reveal an internal note's seq (issue 9 item 1).
import { expect, it } from 'vitest';
import { connect, conversationFixture, paths } from '../../test/helpers';

it('a `read` frame never tells the visitor a seq beyond the last message they can see (an internal note)', async () => {
  const { owner, visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  const a = await connect(paths.agent(conversation.id), owner.token);
  v.send({ type: 'send', clientId: 'v1', body: 'Hello' });
  const visible = (await v.next((f) => f.type === 'ack')).seq as number;
  a.send({ type: 'send', clientId: 'n1', body: 'internal: refund fraud suspected', kind: 'note' });
  const note = (await a.next((f) => f.type === 'ack' && f.clientId === 'n1')).seq as number;
  expect(note).toBeGreaterThan(visible);
  a.send({ type: 'read', seq: note });
  const read = await v.next((f) => f.type === 'read' && f.by === 'agent');
  const late = await connect(paths.visitor(conversation.id), visitor.token);
  const hello = late.of('hello')[0];
  expect({ readSeq: read.seq, helloAgentReadSeq: hello.conversation.agentReadSeq }).toEqual({
    readSeq: visible,
    helloAgentReadSeq: visible,
  });
  v.close();
  a.close();
  late.close();
});

it("the echo of the visitor's own `read` stops at the last message they can see, however far they claim to have read", async () => {
  const { owner, visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  const a = await connect(paths.agent(conversation.id), owner.token);
  a.send({ type: 'send', clientId: 'r1', body: 'Hi, how can I help?' });
  const visible = (await a.next((f) => f.type === 'ack' && f.clientId === 'r1')).seq as number;
  a.send({ type: 'send', clientId: 'n1', body: 'internal: VIP', kind: 'note' });
  await a.next((f) => f.type === 'ack' && f.clientId === 'n1');
  v.send({ type: 'read', seq: 1_000_000 });
  const read = await v.next((f) => f.type === 'read' && f.by === 'visitor');
  expect(read.seq).toBe(visible);
  v.close();
  a.close();
});
