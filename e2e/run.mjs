// `npm run test:e2e`: starts Parley exactly as `npm start` does (fresh state, free port),
// runs every e2e/*.test.mjs against it in a real Chromium, and always stops the server.
import { chromiumPath } from './chromium.mjs';
import { freePort } from '../scripts/free-port.mjs';
import { startSiteverify, TURNSTILE_TEST } from '../scripts/siteverify-standin.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The pinned Node 22 (node_modules/.bin/node) must win for every child, whatever node started us.
const PATH = `${join(root, 'node_modules/.bin')}:${process.env.PATH}`;
const pinnedNode = join(root, 'node_modules/.bin/node');
const node = existsSync(pinnedNode) ? pinnedNode : 'node';
const READY_TIMEOUT = 180_000;

// A missing browser is a failure, never a silent skip. It comes from npm (@sparticuz/chromium) unless CHROMIUM_PATH says otherwise.
const chromium = await chromiumPath().catch((err) => {
  console.error(`e2e: no Chromium: ${err.message}`);
  process.exit(1);
});

const port = await freePort();
const state = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
// Its own state and its own dist: a developer's running server is never touched, and
// this run's demo page carries this run's site key.
// Turnstile with Cloudflare's test keys, checked by a local stand-in of siteverify: this machine cannot reach Cloudflare.
const siteverify = await startSiteverify();
const turnstile = {
  TURNSTILE_SITE_KEY: TURNSTILE_TEST.siteKey,
  TURNSTILE_SECRET_KEY: TURNSTILE_TEST.passSecret,
  TURNSTILE_VERIFY_URL: siteverify.url,
};
const env = {
  ...process.env,
  PATH,
  PORT: String(port),
  PARLEY_STATE: join(state, 'state'),
  PARLEY_DIST: join(state, 'dist'),
  ...turnstile,
};

// Detached: the server is its own process group (start.mjs -> wrangler -> workerd), killed as a whole below.
const server = spawn(node, ['scripts/start.mjs'], {
  cwd: root,
  env,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));

/** True while any process of the server's group (start.mjs, wrangler, workerd) is alive. */
function serverAlive() {
  try {
    process.kill(-server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, SIGKILL for whatever is still there after 5 s; then the temp state goes. */
async function stopServer() {
  if (serverAlive()) process.kill(-server.pid, 'SIGTERM');
  for (let i = 0; i < 50 && serverAlive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (serverAlive()) process.kill(-server.pid, 'SIGKILL');
  rmSync(state, { recursive: true, force: true });
}
// Last resort on any exit path (exceptions, Ctrl-C): exit handlers must be synchronous, so no grace period.
process.on('exit', () => serverAlive() && process.kill(-server.pid, 'SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopServer().finally(() => process.exit(130)));

/** Resolves with the site key once start.mjs prints its ready banner. */
function ready() {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${READY_TIMEOUT / 1000} s`)), READY_TIMEOUT);
    const check = () => {
      const key = /Site key:\s+(\S+)/.exec(log);
      if (log.includes('Parley is ready on') && key) {
        clearTimeout(timer);
        resolve(key[1]);
      }
    };
    server.stdout.on('data', check);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before it was ready`));
    });
  });
}

let siteKey;
try {
  siteKey = await ready();
} catch (err) {
  console.error(`e2e: Parley did not start: ${err.message}\n--- server output ---\n${log}`);
  await stopServer();
  process.exit(1);
}

const baseUrl = `http://127.0.0.1:${port}`;
console.log(`e2e: Parley up on ${baseUrl} (state ${state})`);
// `node e2e/run.mjs chat email` runs only the files whose names contain one of the words (all by default).
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'e2e'))
  .filter((f) => f.endsWith('.test.mjs') && (!only.length || only.some((w) => f.includes(w))))
  .sort()
  .map((f) => join('e2e', f));
if (!files.length) {
  console.error('e2e: no e2e/*.test.mjs files found');
  await stopServer();
  process.exit(1);
}
// One test file at a time: they share one server and one demo workspace. A failed test may leave a socket or a
// browser open: --test-force-exit ends its file once its tests are done, and a test that hangs fails after 5 minutes,
// so a failure is reported instead of stalling the run.
const tests = spawn(node, ['--test', '--test-concurrency=1', '--test-force-exit', '--test-timeout=300000', ...files], {
  cwd: root,
  env: { ...env, PARLEY_URL: baseUrl, PARLEY_SITE_KEY: siteKey, CHROMIUM_PATH: chromium },
  stdio: 'inherit',
});
const code = await new Promise((resolve) => tests.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
// The server's log explains most failures (a 500, a crashed Durable Object): show its tail.
if (code !== 0) console.error(`--- server output (last 8000 characters) ---\n${log.slice(-8000)}`);
await stopServer();
process.exit(code);
