// The two targets behind one interface: grow(n) opens n conversations (a visitor socket and an
// agent socket each, and one warm-up reply from the agent, which claims the conversation, so no step measures the claim).
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { parleySocket, peerSocket } from './sock.mjs';

/** The Origin the bench's site allows (visitor sockets must come from an allowed origin). */
export const ORIGIN = 'https://bench.parley.test';

/** Run `f` on 0..n-1 with at most `width` at a time. */
export async function pool(n, width, f) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) await f(next++);
    }),
  );
}

/** One warm-up message from the agent (the first reply claims the conversation: not part of any step). */
function warmUp(pair) {
  return new Promise((resolve, reject) => {
    const s = pair.agent;
    s.h = {
      ack: (c) => c === 'warm-up' && resolve(),
      refused: (c, code) => c === 'warm-up' && reject(new Error(`warm-up refused: ${code}`)),
      message() {},
      frame() {},
    };
    s.send('warm-up', 'warm-up from the agent');
  });
}

async function call(base, path, { body, token, origin } = {}) {
  const res = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(origin ? { Origin: origin } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Parley through its public protocol: an owner, one site, a widget session and a conversation per visitor. */
export class ParleyTarget {
  name = 'parley';
  pairs = [];
  constructor(server) {
    this.server = server;
    this.base = server.base;
    this.ws = server.base.replace(/^http/, 'ws');
  }

  async init() {
    const id = randomUUID().slice(0, 8);
    const owner = await call(this.base, '/api/auth/register', {
      body: {
        workspace: `Bench ${id}`,
        name: 'Bench Owner',
        email: `bench-${id}@bench.parley.test`,
        password: `pw-${randomUUID()}`,
      },
    });
    this.token = owner.token;
    this.site = (
      await call(this.base, '/api/sites', { token: this.token, body: { name: 'Bench site', allowedOrigins: [ORIGIN] } })
    ).site;
  }

  /** A new visitor with one conversation and its socket; the agent's socket unless `agent` is false. */
  async conversation({ agent = true } = {}) {
    const { token } = await call(this.base, '/api/widget/session', {
      origin: ORIGIN,
      body: { siteKey: this.site.key },
    });
    const { conversation } = await call(this.base, '/api/widget/conversations', { origin: ORIGIN, token, body: {} });
    const visitor = await parleySocket(`${this.ws}/api/widget/conversations/${conversation.id}/ws`, token, ORIGIN);
    const pair = {
      id: conversation.id,
      visitor,
      agent: agent
        ? await parleySocket(`${this.ws}/api/conversations/${conversation.id}/ws`, this.token, this.base)
        : null,
    };
    if (agent) await warmUp(pair);
    return pair;
  }

  async grow(n, onProgress = () => {}) {
    const start = this.pairs.length;
    await pool(n - start, 6, async () => {
      this.pairs.push(await this.conversation());
      onProgress(this.pairs.length, n);
    });
  }

  /** An agent's console site socket (counting only). */
  siteSocket() {
    return parleySocket(`${this.ws}/api/sites/${this.site.id}/ws`, this.token, this.base, { raw: true });
  }

  async resetCounters() {
    await call(this.base, '/api/dev/counters/reset', { body: {} });
  }
  async readCounters() {
    return (await call(this.base, '/api/dev/counters')).counters;
  }
}

/** The runtime's floor (bench/floor/): Parley's socket shape, a bare Durable Object per conversation. */
export class FloorTarget {
  name = 'floor';
  pairs = [];
  constructor(server) {
    this.server = server;
    this.base = server.base;
    this.ws = server.base.replace(/^http/, 'ws');
  }
  async init() {}
  async grow(n, onProgress = () => {}) {
    const start = this.pairs.length;
    await pool(n - start, 16, async () => {
      const id = randomUUID();
      const pair = {
        id,
        visitor: await parleySocket(`${this.ws}/c/${id}/visitor`, 'floor', ORIGIN),
        agent: await parleySocket(`${this.ws}/c/${id}/agent`, 'floor', ORIGIN),
      };
      await warmUp(pair);
      this.pairs.push(pair);
      onProgress(this.pairs.length, n);
    });
  }
  async resetCounters() {}
  async readCounters() {
    return null;
  }
}

/** The reference peer: conversations are just room names. */
export class PeerTarget {
  name = 'peer';
  pairs = [];
  constructor(server) {
    this.server = server;
    this.base = server.base;
  }
  async init() {}
  async grow(n, onProgress = () => {}) {
    const start = this.pairs.length;
    await pool(n - start, 16, async () => {
      const id = randomUUID();
      const pair = {
        id,
        visitor: await peerSocket(io, this.base, id, 'visitor'),
        agent: await peerSocket(io, this.base, id, 'agent'),
      };
      await warmUp(pair);
      this.pairs.push(pair);
      onProgress(this.pairs.length, n);
    });
  }
  async resetCounters() {}
  async readCounters() {
    return null;
  }
}
