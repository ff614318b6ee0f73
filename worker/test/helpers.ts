import { exports } from 'cloudflare:workers';
import type { Agent, Conversation, Site, Visitor } from '../../protocol';

/** The origin every test site allows. */
export const ORIGIN = 'https://shop.example';

type CallOpts = {
  method?: string;
  body?: unknown;
  token?: string;
  origin?: string | null;
  headers?: Record<string, string>;
};

/** Call the real worker (same isolate, real D1 and Durable Objects). */
export async function api<T = any>(path: string, opts: CallOpts = {}): Promise<{ status: number; body: T }> {
  // A fresh client IP per call, so the per-IP edge limits don't couple unrelated tests.
  const ip = `10.${counter % 250}.${(counter++ >> 8) % 250}.${Math.floor(Math.random() * 250)}`;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'CF-Connecting-IP': ip,
    ...opts.headers,
  };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.origin !== null) headers.Origin = opts.origin ?? ORIGIN;
  const res = await exports.default.fetch(`https://parley.test${path}`, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

let counter = 0;
/** A unique suffix so tests never collide in the shared D1. */
export const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Register a fresh workspace; returns its owner's token and agent. */
export async function registerOwner(name = 'Ann') {
  const res = await api<{ token: string; agent: Agent }>('/api/auth/register', {
    body: {
      workspace: `WS ${unique()}`,
      name,
      email: `${name.toLowerCase()}-${unique()}@example.com`,
      password: 'correct horse battery',
    },
  });
  if (res.status !== 201) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A workspace with one site and its owner. */
export async function workspaceWithSite(origins = [ORIGIN]) {
  const owner = await registerOwner();
  const res = await api<{ site: Site }>('/api/sites', {
    token: owner.token,
    body: { name: 'Shop', allowedOrigins: origins },
  });
  if (res.status !== 201) throw new Error(`site failed: ${JSON.stringify(res.body)}`);
  return { owner, site: res.body.site };
}

/** A new visitor on a site. */
export async function visitorSession(siteKey: string, token?: string) {
  const res = await api<{ token: string; visitor: Visitor; conversations: Conversation[] }>('/api/widget/session', {
    body: { siteKey, ...(token ? { token } : {}) },
  });
  if (res.status !== 200) throw new Error(`session failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A site, an owner, a visitor and one conversation between them. */
export async function conversationFixture() {
  const { owner, site } = await workspaceWithSite();
  const visitor = await visitorSession(site.key);
  const res = await api<{ conversation: Conversation }>('/api/widget/conversations', {
    token: visitor.token,
    body: {},
  });
  if (res.status !== 201) throw new Error(`conversation failed: ${JSON.stringify(res.body)}`);
  return { owner, site, visitor, conversation: res.body.conversation };
}

/** A WebSocket client that queues frames so tests can wait for the one they expect. */
export class Client {
  frames: any[] = [];
  closed: { code: number; reason: string } | null = null;
  #waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.addEventListener('message', (e) => {
      this.frames.push(JSON.parse(e.data as string));
      this.#wake();
    });
    ws.addEventListener('close', (e) => {
      this.closed = { code: e.code, reason: e.reason };
      this.#wake();
    });
  }

  #wake() {
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Send a frame (objects are JSON-encoded, strings sent as they are). */
  send(frame: unknown) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Wait for the first frame (from `from` on) matching `match`; fails after `ms`. */
  async next(match: (f: any) => boolean, ms = 5000, from = 0): Promise<any> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.frames.slice(from).find(match);
      if (hit) return hit;
      if (Date.now() > deadline)
        throw new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Wait until the socket is closed. */
  async waitClosed(ms = 5000) {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.closed;
  }

  /** Wait for a site event (inside the SiteDO's `events` frames) matching `match`; returns the event. */
  async event(match: (e: any) => boolean, ms = 5000, from = 0): Promise<any> {
    const frame = await this.next((f) => f.type === 'events' && f.events.some(match), ms, from);
    return frame.events.find(match);
  }

  /**
   * Wait for a site event whose conversation state (a delta's fields or a whole copy: a queued
   * `conversation.created` absorbs the deltas that follow it in the same window) matches `match`.
   */
  async state(match: (c: any) => boolean, ms = 5000): Promise<any> {
    const e = await this.event((e) => match(e.type === 'conversation.delta' ? e.delta : e.conversation), ms);
    return e.type === 'conversation.delta' ? e.delta : e.conversation;
  }

  /** Every site event received so far, in order. */
  events(): any[] {
    return this.frames.filter((f) => f.type === 'events').flatMap((f) => f.events);
  }

  /** Frames of one type. */
  of(type: string) {
    return this.frames.filter((f) => f.type === type);
  }

  close() {
    try {
      this.ws.close(1000, 'bye');
    } catch {
      /* closed */
    }
  }
}

/** Upgrade to a WebSocket the way a browser does (token as subprotocol); returns the response when refused. */
export async function openSocket(
  path: string,
  token: string | null,
  opts: { origin?: string | null; protocols?: string[] } = {},
) {
  const headers: Record<string, string> = { Upgrade: 'websocket' };
  const protocols = opts.protocols ?? ['parley.v1', ...(token ? [`bearer.${token}`] : [])];
  if (protocols.length) headers['Sec-WebSocket-Protocol'] = protocols.join(', ');
  if (opts.origin !== null) headers.Origin = opts.origin ?? ORIGIN;
  const res = await exports.default.fetch(`https://parley.test${path}`, { headers });
  if (!res.webSocket) return { res, client: null };
  res.webSocket.accept();
  return { res, client: new Client(res.webSocket) };
}

/** Open a socket that must be accepted, and wait for its hello. */
export async function connect(path: string, token: string, opts: { origin?: string | null } = {}) {
  const { res, client } = await openSocket(path, token, opts);
  if (!client) throw new Error(`upgrade refused: ${res.status} ${await res.text()}`);
  await client.next((f) => f.type === 'hello' || f.type === 'presence');
  return client;
}

/** The visitor's and an agent's socket paths for a conversation. */
export const paths = {
  visitor: (id: string, after?: number) =>
    `/api/widget/conversations/${id}/ws${after === undefined ? '' : `?after=${after}`}`,
  agent: (id: string, after?: number) => `/api/conversations/${id}/ws${after === undefined ? '' : `?after=${after}`}`,
  site: (id: string) => `/api/sites/${id}/ws`,
};

/** Poll a condition until it holds; fails after `ms` (for state that settles asynchronously). */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const CHUNK = 64 * 1024;
/** A body with no Content-Length that would produce `total` bytes, counting how many the server pulled. */
export function countingStream(total: number) {
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(ctrl) {
        if (counter.pulled >= total) return ctrl.close();
        counter.pulled += CHUNK;
        ctrl.enqueue(new Uint8Array(CHUNK).fill(120));
      },
    },
    { highWaterMark: 0 },
  );
  return { body, counter };
}
