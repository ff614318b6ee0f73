// Per-sender limits on typing relays and history replays (issue 9 item 4; docs/protocol.md).
import { expect, it } from 'vitest';
import { connect, conversationFixture, paths } from '../../test/helpers';

it('a visitor flooding typing frames does not reach agents 200 times in a second', async () => {
  const { owner, visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  const a = await connect(paths.agent(conversation.id), owner.token);
  for (let i = 0; i < 200; i++) v.send({ type: 'typing', on: i % 2 === 0 });
  v.send({ type: 'send', clientId: 'end', body: 'done' });
  await a.next((f) => f.type === 'message' && f.message.body === 'done');
  expect(a.of('typing').length).toBeLessThanOrEqual(20);
  v.close();
  a.close();
});

it('a visitor flooding `resume {afterSeq:0}` frames does not get the whole history replayed 100 times', async () => {
  const { visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  for (let i = 0; i < 5; i++) v.send({ type: 'send', clientId: `m${i}`, body: `message ${i}` });
  await v.next((f) => f.type === 'ack' && f.clientId === 'm4');
  const before = v.of('message').length;
  for (let i = 0; i < 100; i++) v.send({ type: 'resume', afterSeq: 0 });
  // Frames are handled in order: once this one is answered (ack, or rate_limited: the burst is spent),
  // every resume before it was too.
  v.send({ type: 'send', clientId: 'end', body: 'done' });
  await v.next((f) => f.clientId === 'end' && (f.type === 'ack' || f.type === 'error'));
  expect(v.of('error').filter((f) => f.code === 'rate_limited' && !f.clientId).length).toBeGreaterThan(0);
  expect(v.of('message').length - before).toBeLessThanOrEqual(50);
  v.close();
});
