// Issue 9 item 6: an exception while handling a frame becomes an `internal` error frame for that socket and never
// reaches the runtime. Provoked with a real socket the DO accepted without the identity attachment it expects.
import { env, runInDurableObject } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { conversationFixture } from '../../test/helpers';

it('ConversationDO.webSocketMessage answers a handler exception with an internal error frame, never a rejection', async () => {
  const { conversation } = await conversationFixture();
  const stub = env.CONVERSATIONS.getByName(conversation.id);
  const frames = await runInDurableObject(stub, async (instance, state) => {
    const { 0: client, 1: server } = new WebSocketPair();
    state.acceptWebSocket(server, ['visitor']); // no serializeAttachment: the handler's identity is missing
    client.accept();
    const got: string[] = [];
    const arrived = new Promise<void>((resolve) => client.addEventListener('message', (e) => { got.push(e.data as string); resolve(); }));
    await instance.webSocketMessage(server, JSON.stringify({ type: 'typing', on: true }));
    await arrived;
    client.close();
    return got.map((t) => JSON.parse(t));
  });
  expect(frames).toEqual([{ type: 'error', code: 'internal', message: expect.any(String) }]);
});
