// Diagnostic: Parley's CPU with N open, idle conversations (no traffic), to separate fixed from per-message cost.
// node bench/idle-probe.mjs [conversations=40] [seconds=10]   (PARLEY_INSPECTOR_PORT to profile meanwhile)
import { cpuBetween, cpuSnapshot } from './lib/cpu.mjs';
import { ParleyTarget } from './lib/targets.mjs';
import { startParley } from './parley.mjs';

const [n = 40, seconds = 10] = process.argv.slice(2).map(Number);
const server = await startParley();
try {
  const t = new ParleyTarget(server);
  await t.init();
  await t.grow(n);
  for (const wait of [2, seconds]) {
    await new Promise((r) => setTimeout(r, 1000));
    const c0 = cpuSnapshot(server.pid);
    await new Promise((r) => setTimeout(r, wait * 1000));
    console.log(
      `${n} idle conversations: ${(cpuBetween(c0, cpuSnapshot(server.pid)) / wait).toFixed(0)} ms CPU per second (${wait} s)`,
    );
  }
  for (const p of t.pairs) {
    p.visitor.close();
    p.agent.close();
  }
} finally {
  await server.stop();
}
process.exit(0);
