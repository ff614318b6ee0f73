// What the machine was like: the peer's ceiling is often the disk (one fsync per message), so
// the run records how long a durable SQLite commit takes here, before and after.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** Milliseconds per INSERT committed with WAL and synchronous=FULL (the peer's settings), over `n` commits. */
export function commitMs(n = 200) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-fsync-'));
  try {
    const db = new DatabaseSync(join(dir, 'probe.sqlite'));
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (v INTEGER)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const t0 = performance.now();
    for (let i = 0; i < n; i++) insert.run(i);
    const ms = (performance.now() - t0) / n;
    db.close();
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPUs, load average and the commit time, now. */
export function machine() {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? '?',
    load: loadavg().map((l) => l.toFixed(2)),
    commitMs: commitMs(),
    node: process.version,
  };
}
