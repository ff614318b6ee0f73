// A framework-free WebSocket that stays connected: reconnects with backoff, pings so
// idle proxies keep it open, notices a dead link, and lets the caller resume via url().
import { PING_FRAME, REVOKED_CLOSE } from '../../../protocol/limits';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';

/** What the UI shows: dialing, connected, or waiting to retry. */
export type SocketState = 'connecting' | 'online' | 'offline';

/** The part of the browser WebSocket this class uses (so tests can pass a fake). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Options; url() is called on every attempt so it can carry the latest resume point. */
export type ReconnectingSocketOptions = {
  url: () => string;
  protocols: () => string[];
  onFrame: (frame: { type: string; [key: string]: unknown }) => void;
  onOpen?: () => void;
  onStateChange?: (state: SocketState) => void;
  /** The server closed with REVOKED_CLOSE (the agent was deactivated): the socket stops for good. */
  onRevoked?: () => void;
  createSocket?: (url: string, protocols: string[]) => WebSocketLike;
  pingIntervalMs?: number;
  /** With no frame (not even a pong) for this long the link is presumed dead and replaced. */
  staleAfterMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => number;
};

const OPEN = 1;

/** Reconnecting, pinging WebSocket client speaking Parley's JSON frames. */
export class ReconnectingSocket {
  private ws: WebSocketLike | null = null;
  private active = false;
  private attempt = 0;
  private lastFrameAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private currentState: SocketState = 'offline';
  private readonly opts: Required<Omit<ReconnectingSocketOptions, 'onOpen' | 'onStateChange' | 'onRevoked'>> &
    Pick<ReconnectingSocketOptions, 'onOpen' | 'onStateChange' | 'onRevoked'>;

  constructor(options: ReconnectingSocketOptions) {
    this.opts = {
      createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike,
      pingIntervalMs: 25_000,
      staleAfterMs: 60_000,
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      now: Date.now,
      ...options,
    };
  }

  /** Current connection state. */
  get state(): SocketState {
    return this.currentState;
  }

  /** Opens the connection and keeps it open until stop(). */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.connect();
  }

  /** Closes for good (no reconnect). */
  stop(): void {
    this.active = false;
    clearTimeout(this.retryTimer);
    this.drop(1000);
    this.setState('offline');
  }

  /** Sends a frame if connected; returns false when it could not go (the caller keeps it pending). */
  send(frame: object): boolean {
    if (!this.ws || this.ws.readyState !== OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Skips the remaining backoff, e.g. when the browser reports it is back online. */
  reconnectNow(): void {
    if (!this.active || this.currentState !== 'offline') return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  }

  private connect(): void {
    clearTimeout(this.retryTimer);
    this.setState('connecting');
    let ws: WebSocketLike;
    try {
      ws = this.opts.createSocket(this.opts.url(), this.opts.protocols());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (ws !== this.ws) return;
      this.lastFrameAt = this.opts.now();
      this.pingTimer = setInterval(() => this.heartbeat(), this.opts.pingIntervalMs);
      this.setState('online');
      this.opts.onOpen?.();
    };
    ws.onmessage = (event) => {
      if (ws !== this.ws) return;
      this.lastFrameAt = this.opts.now();
      // Only a server that talks back counts as recovered; one that accepts and drops keeps backing off.
      this.attempt = 0;
      const frame = parseFrame(event.data);
      if (frame && frame.type !== 'pong') this.opts.onFrame(frame);
    };
    ws.onclose = (event) => {
      if (ws !== this.ws) return;
      if (event.code !== REVOKED_CLOSE) return this.lost();
      this.stop();
      this.opts.onRevoked?.();
    };
    ws.onerror = () => {
      // A close event always follows; reconnecting happens there.
    };
  }

  private heartbeat(): void {
    if (this.opts.now() - this.lastFrameAt > this.opts.staleAfterMs) {
      // A dead TCP link may take minutes to report close; replace it now.
      this.lost();
      return;
    }
    this.ws?.send(PING_FRAME);
  }

  private lost(): void {
    this.drop(4000);
    if (this.active) this.scheduleReconnect();
    else this.setState('offline');
  }

  private drop(code: number): void {
    clearInterval(this.pingTimer);
    const ws = this.ws;
    this.ws = null;
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close(code);
    } catch {
      // Closing a socket that never opened can throw in some browsers; it is gone either way.
    }
  }

  private scheduleReconnect(): void {
    this.setState('offline');
    const delay = backoffDelay(this.attempt++, this.opts.random, this.opts.backoff);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private setState(state: SocketState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.opts.onStateChange?.(state);
  }
}

function parseFrame(data: unknown): { type: string; [key: string]: unknown } | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data);
    return value && typeof value === 'object' && typeof value.type === 'string' ? value : null;
  } catch {
    return null;
  }
}
