// The console's use of the shared connection: its URL and token, the indicator, 4003 signing out, and the
// token check after a dial refused before hello. The browser's WebSocket and the REST client are stand-ins.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const rest = vi.hoisted(() => ({ me: vi.fn(async () => ({})), signedOut: vi.fn() }));
vi.mock('../api', () => ({
  api: { me: rest.me },
  signalUnauthorized: rest.signedOut,
  tokenStore: { get: () => 'tok' },
  wsUrl: (path: string) => `ws://api${path}`,
}));
import { openConsoleSocket, type SocketState } from './socket';

class FakeWebSocket {
  static all: FakeWebSocket[] = [];
  readyState = 1;
  sent: string[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(
    public url: string,
    public protocols: string[],
  ) {
    FakeWebSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {}
  hello() {
    this.onmessage?.({ data: '{"type":"hello"}' });
  }
}
const last = () => FakeWebSocket.all[FakeWebSocket.all.length - 1];

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeWebSocket);
  FakeWebSocket.all = [];
  rest.me.mockClear();
  rest.signedOut.mockClear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function open(path = () => '/api/sites/s1/ws') {
  const states: SocketState[] = [];
  const frames: { type: string }[] = [];
  const socket = openConsoleSocket({ path, onFrame: (f) => frames.push(f), onStatus: (s) => states.push(s) });
  return { socket, states, frames };
}

describe('openConsoleSocket', () => {
  it('dials the API path with the subprotocol and the token, and is online on hello', async () => {
    const t = open();
    await vi.advanceTimersByTimeAsync(0);
    expect(last().url).toBe('ws://api/api/sites/s1/ws');
    expect(last().protocols).toEqual(['parley.v1', 'bearer.tok']);
    last().hello();
    expect(t.states).toEqual(['connecting', 'online']);
    expect(t.frames).toEqual([{ type: 'hello' }]);
    t.socket.stop();
  });

  it('checks the token over REST before redialing after a dial refused before hello', async () => {
    const t = open();
    await vi.advanceTimersByTimeAsync(0);
    expect(rest.me).not.toHaveBeenCalled();
    last().onclose!({ code: 1006 });
    expect(t.states).toEqual(['connecting', 'offline']);
    // The first retry comes within 0.5 s (backoff of attempt 0).
    await vi.advanceTimersByTimeAsync(500);
    expect(rest.me).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.all).toHaveLength(2);
    t.socket.stop();
  });

  it('signs the agent out and stops when the server revokes the socket (4003)', async () => {
    const t = open();
    await vi.advanceTimersByTimeAsync(0);
    last().hello();
    last().onclose!({ code: 4003 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rest.signedOut).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.all).toHaveLength(1);
    expect(t.states).toEqual(['connecting', 'online', 'offline']);
  });
});
