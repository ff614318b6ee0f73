// One conversation socket that keeps itself alive: app-level ping, dead-socket detection, reconnect with
// exponential backoff and jitter. Framework-free; the owner supplies the URL (with ?after=) on every attempt.
import type { ServerFrame } from '../../worker/src/protocol';
import { PING_FRAME } from '../../worker/src/protocol/limits';

/** What the connection indicator shows. */
export type ConnStatus = 'connecting' | 'online' | 'offline';

/** Where and how to connect; built fresh on every attempt so the token and the resume point are current. */
export type Target = { url: string; protocols: string[] };

/** Callbacks of a Connection. */
export type ConnectionOptions = {
  /** `fresh` is true when the previous attempt failed before hello: the token may need renewing. Throw to back off. */
  target: (fresh: boolean) => Promise<Target>;
  onFrame: (frame: ServerFrame) => void;
  onStatus: (status: ConnStatus) => void;
};

const PING_EVERY = 25_000;
const DEAD_AFTER = 10_000;
const BACKOFF_MIN = 500;
const BACKOFF_MAX = 30_000;

/** Backoff for the n-th consecutive failure: exponential, capped, with "equal jitter" so clients spread out after a deploy. */
export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(BACKOFF_MAX, BACKOFF_MIN * 2 ** attempt);
  return base / 2 + random() * (base / 2);
}

/** A self-healing WebSocket to one conversation. */
export class Connection {
  status: ConnStatus = 'connecting';
  #ws?: WebSocket;
  #attempt = 0;
  #hello = false;
  #everOnline = false;
  #stopped = true;
  /** True while a backoff timer is pending (and nothing else is connecting). */
  #waiting = false;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #pingTimer?: ReturnType<typeof setInterval>;
  #deadTimer?: ReturnType<typeof setTimeout>;

  #o: ConnectionOptions;

  constructor(o: ConnectionOptions) {
    this.#o = o;
  }

  /** Connects (no-op when already running). */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    addEventListener('online', this.#kick);
    addEventListener('offline', this.#lost);
    void this.#open(false);
  }

  /** Closes for good. */
  stop(): void {
    this.#stopped = true;
    removeEventListener('online', this.#kick);
    removeEventListener('offline', this.#lost);
    clearTimeout(this.#retryTimer);
    this.#waiting = false;
    this.#drop();
  }

  /** Sends a frame when the socket is up and greeted; false means the caller must keep it queued. */
  send(frame: object | string): boolean {
    if (!this.#ws || !this.#hello || this.#ws.readyState !== 1) return false;
    try {
      this.#ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  #setStatus(s: ConnStatus) {
    if (s === this.status) return;
    this.status = s;
    this.#o.onStatus(s);
  }

  async #open(fresh: boolean) {
    // Only the very first attempt shows "connecting"; once an attempt failed we are "offline" until the next hello.
    if (!this.#everOnline && this.#attempt === 0) this.#setStatus('connecting');
    let t: Target;
    try {
      t = await this.#o.target(fresh);
    } catch {
      return this.#retry();
    }
    if (this.#stopped) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(t.url, t.protocols);
    } catch {
      return this.#retry();
    }
    this.#ws = ws;
    this.#hello = false;
    ws.onopen = () => {
      this.#alive();
      clearInterval(this.#pingTimer);
      this.#pingTimer = setInterval(this.#ping, PING_EVERY);
    };
    ws.onmessage = (e) => {
      this.#alive();
      let f: ServerFrame;
      try {
        f = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (!f || f.type === 'pong') return;
      if (f.type === 'hello') {
        this.#hello = this.#everOnline = true;
        this.#attempt = 0;
        this.#setStatus('online');
      }
      this.#o.onFrame(f);
    };
    ws.onclose = () => {
      if (this.#ws === ws) this.#fail();
    };
  }

  #ping = () => {
    if (!this.#ws || this.#ws.readyState !== 1) return;
    try {
      this.#ws.send(PING_FRAME);
    } catch {
      /* the close event follows */
    }
    // Any frame (the pong, or anything else) proves the socket alive; silence means a half-open TCP connection.
    if (!this.#deadTimer) this.#deadTimer = setTimeout(() => this.#fail(), DEAD_AFTER);
  };

  #alive() {
    clearTimeout(this.#deadTimer);
    this.#deadTimer = undefined;
  }

  /** Detaches and closes the current socket without waiting for its close event (which a dead network may never send). */
  #drop() {
    clearInterval(this.#pingTimer);
    this.#alive();
    const ws = this.#ws;
    this.#ws = undefined;
    this.#hello = false;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      try {
        ws.close();
      } catch {
        /* already closed */
      }
    }
  }

  #fail() {
    const hadHello = this.#hello;
    this.#drop();
    this.#retry(!hadHello);
  }

  #retry(noHello = true) {
    if (this.#stopped) return;
    this.#setStatus('offline');
    clearTimeout(this.#retryTimer);
    const fresh = noHello && this.#attempt > 0;
    this.#waiting = true;
    this.#retryTimer = setTimeout(() => {
      this.#waiting = false;
      void this.#open(fresh);
    }, backoff(this.#attempt++));
  }

  /** The browser says the network is back: try now instead of waiting out the backoff. */
  #kick = () => {
    if (this.#stopped || !this.#waiting) return;
    clearTimeout(this.#retryTimer);
    this.#waiting = false;
    this.#attempt = 0;
    void this.#open(true);
  };

  /** The browser says the network is gone: the socket is dead even if it has not noticed. */
  #lost = () => {
    if (this.#stopped || !this.#ws) return;
    this.#fail();
  };
}
