// Server CPU from /proc: utime + stime of a process and all its descendants (Parley is
// start.mjs -> wrangler -> workerd; the peer is one Node process), in milliseconds.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let tickMs = 10;
try {
  tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 10;
} catch {
  /* 100 Hz, the usual */
}

/** [pid, ppid, utime+stime in ticks] of a /proc/<pid>/stat line; null when the process is gone. */
function stat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: the fields start after the last ')'.
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

/** The pids of `root` and all its descendants right now. */
export function processTree(root) {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => stat(Number(d)))
    .filter(Boolean);
  const children = new Map();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out = [];
  const walk = (pid) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c.pid);
    }
  };
  const self = all.find((p) => p.pid === root);
  if (self) out.push(self);
  walk(root);
  return out;
}

/** CPU time (ms) used so far by `root` and its descendants, per pid (so a diff ignores processes that came or went). */
export function cpuSnapshot(root) {
  return new Map(processTree(root).map((p) => [p.pid, p.ticks * tickMs]));
}

/** CPU ms spent between two snapshots by the processes alive in the second one. */
export function cpuBetween(before, after) {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** The same, per process ("workerd 1289": ms), to see where the time went (JSON only). */
export function cpuByProcess(before, after) {
  const out = {};
  for (const [pid, t] of after) {
    let name = '?';
    try {
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      /* gone */
    }
    out[`${name} ${pid}`] = Math.round(t - (before.get(pid) ?? 0));
  }
  return out;
}
