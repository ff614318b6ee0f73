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
    const arrived = new Promise<void>((resolve) =>
      client.addEventListener('message', (e) => {
        got.push(e.data as string);
        resolve();
      }),
    );
    await instance.webSocketMessage(server, JSON.stringify({ type: 'typing', on: true }));
    await arrived;
    client.close();
    return got.map((t) => JSON.parse(t));
  });
  expect(frames).toEqual([{ type: 'error', code: 'internal', message: expect.any(String) }]);
});

// Issue 13 item 3: the guard lives in the socket hub now; the answer carries the failed frame's clientId, and the
// socket is not closed for it.
it('ConversationDO answers a send whose handler throws with internal and its clientId; the socket takes the next send', async () => {
  const { owner, conversation } = await conversationFixture();
  const stub = env.CONVERSATIONS.getByName(conversation.id);
  const frames = await runInDurableObject(stub, async (instance, state) => {
    const { 0: client, 1: server } = new WebSocketPair();
    const who = { role: 'agent', id: owner.agent.id, name: 'Ann', workspaceId: owner.agent.workspaceId };
    state.acceptWebSocket(server, ['agent']);
    server.serializeAttachment({ ...who, bad: 0 });
    // A storage failure while the frame is handled: the table the send looks up is gone for a moment.
    state.storage.sql.exec('ALTER TABLE messages RENAME TO messages_away');
    client.accept();
    const got: any[] = [];
    let wake = () => {};
    client.addEventListener('message', (e) => {
      got.push(JSON.parse(e.data as string));
      wake();
    });
    const until = async (match: (f: any) => boolean) => {
      while (!got.some(match))
        await new Promise<void>((r) => {
          wake = r;
        });
    };
    await instance.webSocketMessage(server, JSON.stringify({ type: 'send', clientId: 'c-1', body: 'hi' }));
    await until((f) => f.type === 'error');
    state.storage.sql.exec('ALTER TABLE messages_away RENAME TO messages');
    await instance.webSocketMessage(server, JSON.stringify({ type: 'send', clientId: 'c-2', body: 'hello' }));
    await until((f) => f.type === 'ack');
    client.close();
    return got;
  });
  expect(frames.find((f) => f.type === 'error')).toEqual({
    type: 'error',
    code: 'internal',
    message: expect.any(String),
    clientId: 'c-1',
  });
  expect(frames.find((f) => f.type === 'ack')).toMatchObject({ clientId: 'c-2' });
});

it('ConversationDO.webSocketClose never throws for reserved codes and completes a code-less close with 1000', async () => {
  const { conversation } = await conversationFixture();
  const closed = await runInDurableObject(env.CONVERSATIONS.getByName(conversation.id), async (instance, state) => {
    const { 0: client, 1: server } = new WebSocketPair();
    state.acceptWebSocket(server, ['visitor']);
    client.accept();
    const done = new Promise<number>((resolve) => client.addEventListener('close', (e) => resolve(e.code)));
    await instance.webSocketClose(server, 1006, '');
    await instance.webSocketClose(server, 1015, '');
    expect(server.readyState).toBe(WebSocket.OPEN); // nothing to reciprocate for an abnormal close
    await instance.webSocketClose(server, 1005, '');
    return done;
  });
  expect(closed).toBe(1000);
});
