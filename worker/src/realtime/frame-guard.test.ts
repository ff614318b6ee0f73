// Issue 9 item 6: an exception while the SiteDO handles a console frame becomes an `internal` error frame and never
// reaches the runtime. Provoked with a real socket the DO accepted without the attachment presence expects.
import { env, runInDurableObject } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { LIMITS } from '../../../protocol/limits';
import { connect, paths, workspaceWithSite } from '../../test/helpers';

it('SiteDO.webSocketMessage answers a handler exception with an internal error frame, never a rejection', async () => {
  const { site } = await workspaceWithSite();
  const frames = await runInDurableObject(env.SITES.getByName(site.id), async (instance, state) => {
    const broken = new WebSocketPair();
    state.acceptWebSocket(broken[1], ['agent']); // no attachment: building presence over it throws
    const { 0: client, 1: server } = new WebSocketPair();
    state.acceptWebSocket(server, ['agent']);
    client.accept();
    const got: string[] = [];
    const arrived = new Promise<void>((resolve) =>
      client.addEventListener('message', (e) => {
        got.push(e.data as string);
        resolve();
      }),
    );
    await instance.webSocketMessage(server, JSON.stringify({ type: 'status', status: 'away' }));
    await arrived;
    broken[1].close(1000, 'done'); // closed sockets are left out of presence, so closing the other one is clean
    client.close();
    return got.map((t) => JSON.parse(t));
  });
  expect(frames).toEqual([{ type: 'error', code: 'internal', message: expect.any(String) }]);
});

// Issue 13 item 3: one bad-frame policy for every socket. The site socket used to answer junk forever.
it('the site socket closes with 1008 after repeated junk frames, as conversation sockets do', async () => {
  const { owner, site } = await workspaceWithSite();
  const s = await connect(paths.site(site.id), owner.token);
  for (let i = 0; i < LIMITS.badFramesBeforeClose; i++) s.send('junk');
  expect((await s.waitClosed()).code).toBe(1008);
  expect(s.of('error').filter((f) => f.code === 'bad_request')).toHaveLength(LIMITS.badFramesBeforeClose);
});

it('SiteDO.webSocketClose never throws for reserved codes and completes a code-less close with 1000', async () => {
  const { site } = await workspaceWithSite();
  const closed = await runInDurableObject(env.SITES.getByName(site.id), async (instance, state) => {
    const { 0: client, 1: server } = new WebSocketPair();
    state.acceptWebSocket(server, ['agent']);
    server.serializeAttachment({
      role: 'agent',
      id: 'ag_x',
      name: 'X',
      workspaceId: 'ws_x',
      status: 'online',
      seenAt: Date.now(),
    });
    client.accept();
    const done = new Promise<number>((resolve) => client.addEventListener('close', (e) => resolve(e.code)));
    await instance.webSocketClose(server, 1006, '');
    expect(server.readyState).toBe(WebSocket.OPEN);
    await instance.webSocketClose(server, 1005, '');
    return done;
  });
  expect(closed).toBe(1000);
});
