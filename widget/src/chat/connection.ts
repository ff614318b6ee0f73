// One conversation socket that keeps itself alive: app-level ping, dead-socket detection, reconnect with
// exponential backoff and jitter. Framework-free; the owner supplies the URL (with ?after=) on every attempt.
// A closure rather than a class: its locals minify to one letter, `this.#field` would not.
import type { VisitorServerFrame as ServerFrame } from '../../../protocol';
import { PING_FRAME } from '../../../protocol/limits';

/** What the connection indicator shows. */
export type ConnStatus = 'connecting' | 'online' | 'offline';

/** Where and how to connect; built fresh on every attempt so the token and the resume point are current. */
export type Target = { url: string; protocols: string[] };

/** Callbacks of a Connection. */
export type ConnectionOptions = {
  /** `fresh` is true when the previous attempt failed before hello: the token may need renewing. Throw to back off. */
  target: (fresh: boolean) => Promise<Target>;
  onFrame: (frame: ServerFrame) => void;
  /** Called on every change, starting with 'connecting'. */
  onStatus: (status: ConnStatus) => void;
};

/** A running connection: `send` is false when the frame could not go (the caller keeps it queued). */
export type Connection = { send: (frame: object) => boolean; stop: () => void };

/** Backoff for the n-th consecutive failure: exponential, capped (500 ms to 30 s), with "equal jitter" so clients spread out after a deploy. */
export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(30000, 500 * 2 ** attempt);
  return base / 2 + random() * (base / 2);
}

/** Opens a self-healing WebSocket to one conversation (until stop()). */
export function connection(o: ConnectionOptions): Connection {
  let ws: WebSocket | undefined;
  let attempt = 0;
  let hello = false;
  let everOnline = false;
  let stopped = false;
  let status: ConnStatus | undefined;
  /** Set only while a backoff timer is pending (and nothing else is connecting). */
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let deadTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (s: ConnStatus) => s !== status && o.onStatus((status = s));
  const alive = () => (clearTimeout(deadTimer), (deadTimer = undefined));
  // Only called on an open socket, where send() never throws (it throws while CONNECTING only).
  const raw = (data: string) => (ws!.send(data), true);

  /** Detaches and closes the current socket without waiting for its close event (which a dead network may never send). */
  const drop = () => {
    clearInterval(pingTimer);
    alive();
    const old = ws;
    ws = undefined;
    hello = false;
    if (old) {
      old.onopen = old.onmessage = old.onclose = null;
      old.close();
    }
  };

  const retry = (noHello = true) => {
    if (stopped) return;
    setStatus('offline');
    clearTimeout(retryTimer);
    const fresh = noHello && attempt > 0;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      open(fresh);
    }, backoff(attempt++));
  };

  const fail = () => {
    const had = hello;
    drop();
    retry(!had);
  };

  const open = async (fresh: boolean) => {
    // Only the very first attempt shows "connecting"; once an attempt failed we are "offline" until the next hello.
    if (!everOnline && !attempt) setStatus('connecting');
    let s: WebSocket;
    try {
      const t = await o.target(fresh);
      if (stopped) return;
      s = ws = new WebSocket(t.url, t.protocols);
    } catch {
      return retry();
    }
    hello = false;
    s.onopen = () => {
      alive();
      clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        if (ws?.readyState != 1) return;
        raw(PING_FRAME);
        // Any frame (the pong, or anything else) proves the socket alive; silence means a half-open TCP connection.
        deadTimer ||= setTimeout(fail, 10000);
      }, 25000);
    };
    s.onmessage = (e) => {
      alive();
      let f: ServerFrame;
      try {
        f = JSON.parse(e.data);
      } catch {
        return;
      }
      if (!f || f.type == 'pong') return;
      if (f.type == 'hello') {
        hello = everOnline = true;
        attempt = 0;
        setStatus('online');
      }
      o.onFrame(f);
    };
    // 4403: the server closed it for good (a blocked visitor, docs/protocol.md); the frame before it was passed on.
    s.onclose = (e) => ws == s && (e.code == 4403 ? o.onFrame({ type: 'error', code: 'chat_unavailable', message: '' }) : fail());
  };

  /** The browser says the network is back: try now instead of waiting out the backoff. */
  const kick = () => {
    if (stopped || !retryTimer) return;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    attempt = 0;
    open(true);
  };
  /** The browser says the network is gone: the socket is dead even if it has not noticed. */
  const lost = () => !stopped && ws && fail();

  addEventListener('online', kick);
  addEventListener('offline', lost);
  open(false);
  return {
    send: (frame) => !!ws && hello && ws.readyState == 1 && raw(JSON.stringify(frame)),
    stop() {
      stopped = true;
      removeEventListener('online', kick);
      removeEventListener('offline', lost);
      clearTimeout(retryTimer);
      drop();
    },
  };
}
