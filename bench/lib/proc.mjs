// A server as its own process group (so the whole tree can be stopped at once), with its output kept.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The pinned Node 22 (node_modules/.bin/node) when installed: node:sqlite and the same runtime as `npm start`. */
export const node = existsSync(join(root, 'node_modules/.bin/node'))
  ? join(root, 'node_modules/.bin/node')
  : process.execPath;
const PATH = `${join(root, 'node_modules/.bin')}:${process.env.PATH}`;
const groups = new Set();

/** Spawn `node <script>` detached (its own group); resolves once `readyRe` matches its stdout. */
export function spawnServer(script, env, readyRe, timeoutMs = 180_000) {
  const child = spawn(node, [script], {
    cwd: root,
    env: { ...process.env, PATH, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  groups.add(child.pid);
  let log = '';
  child.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} not ready after ${timeoutMs / 1000} s\n${log}`)),
      timeoutMs,
    );
    const check = () => {
      const m = readyRe.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready\n${log}`));
    });
  });
  return { child, ready, log: () => log, stop: () => stopGroup(child.pid) };
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group, SIGKILL to whatever is left after 5 s. */
export async function stopGroup(pid) {
  if (alive(pid)) process.kill(-pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(-pid, 'SIGKILL');
  groups.delete(pid);
}

// Last resort on any exit path: exit handlers are synchronous, so no grace period.
process.on('exit', () => {
  for (const pid of groups) if (alive(pid)) process.kill(-pid, 'SIGKILL');
});
