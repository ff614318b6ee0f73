// The big-site scenario (issue 10, item 5): one site, many visitors writing slowly, and agents'
// console site sockets counting what the SiteDO fans out to each of them.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { cpuBetween, cpuSnapshot } from './cpu.mjs';
import { idle } from './sock.mjs';
import { percentiles } from './stats.mjs';
import { pool } from './targets.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PAD = ' where is my order? it was due yesterday';

/**
 * Grow the site to `conversations` visitor sockets (the steps' pairs first, then visitor-only
 * conversations; at most `setupBudgetSeconds` of setup), open `agents` site sockets, and let
 * every visitor send at `rate` msg/s.
 */
export async function runBigSite(
  target,
  { conversations, agents, rate, seconds, setupBudgetSeconds = Infinity, onTick = () => {} },
) {
  target.extra ??= [];
  const need = conversations - target.pairs.length - target.extra.length;
  const setup0 = performance.now();
  if (need > 0) {
    await pool(need, 6, async () => {
      // Past the setup budget the scenario runs with the conversations it has (the report says so).
      if (performance.now() - setup0 > setupBudgetSeconds * 1000) return;
      target.extra.push(await target.conversation({ agent: false }));
      onTick({ phase: 'setup', done: target.extra.length, of: need });
    });
  }
  const visitors = [...target.pairs, ...target.extra].slice(0, conversations).map((p) => p.visitor);
  const sites = [];
  for (let i = 0; i < agents; i++) sites.push(await target.siteSocket());
  const setupSeconds = (performance.now() - setup0) / 1000;
  await sleep(1000); // presence frames of the connects settle

  const r = { sent: 0, acked: 0, refused: 0, refusedCodes: {} };
  const sentAt = new Map();
  const lat = new Map();
  visitors.forEach((v, i) => {
    v.h = {
      ...idle,
      ack(clientId) {
        if (clientId.startsWith('big.')) r.acked++;
      },
      refused(clientId, code) {
        if (clientId.startsWith('big.')) {
          r.refused++;
          r.refusedCodes[code] = (r.refusedCodes[code] ?? 0) + 1;
        }
      },
    };
    v.index = i;
  });
  // The first site socket also looks for the bench's bodies in what it gets (whatever the framing:
  // one event per frame or batches): latency from a visitor's send to an agent's console.
  const BODY = /big (\d+-\d+) where/g;
  sites[0].h = {
    ...idle,
    frame(data) {
      for (const m of data.matchAll(BODY)) {
        if (sentAt.has(m[1]) && !lat.has(m[1])) lat.set(m[1], performance.now() - sentAt.get(m[1]));
      }
    },
  };
  for (const s of sites) {
    s.frames = 0;
    s.bytes = 0;
  }
  await target.resetCounters();
  const cpu0 = cpuSnapshot(target.server.pid);
  const drv0 = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const period = 1000 / rate;
  const t0 = performance.now() + 20;
  const end = t0 + seconds * 1000;
  const fire = (v) => {
    const now = performance.now();
    if (now >= end) return;
    const key = `${v.index}-${(v.n = (v.n ?? 0) + 1)}`;
    sentAt.set(key, now);
    r.sent++;
    v.send(`big.${key}`, `big ${key}${PAD}`);
    v.next += period * (0.9 + 0.2 * Math.random());
    setTimeout(fire, Math.max(0, v.next - performance.now()), v);
  };
  visitors.forEach((v, i) => {
    v.next = t0 + (i / visitors.length) * period;
    setTimeout(fire, v.next - performance.now(), v);
  });
  while (performance.now() < end) {
    await sleep(500);
    onTick({ phase: 'load', sent: r.sent, elapsed: (performance.now() - t0) / 1000 });
  }
  // Drain: until every message reached the first console, 5 s without progress, or 30 s.
  const cap = performance.now() + 30_000;
  let seen = -1;
  let seenAt = performance.now();
  while (lat.size < r.sent - r.refused && performance.now() < cap && performance.now() - seenAt < 5000) {
    if (lat.size !== seen) {
      seen = lat.size;
      seenAt = performance.now();
    }
    await sleep(100);
  }
  sites[0].h = idle;
  await sleep(1000); // the work after the last delivery is counted too
  // Frames and CPU over the whole window: first send to the end of the drain.
  const windowSeconds = (performance.now() - t0) / 1000;
  const frames = sites.reduce((n, s) => n + s.frames, 0);
  const bytes = sites.reduce((n, s) => n + s.bytes, 0);
  const cpuMs = cpuBetween(cpu0, cpuSnapshot(target.server.pid));
  const drv = process.cpuUsage(drv0);
  loop.disable();
  const counters = await target.readCounters();
  for (const v of visitors) v.h = idle;
  for (const s of sites) s.close();
  const stored = counters?.messages || r.acked;
  const latencies = [...sentAt.keys()].map((k) => lat.get(k) ?? Infinity);
  return {
    conversations: visitors.length,
    agents,
    rate,
    offered: visitors.length * rate,
    seconds,
    setupSeconds,
    windowSeconds,
    ...r,
    unacked: r.sent - r.acked - r.refused,
    cpuMs,
    cpuPerMsg: r.acked ? cpuMs / r.acked : null,
    siteLatency: percentiles(latencies),
    reachedConsole: lat.size,
    framesPerAgentSecond: frames / agents / windowSeconds,
    bytesPerAgentSecond: bytes / agents / windowSeconds,
    perMessage: perMessage(counters, stored),
    counters,
    driver: {
      cpuPct: ((drv.user + drv.system) / 1000 / (windowSeconds * 1000)) * 100,
      loopDelayP99: loop.percentile(99) / 1e6,
    },
  };
}

/** Counters divided by the messages stored. */
export function perMessage(counters, stored) {
  if (!counters || !stored) return null;
  const per = (k) => (counters[k] ?? 0) / stored;
  return {
    d1Statements: per('d1.statements'),
    d1Calls: per('d1.calls'),
    siteCalls: per('site.calls'),
    siteFrames: per('site.frames'),
  };
}
