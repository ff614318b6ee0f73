// Break tests, issue 9 items 1 and 4 on the visitor's conversation socket.
import { expect, it } from 'vitest';
import { connect, conversationFixture, paths } from '../../test/helpers';

it('item 1: a `read` frame never tells the visitor a seq beyond the last message they can see (an internal note)', async () => {
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
  expect({ readSeq: read.seq, helloAgentReadSeq: hello.conversation.agentReadSeq }).toEqual({ readSeq: visible, helloAgentReadSeq: visible });
  v.close(); a.close(); late.close();
});

it('item 4: a visitor flooding typing frames does not reach agents 200 times in a second', async () => {
  const { owner, visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  const a = await connect(paths.agent(conversation.id), owner.token);
  for (let i = 0; i < 200; i++) v.send({ type: 'typing', on: i % 2 === 0 });
  v.send({ type: 'send', clientId: 'end', body: 'done' });
  await a.next((f) => f.type === 'message' && f.message.body === 'done');
  expect(a.of('typing').length).toBeLessThanOrEqual(20);
  v.close(); a.close();
});

it('item 4: a visitor flooding `resume {afterSeq:0}` frames does not get the whole history replayed 100 times', async () => {
  const { visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  for (let i = 0; i < 5; i++) v.send({ type: 'send', clientId: `m${i}`, body: `message ${i}` });
  await v.next((f) => f.type === 'ack' && f.clientId === 'm4');
  const before = v.of('message').length;
  for (let i = 0; i < 100; i++) v.send({ type: 'resume', afterSeq: 0 });
  await new Promise((r) => setTimeout(r, 1500));
  expect(v.of('message').length - before).toBeLessThanOrEqual(50);
  v.close();
});
