// The reference peer (bench/peer/server.mjs) in its own process, with its SQLite file in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './lib/proc.mjs';

/** Start the peer; returns { base, pid, stop() } like startParley(). */
export async function startPeer() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-peer-'));
  const server = spawnServer(
    'bench/peer/server.mjs',
    { PORT: '0', PEER_DB: join(dir, 'peer.sqlite'), NODE_NO_WARNINGS: '1' },
    /peer ready on (\d+)/,
    30_000,
  );
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const m = await server.ready;
    return { base: `http://127.0.0.1:${m[1]}`, pid: server.child.pid, stop, log: server.log };
  } catch (err) {
    await stop();
    throw err;
  }
}
