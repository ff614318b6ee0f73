// Starts Parley the way `npm start` does (scripts/start.mjs: migrations, wrangler dev) with its own port and
// state, for the inbox scenario. Small and self-contained on purpose: the message-path bench has its own starter.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinnedNode = join(root, 'node_modules/.bin/node');
const node = existsSync(pinnedNode) ? pinnedNode : process.execPath;
const PATH = `${join(root, 'node_modules/.bin')}:${process.env.PATH}`;

/** The local D1 file wrangler keeps under the state directory (the one that is not miniflare's metadata). */
export function d1File(state) {
  const dir = join(state, 'v3/d1/miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no D1 database under ${dir}`);
  return join(dir, file);
}

/**
 * Runs `node scripts/start.mjs` as its own process group and resolves once /api/health answers.
 * Returns { base, stop }; stop() ends the whole group (start.mjs, wrangler, workerd).
 */
export async function startParley({ port, state, dist, build = false }) {
  const env = {
    ...process.env,
    PATH,
    PORT: String(port),
    PARLEY_STATE: state,
    PARLEY_DIST: dist,
    ...(build ? {} : { PARLEY_SKIP_BUILD: '1' }),
  };
  const child = spawn(node, ['scripts/start.mjs'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const kill = () => alive() && process.kill(-child.pid, 'SIGKILL');
  process.on('exit', kill);
  const stop = async () => {
    if (alive()) process.kill(-child.pid, 'SIGTERM');
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    kill();
    process.off('exit', kill);
  };
  const base = `http://127.0.0.1:${port}`;
  // Ready means start.mjs printed its banner: migrations applied, the demo workspace made, wrangler serving.
  for (let i = 0; !log.includes('Parley is ready on'); i++) {
    if (!alive() || i > 1800) {
      await stop();
      throw new Error(`Parley did not start\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop };
}
