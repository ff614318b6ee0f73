// Issue 13 item 3: the socket hub both Durable Objects use. Run inside a real SiteDO for its DurableObjectState,
// with a real socket pair: the client end sees exactly what a browser would.
import { env, runInDurableObject } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { LIMITS } from '../../../protocol/limits';
import { SocketHub } from './hub';

type Seen = { frames: any[]; closed: Promise<{ code: number; reason: string }>; next: () => Promise<any> };

/** A hub over the state of a fresh SiteDO, one accepted socket, and what its client end receives. */
async function withSocket<T>(
  run: (hub: SocketHub<{ id: string; bad?: number }>, server: WebSocket, seen: Seen) => Promise<T>,
) {
  return runInDurableObject(env.SITES.getByName(`hub-${crypto.randomUUID()}`), async (_instance, state) => {
    const hub = new SocketHub<{ id: string; bad?: number }>(state, { object: 'SiteDO', idKey: 'siteId' });
    const { 0: client, 1: server } = new WebSocketPair();
    hub.accept(server, ['agent'], { id: 'ag_1', bad: 0 });
    client.accept();
    const frames: any[] = [];
    let wake = () => {};
    client.addEventListener('message', (e) => {
      frames.push(JSON.parse(e.data as string));
      wake();
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason })),
    );
    const next = async () => {
      const at = frames.length;
      while (frames.length === at)
        await new Promise<void>((r) => {
          wake = r;
        });
      return frames[at];
    };
    try {
      return await run(hub, server, { frames, closed, next });
    } finally {
      try {
        client.close(1000, 'done');
      } catch {
        /* closed */
      }
    }
  });
}

it('answers an exception in a message handler with an internal error carrying the clientId; the socket stays usable', async () => {
  await withSocket(async (hub, server, seen) => {
    const data = JSON.stringify({ type: 'send', clientId: 'c-42', body: 'hi' });
    await hub.guard(
      'webSocketMessage',
      server,
      () => {
        throw new Error('boom');
      },
      data,
    );
    expect(await seen.next()).toEqual({
      type: 'error',
      code: 'internal',
      message: expect.any(String),
      clientId: 'c-42',
    });
    expect(server.readyState).toBe(WebSocket.OPEN);
    hub.send(server, '{"type":"pong"}');
    expect(await seen.next()).toEqual({ type: 'pong' });
  });
});

it('answers a failed frame without a clientId (or not JSON) with an error frame that has none', async () => {
  await withSocket(async (hub, server, seen) => {
    await hub.guard(
      'webSocketMessage',
      server,
      async () => {
        throw new Error('boom');
      },
      'not json',
    );
    expect(await seen.next()).toEqual({ type: 'error', code: 'internal', message: expect.any(String) });
  });
});

it('never rethrows from a guarded close or error callback, and sends nothing for them', async () => {
  await withSocket(async (hub, server, seen) => {
    await expect(
      hub.guard('webSocketClose', server, () => {
        throw new Error('boom');
      }),
    ).resolves.toBeUndefined();
    await expect(
      hub.guard('webSocketError', server, () => {
        throw new Error('boom');
      }),
    ).resolves.toBeUndefined();
    hub.send(server, '{"type":"pong"}');
    expect(await seen.next()).toEqual({ type: 'pong' });
  });
});

it('does not echo a peer close without a code (1005): the handshake completes with 1000', async () => {
  await withSocket(async (hub, server, seen) => {
    expect(() => hub.closed(server, 1005, '')).not.toThrow();
    expect((await seen.closed).code).toBe(1000);
  });
});

it('answers nothing to an abnormal close (1006, 1015): there is no handshake to complete', async () => {
  await withSocket(async (hub, server, seen) => {
    expect(() => hub.closed(server, 1006, '')).not.toThrow();
    expect(() => hub.closed(server, 1015, '')).not.toThrow();
    expect(server.readyState).toBe(WebSocket.OPEN);
    hub.send(server, '{"type":"pong"}');
    expect(await seen.next()).toEqual({ type: 'pong' });
  });
});

it('closes with 1000 instead of a code the runtime refuses, and cuts a reason too long for a close frame', async () => {
  await withSocket(async (hub, server, seen) => {
    expect(() => hub.close(server, 2500, 'é'.repeat(100))).not.toThrow();
    const closed = await seen.closed;
    expect(closed.code).toBe(1000);
    expect(new TextEncoder().encode(closed.reason).byteLength).toBeLessThanOrEqual(123);
    expect(() => hub.close(server, 4000, 'again')).not.toThrow();
  });
});

it('closes a socket with 1008 after LIMITS.badFramesBeforeClose refusals, answering each one', async () => {
  await withSocket(async (hub, server, seen) => {
    for (let i = 0; i < LIMITS.badFramesBeforeClose; i++)
      hub.refuse(server, { type: 'error', code: 'bad_request', message: 'no' });
    expect((await seen.closed).code).toBe(1008);
    expect(seen.frames.filter((f) => f.code === 'bad_request')).toHaveLength(LIMITS.badFramesBeforeClose);
    expect(hub.attachment(server)?.bad).toBe(LIMITS.badFramesBeforeClose);
  });
});

it('broadcasts by tag, leaving out the excluded sender and sockets whose text is null', async () => {
  await withSocket(async (hub, server, seen) => {
    const other = new WebSocketPair();
    hub.accept(other[1], ['agent'], { id: 'ag_2' });
    expect(hub.broadcast('agent', '{"type":"pong"}', other[1])).toBe(1);
    expect(await seen.next()).toEqual({ type: 'pong' });
    expect(hub.broadcast('agent', (a) => (a?.id === 'ag_2' ? '{"type":"pong"}' : null))).toBe(1);
    expect(hub.broadcast('visitor', '{"type":"pong"}')).toBe(0);
    other[1].close(1000, 'done');
    expect(server.readyState).toBe(WebSocket.OPEN);
  });
});
