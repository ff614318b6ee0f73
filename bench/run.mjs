// `npm run bench`: Parley (started as `npm start` does) against the reference peer
// (bench/peer/server.mjs) under the same load; see docs/performance.md for how to read it.
import { join } from 'node:path';
import { runBigSite } from './lib/bigsite.mjs';
import { machine } from './lib/machine.mjs';
import { cpuBetween, cpuSnapshot } from './lib/cpu.mjs';
import { options } from './lib/options.mjs';
import { root } from './lib/proc.mjs';
import { done, log, status } from './lib/progress.mjs';
import { markdown, ratios, save } from './lib/report.mjs';
import { searchSaturation } from './lib/search.mjs';
import { ms, num } from './lib/stats.mjs';
import { runStep } from './lib/step.mjs';
import { FloorTarget, ParleyTarget, PeerTarget } from './lib/targets.mjs';
import { startFloor } from './floor.mjs';
import { inboxScenario } from './inbox.mjs';
import { startParley } from './parley.mjs';
import { startPeer } from './peer.mjs';

const opts = options();
const started = Date.now();
const res = {
  startedAt: new Date(started).toISOString(),
  machine: { before: machine() },
  options: opts,
  steps: [],
};
const servers = [];
const targets = {};

/** Grow the target's conversations to `n` (setup, not measured), then run one step on them. */
async function step(t, conversations, ratePerSide, seconds, label) {
  await t.grow(conversations, (d, n) => status(`${label}: ${t.name} setting up conversations ${d}/${n}`));
  const s = await runStep(t, {
    conversations,
    ratePerSide,
    seconds,
    onTick: (p) =>
      status(
        `${label}: ${t.name} ${conversations} conv. × 2 × ${ratePerSide}/s, ${p.elapsed.toFixed(0)}/${seconds} s, sent ${p.sent}, delivered ${p.delivered}`,
      ),
  });
  log(
    `${label} ${t.name.padEnd(6)} offered ${num(s.offered, 0)} msg/s: delivered ${num(s.achieved, 0)}/s, p50 ${ms(s.latency.p50)} p99 ${ms(s.latency.p99)} ms, ` +
      `lost ${s.lost}, unacked ${s.unacked}, refused ${s.refused}, CPU ${num(s.cpuPerMsg)} ms/msg${s.overloaded ? ' (overloaded: sending stopped early)' : ''}`,
  );
  return s;
}

