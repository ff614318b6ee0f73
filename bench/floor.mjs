// The floor worker (bench/floor/) under wrangler dev in its own process group, like startParley().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './lib/proc.mjs';
import { freePort } from '../scripts/free-port.mjs';

/** Start the floor; returns { base, pid, stop() }. */
export async function startFloor() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-floor-'));
  const server = spawnServer('bench/floor/start.mjs', { PORT: String(port), FLOOR_STATE: dir }, /floor ready on (\d+)/);
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await server.ready;
    return { base: `http://127.0.0.1:${port}`, pid: server.child.pid, stop, log: server.log };
  } catch (err) {
    await stop();
    throw err;
  }
}
