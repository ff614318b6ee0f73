// `npm start`: migrations, builds, the real Workers runtime (wrangler dev: workerd,
// local D1, Durable Objects, R2, alarms), a demo workspace, and the URLs to open.
// Environment: PORT (default 8787), PARLEY_STATE (where local data persists,
// default .wrangler/state), PARLEY_DIST (where the built widget, console and demo
// page go and are served from, default dist/), PARLEY_SKIP_BUILD=1 to reuse them,
// PARLEY_COUNTERS=1 to expose /api/dev/counters (the bench, docs/performance.md), SIGNUP (default open
// here; a deployment's default is invite-only, wrangler.toml).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDemo, DEMO } from './demo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8787);
const state = process.env.PARLEY_STATE ?? join(root, '.wrangler/state');
// Its own dist lets a test run build and serve without touching a developer's running server.
const dist = process.env.PARLEY_DIST ?? join(root, 'dist');
const base = `http://127.0.0.1:${port}`;
const bin = (name) => join(root, 'node_modules/.bin', name);
// The project's pinned Node (node_modules/.bin/node) first on PATH, also when started as `node scripts/start.mjs`.
const PATH = `${join(root, 'node_modules/.bin')}:${process.env.PATH}`;
const quietEnv = {
  ...process.env,
  PATH,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
};

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: quietEnv });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

// A local signing secret, generated once; production uses `wrangler secret put AUTH_SECRET`.
const devVars = join(root, '.dev.vars');
if (!existsSync(devVars) || !readFileSync(devVars, 'utf8').includes('AUTH_SECRET=')) {
  writeFileSync(devVars, `AUTH_SECRET=${randomBytes(32).toString('hex')}\n`, { flag: 'a' });
}

mkdirSync(state, { recursive: true });
run(bin('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
if (process.env.PARLEY_SKIP_BUILD !== '1') {
  run(bin('vite'), ['build', '--config', 'console/vite.config.ts', '--outDir', dist, '--logLevel', 'warn']);
  run(bin('vite'), ['build', '--config', 'widget/vite.config.ts', '--outDir', dist, '--logLevel', 'warn']);
}
mkdirSync(join(dist, 'demo'), { recursive: true });

const counters = process.env.PARLEY_COUNTERS === '1' ? ['--var', 'PARLEY_COUNTERS:1'] : [];
// Turnstile from the environment (the e2e run's test keys and local siteverify stand-in, docs/widget.md); a real
// secret belongs in .dev.vars instead, which wrangler reads, rather than on a command line.
const turnstile = ['TURNSTILE_SITE_KEY', 'TURNSTILE_SECRET_KEY', 'TURNSTILE_VERIFY_URL'].flatMap((k) =>
  process.env[k] ? ['--var', `${k}:${process.env[k]}`] : [],
);
// Local development keeps sign-up open (the demo workspace registers itself); try SIGNUP=invite-only npm start.
const signup = ['--var', `SIGNUP:${process.env.SIGNUP ?? 'open'}`];
// Parley's info lines (one per request and per message) cost wrangler dev's relay more CPU than the message path
// (docs/performance.md "Logs"); warnings and errors still show. LOG_LEVEL=info npm start shows every line.
const logLevel = ['--var', `LOG_LEVEL:${process.env.LOG_LEVEL ?? 'warn'}`];
const server = spawn(
  bin('wrangler'),
  [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    state,
    '--assets',
    dist,
    '--var',
    `PUBLIC_URL:${base}`,
    ...signup,
    ...logLevel,
    // Webhooks may point at a receiver on this machine (http://127.0.0.1:…), never on a deployment.
    '--var',
    'WEBHOOK_ALLOW_LOCAL:1',
    ...counters,
    ...turnstile,
    ...(process.env.PARLEY_INSPECTOR_PORT ? ['--inspector-port', process.env.PARLEY_INSPECTOR_PORT] : []),
    '--show-interactive-dev-session=false',
    '--log-level',
    process.env.PARLEY_LOG ?? 'warn',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: quietEnv,
  },
);
const stop = () => {
  server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));

async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('wrangler dev did not come up');
}

try {
  await waitForHealth();
  const { site } = await ensureDemo(base);
  writeFileSync(join(dist, 'demo/index.html'), demoPage(site.key));
  // A file, not an inline <style>: the demo page is served with the console's strict CSP (dist/_headers).
  writeFileSync(
    join(dist, 'demo/demo.css'),
    'body{font-family:Georgia,serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}\n',
  );
  console.log(
    [
      '',
      `Parley is ready on ${base}`,
      `  Console:   ${base}/`,
      `  Login:     ${DEMO.email} / ${DEMO.password}`,
      `  Demo page: ${base}/demo/`,
      `  Site key:  ${site.key}`,
      '',
    ].join('\n'),
  );
} catch (err) {
  console.error(err);
  stop();
}

/** A host page that embeds the widget exactly as a customer's site would. */
function demoPage(key) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Parley demo shop</title>
<link rel="stylesheet" href="/demo/demo.css"></head>
<body>
<h1>Acme Garden Supplies</h1>
<p>This page stands in for a customer's website. The chat button in the corner is the Parley widget,
embedded with one script tag. Open the console in another window and answer.</p>
<script src="/widget.js" data-site="${key}" async></script>
</body>
</html>
`;
}