try {
  status('starting the servers', true);
  if (opts.targets.includes('parley')) {
    const parley = await startParley({ build: opts.build });
    servers.push(parley);
    targets.parley = new ParleyTarget(parley);
    log(`Parley up on ${parley.base}`);
  }
  if (opts.targets.includes('peer')) {
    const peer = await startPeer();
    servers.push(peer);
    targets.peer = new PeerTarget(peer);
    log(`peer up on ${peer.base}`);
  }
  if (opts.targets.includes('floor')) {
    const floor = await startFloor();
    servers.push(floor);
    targets.floor = new FloorTarget(floor);
    log(`floor up on ${floor.base}`);
  }
  for (const t of Object.values(targets)) await t.init();
  const list = opts.targets.map((n) => targets[n]);
  // What each server costs doing nothing (wrangler's watchers, timers), to read small figures against.
  res.idleCpuMsPerSecond = {};
  await new Promise((r) => setTimeout(r, 1000));
  for (const t of list) {
    const c0 = cpuSnapshot(t.server.pid);
    status(`measuring ${t.name}'s idle CPU`);
    await new Promise((r) => setTimeout(r, 3000));
    res.idleCpuMsPerSecond[t.name] = cpuBetween(c0, cpuSnapshot(t.server.pid)) / 3;
  }

  // The fixed steps, both targets in turn at each step (so drifting machine noise hits both alike).
  for (const c of opts.steps) {
    const label = `${num(c * 2 * opts.ratePerSide, 0)} msg/s`;
    const st = { label, conversations: c, ratePerSide: opts.ratePerSide };
    for (const t of list) {
      const prev = res.steps.at(-1)?.[t.name];
      // The issue's two named steps (72 and 180 msg/s) always run; a bigger one is skipped after a hopeless one.
      const hopeless =
        c * 2 * opts.ratePerSide > 180 &&
        prev &&
        (prev.skipped ||
          prev.overloaded ||
          prev.unacked > prev.sent * 0.01 ||
          !(prev.latency.p99 <= opts.skipAfterP99));
      if (hopeless) log(`${label} ${t.name.padEnd(6)} skipped: overloaded at a lower step`);
      st[t.name] = hopeless
        ? { skipped: 'overloaded at a lower step', conversations: c, offered: c * 2 * opts.ratePerSide }
        : await step(t, c, opts.ratePerSide, opts.seconds, label);
    }
    st.ratios = ratios(st.parley, st.peer);
    st.floorRatios = ratios(st.parley, st.floor);
    res.steps.push(st);
    // The counters are module-level: they only add up if the Worker (which serves them) and the
    // Durable Objects (which count messages) share one isolate, as they do under wrangler dev.
    const p = st.parley;
    if (p && !p.skipped && res.countersShared === undefined) {
      res.countersShared = (p.counters?.messages ?? 0) >= p.acked && p.acked > 0;
      if (!res.countersShared)
        log(
          `warning: Parley counted ${p.counters?.messages ?? 0} stored messages for ${p.acked} acked: the counters do not see the Durable Objects`,
        );
    }
  }
  if (targets.parley) {
    const { conversations, ratePerSide } = opts.countersStep;
    const label = `1 msg/s per side (${conversations * 2 * ratePerSide} msg/s)`;
    res.countersStep = { label, parley: await step(targets.parley, conversations, ratePerSide, opts.seconds, label) };
  }
  if (opts.search) {
    res.saturation = {};
    // The floor is a diagnostic for the fixed steps; the search is the issue's two targets.
    for (const t of list.filter((x) => x.name !== 'floor')) {
      res.saturation[t.name] = await searchSaturation(
        res.steps.map((s) => s[t.name]).filter((s) => !s.skipped),
        {
          ratePerSide: opts.ratePerSide,
          p99Limit: opts.p99Limit,
          budgetSeconds: opts.searchBudgetSeconds,
          maxConversations: opts.maxConversations,
          probe: (c) =>
            step(t, c, opts.ratePerSide, opts.searchSeconds, `search ${num(c * 2 * opts.ratePerSide, 0)} msg/s`),
        },
      );
      log(`saturation ${t.name}: ${num(res.saturation[t.name].rate, 0)} msg/s`);
    }
    const { peer, parley } = res.saturation;
    res.saturation.ratio = peer?.rate && parley ? parley.rate / peer.rate : null;
  }
  if (opts.bigsite && targets.parley) {
    res.bigsite = await runBigSite(targets.parley, {
      conversations: opts.bigsiteConversations,
      agents: opts.bigsiteAgents,
      rate: opts.bigsiteRate,
      seconds: opts.bigsiteSeconds,
      setupBudgetSeconds: opts.bigsiteSetupSeconds,
      onTick: (p) =>
        status(
          p.phase === 'setup'
            ? `big site: setting up conversations ${p.done}/${p.of}`
            : `big site: ${p.elapsed.toFixed(0)}/${opts.bigsiteSeconds} s, sent ${p.sent}`,
        ),
    });
    const b = res.bigsite;
    if (b.conversations < 1000) {
      b.note = `Scaled down to ${b.conversations} conversations and ${b.agents} agent site sockets (the issue's model: 1,000 and 50)${b.conversations < opts.bigsiteConversations ? `: setting up more did not fit the ${opts.bigsiteSetupSeconds} s setup budget` : ''}.`;
    }
    log(
      `big site: ${res.bigsite.conversations} conversations, ${num(res.bigsite.perMessage?.siteCalls)} SiteDO calls/msg, ${num(res.bigsite.framesPerAgentSecond, 1)} frames/agent socket/s`,
    );
  }
} catch (err) {
  done();
  console.error(`bench failed: ${err.stack ?? err}`);
  for (const s of servers) console.error(`--- server output (tail) ---\n${s.log().slice(-12000)}`);
  process.exitCode = 1;
} finally {
  status('stopping the servers');
  for (const t of Object.values(targets))
    for (const p of [...t.pairs, ...(t.extra ?? [])]) {
      p.visitor?.close();
      p.agent?.close();
    }
  await Promise.all(servers.map((s) => s.stop()));
  done();
}

// The inbox scenario last, on its own Parley, after the message-path servers have stopped (no shared CPU).
if (!process.exitCode && opts.inbox) {
  try {
    res.inbox = await inboxScenario({ log: (t) => status(t) });
  } catch (err) {
    done();
    console.error(`inbox scenario failed: ${err.stack ?? err}`);
    process.exitCode = 1;
  }
  done();
}

if (!process.exitCode) {
  res.finishedAt = new Date().toISOString();
  res.durationSeconds = (Date.now() - started) / 1000;
  res.machine.after = machine();
  const files = save(res, opts.out ?? join(root, 'bench/results'));
  console.log(markdown(res));
  console.log(`\nResults: ${files.join(', ')} (and latest.json / latest.md beside them)`);
}
process.exit(process.exitCode ?? 0);
