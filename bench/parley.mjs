// Parley started exactly as `npm start` does (scripts/start.mjs: migrations, wrangler dev,
// the demo workspace), on a free port with its own state, and the dev counters on.
import { freePort } from '../scripts/free-port.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './lib/proc.mjs';

/**
 * Start Parley; resolves once /api/health answers and start.mjs printed its ready line.
 * The console and widget builds are skipped (PARLEY_SKIP_BUILD=1: the message path does not
 * serve them) unless `build` is true. Returns { base, pid, stop() }; stop() also removes the state.
 */
export async function startParley({ build = false } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const env = {
    PORT: String(port),
    PARLEY_STATE: join(dir, 'state'),
    PARLEY_DIST: join(dir, 'dist'),
    PARLEY_COUNTERS: '1',
    ...(build ? {} : { PARLEY_SKIP_BUILD: '1' }),
  };
  const server = spawnServer('scripts/start.mjs', env, /Parley is ready on (\S+)/);
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await server.ready;
    const base = `http://127.0.0.1:${port}`;
    if (!(await fetch(`${base}/api/health`)).ok) throw new Error('/api/health is not ok');
    return { base, pid: server.child.pid, stop, log: server.log };
  } catch (err) {
    await stop();
    throw err;
  }
}
