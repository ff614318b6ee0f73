// The reconnecting socket of both apps, as an explicit state machine (after liveblocks-core's connection.ts).
// Every state change goes through `to()`; the table is in docs/architecture.md ("The realtime client").
// Rules: "open" means the server's hello arrived (the first frame of every Parley socket), not the TCP/upgrade
// open; a ping every PING_EVERY_MS and no frame within DEAD_AFTER_MS of it (or of a dial) = a dead link (a target()
// that has not answered in BACKOFF_MAX_MS is given up too);
// backoff with equal jitter, capped; close codes 4003 (agent revoked) and 4403 (visitor blocked) stop for good;
// a dial that never reached hello asks target(true) next time, which renews the token (a refused upgrade,
// 401 included, is only a close to a browser). A closure, not a class: its locals minify in the widget.
// Imports only zod-free constants: no DOM beyond WebSocket (callers wire online/offline/visibility to wake/lost).
import { BLOCKED_CLOSE, PING_FRAME, REVOKED_CLOSE } from '../protocol/limits';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, DEAD_AFTER_MS, PING_EVERY_MS } from './constants';

/** The machine's states; 'idle' until start(), 'stopped' is final (stop() or a permanent refusal). */
export type ConnState = 'idle' | 'connecting' | 'open' | 'awaiting_pong' | 'backing_off' | 'stopped';

/** Where and how to dial: the URL (carrying the resume point) and subprotocols (carrying the token), as WebSocket() takes them. */
export type Target = [url: string, protocols: string[]];

/** The part of a browser WebSocket the machine uses (tests stub the global WebSocket with a fake). */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
};

/** The delegates a connection is built from. */
export type ConnectionOptions<F extends { type: string }> = {
  /** Called before every dial; `renew` is true when the last dial never reached hello (its token may have expired). Throw to back off. */
  target: (renew: boolean) => Promise<Target>;
  /** Every server frame but pong, hello included (delivered after the state became 'open', so it may send). */
  onFrame: (frame: F) => void;
  /**
   * Every state change; `code` is the server's close code when it stopped the machine for good. 'open' also
   * follows every answered ping (from 'awaiting_pong'): resume and flush outboxes on the hello frame, not here.
   */
  onStateChange?: (state: ConnState, code?: number) => void;
};

/** A running connection; send() is false unless open (the caller's outbox keeps the frame). */
export type Connection = {
  start(): void;
  stop(): void;
  send(frame: object): boolean;
  /** The network is back or the page became visible: retry now when backing off, check the link when open. */
  wake(): void;
  /** The browser says the network is gone: drop the socket and back off. */
  lost(): void;
  readonly state: ConnState;
};

/** Backoff for the n-th consecutive failure: exponential from BACKOFF_BASE_MS, capped, "equal jitter" (half fixed, half random) so clients spread out after a deploy. */
export const backoff = (attempt: number): number => {
  // 2 ** attempt grows to Infinity, never NaN: the cap still holds.
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
};

/** Close codes that mean "never again": no retry. */
export const isRefusal = (code: number) => code == REVOKED_CLOSE || code == BLOCKED_CLOSE;

/**
 * Builds a connection in 'idle'; start() dials. The delegates are positional (documented in ConnectionOptions): an
 * options object's property names would survive minification in the widget.
 */
export function createConnection<F extends { type: string }>(
  target: ConnectionOptions<F>['target'],
  onFrame: ConnectionOptions<F>['onFrame'],
  onStateChange?: ConnectionOptions<F>['onStateChange'],
): Connection {
  let state: ConnState = 'idle';
  let ws: SocketLike | undefined;
  let attempt = 0;
  // Counts dials, so a target() that resolves after its dial was abandoned (stop, lost, a newer dial) is dropped.
  let dials = 0;
  // True while the last dial failed before hello: the next target() renews.
  let renew = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadTimer: ReturnType<typeof setTimeout> | undefined;

  const live = () => state == 'open' || state == 'awaiting_pong';

  /** The one place a state changes: cancels the old state's timers and socket, arms the new state's. */
  const to = (next: ConnState, code?: number) => {
    clearTimeout(timer);
    clearTimeout(deadTimer);
    if (next != 'open' && next != 'awaiting_pong' && next != 'connecting') close();
    if (next == 'backing_off') {
      if (!live()) renew = true;
      timer = setTimeout(connect, backoff(attempt++));
    }
    // Connecting and awaiting a pong both end in DEAD_AFTER_MS unless a frame arrives. Connecting includes target():
    // a token request that hangs (a captive portal, a half-open network) gives up too, after the longest backoff
    // (a renewal may run a Turnstile check the visitor has to click).
    if (next == 'awaiting_pong' || next == 'connecting')
      deadTimer = setTimeout(() => to('backing_off'), next == 'connecting' && !ws ? BACKOFF_MAX_MS : DEAD_AFTER_MS);
    // A link that lasted a ping period resets the backoff; a server that drops every socket right after its hello
    // (a crashing object, a proxy) is redialled with growing delays, not every half second by every client.
    if (next == 'open') timer = setTimeout(() => ((attempt = 0), ping()), PING_EVERY_MS);
    // Not `?.((state = next))`: an absent callback would skip the assignment.
    if (next != state) (state = next), onStateChange?.(next, code);
  };

  /** Detaches and closes the socket without waiting for its close event (a dead network may never send it). */
  const close = () => {
    const old = ws;
    ws = undefined;
    if (!old) return;
    old.onmessage = old.onclose = null;
    // Closing one still dialing does not throw (it fails the dial); only bad codes or reasons would.
    old.close(1000);
  };

  const ping = () => (ws!.send(PING_FRAME), to('awaiting_pong'));

  const connect = async () => {
    const me = ++dials;
    to('connecting');
    let t: Target;
    try {
      t = await target(renew);
    } catch {
      return me == dials && state == 'connecting' && to('backing_off');
    }
    if (me != dials || state != 'connecting') return;
    let s: SocketLike;
    try {
      s = ws = new WebSocket(...t) as SocketLike;
    } catch {
      // A URL or subprotocol the browser rejects throws here: retry later like any failed dial.
      return to('backing_off');
    }
    to('connecting');
    let greeted = false;
    s.onmessage = (e) => {
      let f: F;
      try {
        f = JSON.parse(e.data as string);
      } catch {
        return;
      }
      // A replaced socket is detached (close()), but a handler captured before that must not move the machine.
      if (!f || typeof f.type != 'string' || ws != s) return;
      // Any frame proves the link alive; hello also proves the server took us (the token was good).
      if (f.type == 'hello') {
        // A socket opens once: a repeated hello would make the caller resend its outbox on the same socket.
        if (greeted) return;
        greeted = true;
        // The token was good; the backoff starts over only once the link has lasted (the ping timer to() arms).
        renew = false;
        to('open');
      } else if (state == 'awaiting_pong') to('open');
      // The handler may have replaced the socket (stop, lost): its frames end with it.
      if (f.type != 'pong' && ws == s) onFrame(f);
    };
    s.onclose = (e) => ws == s && (isRefusal(e.code) ? to('stopped', e.code) : to('backing_off'));
  };

  return {
    start: () => state == 'idle' && void connect(),
    stop: () => to('stopped'),
    send: (frame) => live() && ws!.readyState == 1 && (ws!.send(JSON.stringify(frame)), true),
    wake() {
      if (state == 'backing_off') (attempt = 0), void connect();
      else if (state == 'open') ping();
    },
    lost: () => (live() || state == 'connecting') && to('backing_off'),
    get state() {
      return state;
    },
  };
}
