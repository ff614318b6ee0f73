// The builds a deployment ships: the Worker's static assets (console and widget, never the local demo page) and,
// for Cloudflare Pages, the console alone pointed at the Worker's API origin.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function vite(root, args, env = {}) {
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', ...args, '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, ...env },
  });
  if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (${r.status})`);
}

/** Every file under `dir`, relative. */
export const filesUnder = (dir, prefix = '') =>
  readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
  });

/**
 * Throws unless `dir` is fit to ship: no demo page (`npm start` writes dist/demo with a local site key) and no page
 * embedding the widget with a site key.
 */
export function assertShippable(dir) {
  const files = filesUnder(dir);
  const demo = files.filter((f) => f.startsWith('demo/'));
  if (demo.length) throw new Error(`${dir} holds the local demo page (${demo.join(', ')}): it must not be deployed`);
  const keyed = files.filter((f) => f.endsWith('.html') && readFileSync(join(dir, f), 'utf8').includes('data-site='));
  if (keyed.length) throw new Error(`${keyed.join(', ')} embed a site key: local pages must not be deployed`);
  return files;
}

/** Builds the Worker's assets (console, then widget) into `dist`, emptied first, and checks them. Returns the files. */
export function buildWorkerAssets(root, dist) {
  vite(root, ['--config', 'console/vite.config.ts', '--outDir', dist, '--emptyOutDir']);
  vite(root, ['--config', 'widget/vite.config.ts', '--outDir', dist]);
  if (!existsSync(join(dist, '_headers')) || !existsSync(join(dist, 'widget.js')))
    throw new Error(`the build left no widget or _headers in ${dist}`);
  return assertShippable(dist);
}

/** The console pages' Content-Security-Policy with the API origin (and its WebSockets) allowed for connections. */
export function pagesCsp(workerHeaders, apiOrigin) {
  const csp = workerHeaders.match(/Content-Security-Policy: (.*)/)?.[1];
  if (!csp?.includes("connect-src 'self'"))
    throw new Error("no Content-Security-Policy with connect-src in the build's _headers");
  return csp.replace("connect-src 'self'", `connect-src 'self' ${apiOrigin} ${apiOrigin.replace(/^http/, 'ws')}`);
}

/** Builds the console for Pages into `out`, its API at `apiOrigin` (VITE_API_URL), with its own _headers. */
export function buildPagesConsole(root, out, apiOrigin, workerDist) {
  vite(root, ['--config', 'console/vite.config.ts', '--outDir', out, '--emptyOutDir'], { VITE_API_URL: apiOrigin });
  const csp = pagesCsp(readFileSync(join(workerDist, '_headers'), 'utf8'), apiOrigin);
  writeFileSync(join(out, '_headers'), `/*\n  Content-Security-Policy: ${csp}\n  X-Content-Type-Options: nosniff\n`);
  return assertShippable(out);
}
