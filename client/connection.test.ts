// The connection state machine under fake timers, with a fake socket the test drives as the server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoff, createConnection, type ConnState, type SocketLike, type Target } from './connection';
import { BACKOFF_MAX_MS, DEAD_AFTER_MS, PING_EVERY_MS } from './constants';

/** Every socket dialed since the test began, in order. */
let opened: FakeSocket[] = [];

/** The browser's WebSocket as the machine sees it (stubbed as the global): the test plays the server. */
class FakeSocket implements SocketLike {
  readyState = 1;
  sent: string[] = [];
  closedWith: number | undefined;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  target: { url: string; protocols: string[] };
  constructor(url: string, protocols: string[]) {
    this.target = { url, protocols };
    opened.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  receive(frame: object | string) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  hello() {
    this.receive({ type: 'hello', lastSeq: 0 });
  }
  serverClose(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

/** A connection recording everything; Math.random is 0, so its backoff is 250 ms × 2^attempt (the jitter's floor). */
function setup(target?: (renew: boolean) => Promise<Target>) {
  const sockets = opened;
  const frames: { type: string }[] = [];
  const states: ConnState[] = [];
  const codes: (number | undefined)[] = [];
  const renews: boolean[] = [];
  const conn = createConnection(
    target ?? (async (renew) => (renews.push(renew), ['ws://x/ws', ['parley.v1']])),
    (f) => frames.push(f),
    (s, code) => (states.push(s), codes.push(code)),
  );
  const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
  return { conn, sockets, frames, states, codes, renews, tick, last: () => sockets[sockets.length - 1] };
}

beforeEach(() => {
  vi.useFakeTimers();
  opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('backoff', () => {
  it('grows exponentially from 0.5 s with equal jitter and caps at 30 s', () => {
    expect(backoff(0)).toBe(250);
    expect(backoff(50)).toBe(15_000);
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect(backoff(0)).toBe(500);
    expect(backoff(3)).toBe(4000);
    expect(backoff(50)).toBe(30_000);
    expect(backoff(5000)).toBe(30_000);
  });
});

describe('createConnection', () => {
  it('is idle until start, connecting until hello, open after it', async () => {
    const t = setup();
    expect(t.conn.state).toBe('idle');
    t.conn.start();
    await t.tick();
    expect(t.last().target).toEqual({ url: 'ws://x/ws', protocols: ['parley.v1'] });
    expect(t.conn.state).toBe('connecting');
    t.last().hello();
    expect(t.states).toEqual(['connecting', 'open']);
  });

  it('delivers every frame but pong, hello included, and ignores garbage', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().hello();
    t.last().receive({ type: 'pong' });
    t.last().receive('not json');
    t.last().receive({ nope: 1 });
    t.last().receive({ type: 'typing', on: true });
    expect(t.frames.map((f) => f.type)).toEqual(['hello', 'typing']);
  });

  it('refuses frames unless open, so the caller keeps them', async () => {
    const t = setup();
    expect(t.conn.send({ type: 'typing', on: true })).toBe(false);
    t.conn.start();
    await t.tick();
    expect(t.conn.send({ type: 'typing', on: true })).toBe(false);
    t.last().hello();
    expect(t.conn.send({ type: 'typing', on: true })).toBe(true);
    expect(t.last().sent).toEqual(['{"type":"typing","on":true}']);
    t.last().serverClose();
    expect(t.conn.send({ type: 'typing', on: false })).toBe(false);
  });

  it('lets the hello handler send: the state is open before hello is delivered', async () => {
    let sent: boolean | undefined;
    const conn = createConnection(
      async () => ['ws://x', []],
      (f) => f.type === 'hello' && (sent = conn.send({ type: 'read', seq: 1 })),
    );
    conn.start();
    await vi.advanceTimersByTimeAsync(0);
    opened[0].hello();
    expect(sent).toBe(true);
  });

  it('reconnects with growing backoff after drops, and resets it once a link lasted a ping period', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().hello();
    t.last().serverClose();
    expect(t.conn.state).toBe('backing_off');
    await t.tick(249);
    expect(t.sockets).toHaveLength(1);
    await t.tick(1);
    expect(t.sockets).toHaveLength(2);
    t.last().serverClose(); // attempt 1: 500 ms
    await t.tick(499);
    expect(t.sockets).toHaveLength(2);
    await t.tick(1);
    expect(t.sockets).toHaveLength(3);
    t.last().hello();
    await t.tick(PING_EVERY_MS);
    t.last().receive({ type: 'pong' });
    t.last().serverClose(); // lasted 25 s: 250 ms again
    await t.tick(250);
    expect(t.sockets).toHaveLength(4);
    expect(t.states).toEqual([
      'connecting',
      'open',
      'backing_off',
      'connecting',
      'backing_off',
      'connecting',
      'open',
      'awaiting_pong',
      'open',
      'backing_off',
      'connecting',
    ]);
  });

  // Found by the issue 13 break test: every hello reset the backoff, so a server dropping sockets right after their
  // hello was redialled every 100-500 ms by every client, forever.
  it('keeps growing the backoff when every socket is dropped right after its hello', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.last().hello();
      t.last().serverClose();
      const before = t.sockets.length;
      let waited = 0;
      while (t.sockets.length == before) await t.tick((waited += 100) && 100);
      delays.push(waited);
    }
    // 250 ms × 2^attempt (Math.random is 0), seen in 100 ms steps.
    expect(delays).toEqual([300, 500, 1000, 2000]);
  });

  it('resumes after a gap: each dial asks the caller for a fresh target, and the outbox flushed on hello goes exactly once', async () => {
    let lastSeq = 3;
    const outbox = new Map([['c1', { type: 'send', clientId: 'c1', body: 'hi' }]]);
    const sockets = opened;
    const conn = createConnection<{ type: string; clientId?: string }>(
      async () => [`ws://x/ws?after=${lastSeq}`, []],
      // The caller's outbox: resent on every hello until acked.
      (f) => {
        if (f.type === 'hello') for (const frame of outbox.values()) conn.send(frame);
        if (f.type === 'ack') outbox.delete(f.clientId!);
      },
    );
    conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(conn.send(outbox.get('c1')!)).toBe(false);
    sockets[0].serverClose();
    lastSeq = 7;
    await vi.advanceTimersByTimeAsync(250);
    expect(sockets[1].target.url).toBe('ws://x/ws?after=7');
    sockets[1].hello();
    sockets[1].receive({ type: 'ack', clientId: 'c1' });
    // A ping answered (awaiting_pong, then open again) is not a new connection: nothing is resent.
    await vi.advanceTimersByTimeAsync(PING_EVERY_MS);
    sockets[1].receive({ type: 'pong' });
    sockets[1].serverClose();
    await vi.advanceTimersByTimeAsync(250);
    sockets[2].hello();
    const sends = sockets.flatMap((s) => s.sent).filter((d) => d.includes('"send"'));
    expect(sends).toEqual(['{"type":"send","clientId":"c1","body":"hi"}']);
  });

  it('renews the token after a dial that never reached hello (a refused upgrade, 401 included), not after a drop', async () => {
    let token = 1;
    const t = setup(async (renew) => {
      if (renew) token++;
      return ['ws://x/ws', ['parley.v1', `bearer.${token}`]];
    });
    t.conn.start();
    await t.tick();
    t.last().serverClose(1006); // how a browser reports an upgrade answered with 401
    await t.tick(250);
    expect(t.last().target.protocols).toEqual(['parley.v1', 'bearer.2']);
    t.last().hello();
    t.last().serverClose(1006);
    await t.tick(250);
    expect(t.last().target.protocols).toEqual(['parley.v1', 'bearer.2']);
  });

  it('backs off and renews when target() throws (the renewal failed)', async () => {
    const renews: boolean[] = [];
    let fail = true;
    const t = setup(async (renew) => {
      renews.push(renew);
      if (fail) throw new Error('offline');
      return ['ws://x', []];
    });
    t.conn.start();
    await t.tick();
    expect(t.conn.state).toBe('backing_off');
    fail = false;
    await t.tick(250);
    expect(renews).toEqual([false, true]);
    expect(t.sockets).toHaveLength(1);
  });

  it('backs off when the socket cannot even be built (a bad URL throws)', async () => {
    let calls = 0;
    const conn = createConnection(
      async () => ['nope', []],
      () => {},
    );
    vi.stubGlobal(
      'WebSocket',
      class {
        constructor() {
          calls++;
          throw new SyntaxError('bad url');
        }
      },
    );
    conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(conn.state).toBe('backing_off');
    await vi.advanceTimersByTimeAsync(250);
    expect(calls).toBe(2);
  });

  it.each([4403, 4003])('stops for good on close code %i and says so', async (code) => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().receive({ type: 'error', code: 'chat_unavailable', message: '' });
    t.last().serverClose(code);
    await t.tick(60_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.conn.state).toBe('stopped');
    expect(t.codes[t.codes.length - 1]).toBe(code);
    expect(t.frames.map((f) => f.type)).toEqual(['error']);
  });

  it('pings every 25 s and replaces a link that does not answer within 10 s', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().hello();
    await t.tick(PING_EVERY_MS);
    expect(t.last().sent).toEqual(['{"type":"ping"}']);
    expect(t.conn.state).toBe('awaiting_pong');
    t.last().receive({ type: 'pong' });
    expect(t.conn.state).toBe('open');
    await t.tick(PING_EVERY_MS + DEAD_AFTER_MS - 1);
    expect(t.conn.state).toBe('awaiting_pong');
    await t.tick(1);
    expect(t.conn.state).toBe('backing_off');
    expect(t.sockets[0].closedWith).toBe(1000);
    await t.tick(250);
    expect(t.sockets).toHaveLength(2);
  });

