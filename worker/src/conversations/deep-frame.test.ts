// Issue 9 item 6: a socket frame nested thousands deep gets a bad_request error frame (cleanInput stops at 32
// levels) instead of an uncaught exception in the ConversationDO, and the socket keeps working.
import { expect, it } from 'vitest';
import { connect, conversationFixture, paths } from '../../test/helpers';

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

it('a visitor frame of 8,000 nested arrays gets a bad_request error frame and the socket keeps working', async () => {
  const { visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  v.send(`{"type":"send","clientId":"d","body":"x","pad":${deep(8000)}}`);
  expect(await v.next((f) => f.type === 'error' || f.type === 'ack')).toMatchObject({
    type: 'error',
    code: 'bad_request',
    clientId: 'd',
  });
  v.send({ type: 'send', clientId: 'after', body: 'still here' });
  expect(await v.next((f) => f.type === 'ack' && f.clientId === 'after')).toBeTruthy();
  v.close();
});

it('an agent frame of 2,500 nested objects gets a bad_request error frame too', async () => {
  const { owner, conversation } = await conversationFixture();
  const a = await connect(paths.agent(conversation.id), owner.token);
  a.send(`{"type":"typing","on":true,"pad":${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}}`);
  expect(await a.next((f) => f.type === 'error')).toMatchObject({ code: 'bad_request' });
  a.close();
});
