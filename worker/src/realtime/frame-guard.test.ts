// Issue 9 item 6: an exception while the SiteDO handles a console frame becomes an `internal` error frame and never
// reaches the runtime. Provoked with a real socket the DO accepted without the attachment presence expects.
import { env, runInDurableObject } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { workspaceWithSite } from '../../test/helpers';

it('SiteDO.webSocketMessage answers a handler exception with an internal error frame, never a rejection', async () => {
  const { site } = await workspaceWithSite();
  const frames = await runInDurableObject(env.SITES.getByName(site.id), async (instance, state) => {
    const broken = new WebSocketPair();
    state.acceptWebSocket(broken[1], ['agent']); // no attachment: building presence over it throws
    const { 0: client, 1: server } = new WebSocketPair();
    state.acceptWebSocket(server, ['agent']);
    client.accept();
    const got: string[] = [];
    const arrived = new Promise<void>((resolve) => client.addEventListener('message', (e) => { got.push(e.data as string); resolve(); }));
    await instance.webSocketMessage(server, JSON.stringify({ type: 'status', status: 'away' }));
    await arrived;
    broken[1].close(1000, 'done'); // closed sockets are left out of presence, so closing the other one is clean
    client.close();
    return got.map((t) => JSON.parse(t));
  });
  expect(frames).toEqual([{ type: 'error', code: 'internal', message: expect.any(String) }]);
});
