// The console as `npm run deploy -- --console-pages` ships it to Cloudflare Pages: built alone with VITE_API_URL,
// served from another origin with its own Content-Security-Policy (_headers). An agent signs in there, the inbox goes
// live over the Worker's WebSocket, and a visitor's message arrives, without one CSP violation.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { buildPagesConsole } from '../scripts/deploy/build.mjs';
import { BASE, TIMEOUT, consoleUi, expectCount, launch, waitForLive } from './browser.mjs';
import { apiVisitor, freshWorkspace } from './clients.mjs';
import { watchCsp } from './hosts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
let browser;
let out;
let pages;

/** Serves `dir` as Pages does: its files, index.html for other paths (a single-page app), the headers of `_headers`' /* block. */
async function pagesServer(dir) {
  const headers = Object.fromEntries(
    readFileSync(join(dir, '_headers'), 'utf8')
      .split('\n')
      .filter((l) => /^\s+\S+:/.test(l))
      .map((l) => {
        const [k, ...v] = l.trim().split(':');
        return [k, v.join(':').trim()];
      }),
  );
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file =
      path !== '/' && existsSync(join(dir, path)) && !path.endsWith('/') ? join(dir, path) : join(dir, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

before(async () => {
  assert.ok(process.env.PARLEY_DIST, 'PARLEY_DIST (the e2e build, whose _headers the Pages build starts from)');
  out = mkdtempSync(join(tmpdir(), 'parley-pages-'));
  buildPagesConsole(root, out, BASE, process.env.PARLEY_DIST);
  pages = await pagesServer(out);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await pages?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

test('the Pages build of the console works from its own origin against the Worker', async () => {
  const ws = await freshWorkspace('Pages');
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const violations = await watchCsp(context);
  const page = await context.newPage();
  const apiCalls = [];
  page.on('request', (r) => r.url().includes('/api/') && apiCalls.push(new URL(r.url()).origin));
  await page.goto(`${pages.origin}/login`);
  await page.locator('[data-testid="email"]').fill(ws.email);
  await page.locator('[data-testid="password"]').fill(ws.password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.locator('[data-testid="tab-active"]').waitFor({ state: 'visible' });
  await waitForLive(page);
  assert.equal(new URL(page.url()).origin, pages.origin, 'the console stays on its own origin');

  const visitor = await apiVisitor(ws.site.key);
  await visitor.send('Hello from a visitor');
  const c = consoleUi(page);
  await expectCount(c.rowWith('Hello from a visitor'), 1, "the visitor's conversation, live in the Pages console");
  visitor.close();

  assert.ok(
    apiCalls.length > 0 && apiCalls.every((o) => o === BASE),
    `API calls go to the Worker: ${[...new Set(apiCalls)]}`,
  );
  assert.deepEqual(violations, [], 'CSP violations');
  await context.close();
});
