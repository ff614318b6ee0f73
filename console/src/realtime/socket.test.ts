import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff';
import { ReconnectingSocket, type SocketState, type WebSocketLike } from './socket';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(public url: string, public protocols: string[]) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: object | string) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  serverClose(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function setup(overrides: { url?: () => string } = {}) {
  const sockets: FakeSocket[] = [];
  const frames: unknown[] = [];
  const states: SocketState[] = [];
  const socket = new ReconnectingSocket({
    url: overrides.url ?? (() => 'ws://x/ws'),
    protocols: () => ['parley.v1', 'bearer.t'],
    onFrame: (f) => frames.push(f),
    onStateChange: (s) => states.push(s),
    createSocket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
    random: () => 0.5,
    now: () => Date.now(),
  });
  return { socket, sockets, frames, states, last: () => sockets[sockets.length - 1] };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('backoffDelay', () => {
  it('grows exponentially with jitter and caps', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    expect(backoffDelay(50, () => 1)).toBe(30_000);
    expect(backoffDelay(50, () => 0)).toBe(15_000);
  });
});

describe('ReconnectingSocket', () => {
  it('offers the subprotocols and reports states', () => {
    const t = setup();
    t.socket.start();
    expect(t.last().protocols).toEqual(['parley.v1', 'bearer.t']);
    t.last().open();
    expect(t.states).toEqual(['connecting', 'online']);
  });

  it('delivers parsed frames, swallowing pongs and garbage', () => {
    const t = setup();
    t.socket.start();
    t.last().open();
    t.last().receive({ type: 'hello' });
    t.last().receive({ type: 'pong' });
    t.last().receive('not json');
    expect(t.frames).toEqual([{ type: 'hello' }]);
  });

  it('sends exactly {"type":"ping"} every 25 s', () => {
    const t = setup();
    t.socket.start();
    t.last().open();
    vi.advanceTimersByTime(25_000);
    expect(t.last().sent).toEqual(['{"type":"ping"}']);
  });

  it('reconnects with backoff and a fresh url after a drop', () => {
    let after = 0;
    const t = setup({ url: () => `ws://x/ws?after=${after}` });
    t.socket.start();
    t.last().open();
    after = 42;
    t.last().serverClose();
    expect(t.socket.state).toBe('offline');
    vi.advanceTimersByTime(374);
    expect(t.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(t.sockets).toHaveLength(2);
    expect(t.last().url).toBe('ws://x/ws?after=42');
  });

  it('backs off further on repeated failures and resets after a frame', () => {
    const t = setup();
    t.socket.start();
    t.last().serverClose(); // attempt 0: 375 ms
    vi.advanceTimersByTime(375);
    t.last().serverClose(); // attempt 1: 750 ms
    vi.advanceTimersByTime(749);
    expect(t.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(t.sockets).toHaveLength(3);
    t.last().open();
    t.last().receive({ type: 'hello' });
    t.last().serverClose();
    vi.advanceTimersByTime(375);
    expect(t.sockets).toHaveLength(4);
  });

  it('replaces a link that went silent', () => {
    const t = setup();
    t.socket.start();
    t.last().open();
    vi.advanceTimersByTime(75_000); // pings at 25 s and 50 s unanswered, 75 s exceeds 60 s
    expect(t.sockets[0].closedWith).toBe(4000);
    vi.advanceTimersByTime(375);
    expect(t.sockets).toHaveLength(2);
  });

  it('refuses to send while disconnected', () => {
    const t = setup();
    t.socket.start();
    expect(t.socket.send({ type: 'typing', on: true })).toBe(false);
    t.last().open();
    expect(t.socket.send({ type: 'typing', on: true })).toBe(true);
    expect(t.last().sent).toEqual(['{"type":"typing","on":true}']);
  });

  it('stops for good and reports it when the server revokes the socket (agent deactivated)', () => {
    let revoked = 0;
    const sockets: FakeSocket[] = [];
    const socket = new ReconnectingSocket({
      url: () => 'ws://x/ws', protocols: () => [], onFrame: () => {}, onRevoked: () => revoked++,
      createSocket: (url, protocols) => { const s = new FakeSocket(url, protocols); sockets.push(s); return s; },
    });
    socket.start();
    sockets[0].open();
    sockets[0].serverClose(4003);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(revoked).toBe(1);
    expect(socket.state).toBe('offline');
  });

  it('stays closed after stop()', () => {
    const t = setup();
    t.socket.start();
    t.last().open();
    t.socket.stop();
    expect(t.sockets[0].closedWith).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.socket.state).toBe('offline');
  });

  it('reconnectNow skips the wait', () => {
    const t = setup();
    t.socket.start();
    t.last().serverClose();
    t.socket.reconnectNow();
    expect(t.sockets).toHaveLength(2);
  });
});
