// One load step: N conversations, both sides sending at `ratePerSide` msg/s (evenly spread, with
// jitter), each message carrying (step, side, counter, sentAt); latency is the arrival at the
// OTHER side minus the send time, on this process's clock.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { cpuBetween, cpuByProcess, cpuSnapshot } from './cpu.mjs';
import { idle } from './sock.mjs';
import { percentiles } from './stats.mjs';

const PAD = ' lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let steps = 0;

/** A sender: one side of one conversation, with what happened to each of its messages (by counter). */
const sender = (side, sock) => ({ side, sock, sentAt: [], acked: [], refused: [], lat: [], last: -1 });

function arrive(s, counter, now, r) {
  if (s.sentAt[counter] === undefined) return;
  if (s.lat[counter] !== undefined) {
    r.duplicated++;
    return;
  }
  s.lat[counter] = now - s.sentAt[counter];
  r.delivered++;
  if (counter < s.last) r.outOfOrder++;
  else s.last = counter;
}

/**
 * Run one step on the first `conversations` pairs of `target`. Sending stops early (overloaded) when
 * more than `backlogSeconds` of messages wait for their ack. Returns the step's figures.
 */
export async function runStep(
  target,
  { conversations, ratePerSide, seconds, graceMs = 5000, backlogSeconds = 3, onTick = () => {} },
) {
  const tag = `s${++steps}`;
  const pairs = target.pairs.slice(0, conversations);
  const r = { sent: 0, acked: 0, refused: 0, refusedCodes: {}, delivered: 0, duplicated: 0, outOfOrder: 0 };
  // After the drain, late arrivals are not counted (by the grace period's measure they were lost).
  let frozen = false;
  const senders = [];
  for (const p of pairs) {
    const v = sender('v', p.visitor);
    const a = sender('a', p.agent);
    senders.push(v, a);
    for (const [own, other] of [
      [v, a],
      [a, v],
    ]) {
      own.sock.h = {
        ack(clientId) {
          const [t, , c] = clientId.split('.');
          if (!frozen && t === tag && !own.acked[c]) {
            own.acked[c] = 1;
            r.acked++;
          }
        },
        refused(clientId, code) {
          const [t, , c] = clientId.split('.');
          if (frozen || t !== tag || own.refused[c]) return;
          own.refused[c] = 1;
          r.refused++;
          r.refusedCodes[code] = (r.refusedCodes[code] ?? 0) + 1;
        },
        message(body) {
          const [t, side, c] = body.split(' ', 3);
          if (!frozen && t === tag && side === other.side) arrive(other, Number(c), performance.now(), r);
        },
        frame() {},
      };
    }
  }
  await target.resetCounters();
  const period = 1000 / ratePerSide;
  const offered = senders.length * ratePerSide;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = cpuSnapshot(target.server.pid);
  const drv0 = process.cpuUsage();
  const t0 = performance.now() + 20;
  const end = t0 + seconds * 1000;
  let stopped = false;
  let overloaded = false;
  const fire = (s) => {
    const now = performance.now();
    if (stopped || now >= end) return;
    const c = s.sentAt.length;
    s.sentAt.push(now);
    r.sent++;
    s.sock.send(`${tag}.${s.side}.${c}`, `${tag} ${s.side} ${c} ${now.toFixed(2)}${PAD}`);
    // ±10 % jitter around the period keeps the average rate and spreads the senders apart.
    s.next += period * (0.9 + 0.2 * Math.random());
    setTimeout(fire, Math.max(0, s.next - performance.now()), s);
  };
  senders.forEach((s, i) => {
    s.next = t0 + (i / senders.length) * period;
    setTimeout(fire, s.next - performance.now(), s);
  });
  const outstanding = () => r.sent - r.acked - r.refused;
  while (performance.now() < end) {
    await sleep(250);
    if (outstanding() > Math.max(100, offered * backlogSeconds)) {
      overloaded = true;
      stopped = true;
      break;
    }
    onTick({ sent: r.sent, delivered: r.delivered, elapsed: (performance.now() - t0) / 1000 });
  }
  stopped = true;
  const sendSeconds = (Math.min(performance.now(), end) - t0) / 1000;
  // Drain: wait while the server still makes progress (an overloaded step's backlog clears before
  // the next step), but no longer than `graceMs` without any ack or arrival, nor 30 s in all.
  const drainCap = performance.now() + 30_000;
  let progress = -1;
  let lastProgressAt = performance.now();
  while (outstanding() > 0 || r.delivered < r.acked) {
    const now = performance.now();
    const p = r.acked + r.refused + r.delivered;
    if (p !== progress) {
      progress = p;
      lastProgressAt = now;
    }
    if (now - lastProgressAt > graceMs || now > drainCap) break;
    await sleep(50);
  }
  frozen = true;
  const drainMs = performance.now() - t0 - sendSeconds * 1000;
  // A second for the work that follows the last delivery (projection, site fan-out) to be counted too.
  await sleep(1000);
  const cpu1 = cpuSnapshot(target.server.pid);
  const cpuMs = cpuBetween(cpu0, cpu1);
  const drv = process.cpuUsage(drv0);
  const wallMs = performance.now() - t0;
  loop.disable();
  const counters = await target.readCounters();
  for (const p of pairs) {
    p.visitor.h = idle;
    p.agent.h = idle;
  }

  const lat = [];
  let lost = 0;
  let unacked = 0;
  for (const s of senders) {
    for (let c = 0; c < s.sentAt.length; c++) {
      if (s.refused[c]) continue;
      lat.push(s.lat[c] ?? Infinity);
      if (s.lat[c] === undefined && s.acked[c]) lost++;
      if (!s.acked[c]) unacked++;
    }
  }
  return {
    conversations,
    ratePerSide,
    offered,
    sendSeconds,
    drainMs,
    overloaded,
    ...r,
    lost,
    unacked,
    latency: percentiles(lat),
    achieved: r.delivered / (sendSeconds + drainMs / 1000), // throughput from the first send to the end of the drain
    cpuMs,
    cpuPerMsg: r.delivered ? cpuMs / r.delivered : null,
    cpuByProcess: cpuByProcess(cpu0, cpu1),
    driver: { cpuPct: ((drv.user + drv.system) / 1000 / wallMs) * 100, loopDelayP99: loop.percentile(99) / 1e6 },
    counters,
  };
}