  it('gives up on a dial that says nothing for 10 s', async () => {
    const t = setup();
    t.conn.start();
    await t.tick(DEAD_AFTER_MS);
    expect(t.conn.state).toBe('backing_off');
    expect(t.sockets[0].closedWith).toBe(1000);
  });

  it('wake() retries at once when backing off and checks the link when open', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().serverClose();
    t.conn.wake();
    await t.tick();
    expect(t.sockets).toHaveLength(2);
    t.last().hello();
    t.conn.wake();
    expect(t.last().sent).toEqual(['{"type":"ping"}']);
    expect(t.conn.state).toBe('awaiting_pong');
  });

  it('lost() drops a live socket and backs off', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().hello();
    t.conn.lost();
    expect(t.conn.state).toBe('backing_off');
    expect(t.sockets[0].closedWith).toBe(1000);
  });

  it('stop() closes, never dials again, and voids a dial whose target was still pending', async () => {
    const t = setup();
    t.conn.start();
    t.conn.stop();
    await t.tick(60_000);
    expect(t.sockets).toHaveLength(0);
    expect(t.conn.state).toBe('stopped');
    const u = setup();
    u.conn.start();
    await u.tick();
    u.last().hello();
    u.conn.stop();
    expect(u.sockets[0].closedWith).toBe(1000);
    u.sockets[0].serverClose();
    await u.tick(60_000);
    expect(u.sockets).toHaveLength(1);
  });

  // Found by the issue 13 break test: a repeated hello re-delivered made the widget flush its outbox twice per socket.
  it('takes one hello per socket: a repeat is neither delivered nor resets the backoff', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().hello();
    t.last().hello();
    expect(t.frames.map((f) => f.type)).toEqual(['hello']);
    expect(t.states).toEqual(['connecting', 'open']);
  });

  // Found by the issue 13 break test: a hung token request (target) left the machine in 'connecting' for good.
  it('gives up on a target() that never settles after 30 s, and drops its late answer', async () => {
    let answer: ((t: Target) => void) | undefined;
    const t = setup((renew) => {
      t.renews.push(renew);
      return new Promise((resolve) => (answer ??= resolve));
    });
    t.conn.start();
    await t.tick(BACKOFF_MAX_MS - 1);
    expect(t.conn.state).toBe('connecting');
    await t.tick(1);
    expect(t.conn.state).toBe('backing_off');
    answer!(['ws://late', []]);
    await t.tick(0);
    expect(t.sockets).toHaveLength(0);
    // The next dial asks again (and renews: the last one never reached hello), after 250 ms (Math.random is 0).
    await t.tick(250);
    expect(t.renews).toEqual([false, true]);
  });

  it('leaves no timer behind after stop(), from every state', async () => {
    for (const reach of ['connecting', 'open', 'awaiting_pong', 'backing_off'] as const) {
      const t = setup();
      t.conn.start();
      await t.tick();
      if (reach != 'connecting') t.last().hello();
      if (reach == 'awaiting_pong') await t.tick(PING_EVERY_MS);
      if (reach == 'backing_off') t.last().serverClose();
      expect(t.conn.state).toBe(reach);
      t.conn.stop();
      expect(vi.getTimerCount()).toBe(0);
    }
  });

  it('lost() while target() is on its way: the late answer dials nothing; the backoff dials once', async () => {
    let answer: ((t: Target) => void) | undefined;
    const t = setup(() => new Promise((resolve) => (answer ??= resolve)));
    t.conn.start();
    await t.tick();
    t.conn.lost();
    answer!(['ws://late', []]);
    await t.tick(0);
    expect(t.sockets).toHaveLength(0);
    t.conn.wake();
    t.conn.wake();
    await t.tick(0);
    expect(t.conn.state).toBe('connecting');
  });

  it('events of a socket it replaced change nothing (a late close, a late hello)', async () => {
    const t = setup();
    t.conn.start();
    await t.tick();
    const old = t.last();
    const { onclose, onmessage } = old;
    t.conn.lost();
    t.conn.wake();
    await t.tick();
    expect(t.sockets).toHaveLength(2);
    // The browser no longer calls them (detached), and even a captured handler finds a newer socket in place.
    expect(old.onclose).toBeNull();
    onmessage!({ data: '{"type":"hello"}' });
    onclose!({ code: 4403 });
    expect(t.frames).toEqual([]);
    t.last().hello();
    expect(t.conn.state).toBe('open');
  });

  it.each([4403, 4003])('after close %i, wake() and lost() change nothing and no timer runs', async (code) => {
    const t = setup();
    t.conn.start();
    await t.tick();
    t.last().hello();
    t.last().serverClose(code);
    t.conn.wake();
    t.conn.lost();
    t.conn.start();
    expect(vi.getTimerCount()).toBe(0);
    await t.tick(60_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.conn.state).toBe('stopped');
  });
});
