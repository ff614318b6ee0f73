// A page on an origin the site does not allow: the widget makes one refused request, tells the page's developer in
// the browser console where to allow the origin, hides, and never retries. And `npm start` on another port allows
// the origin it serves (the demo page would otherwise be refused the same way).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureDemo } from '../scripts/demo.mjs';
import { BASE, SITE_KEY, TIMEOUT, api, launch, waitFor, widget } from './browser.mjs';
import { hostServer } from './hosts.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const page = (key) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title></head>
<body><h1>Another origin</h1><script src="${BASE}/widget.js" data-site="${key}" async></script></body></html>`;

/** A fresh visitor on `origin` with the page's timers under Playwright's clock; records the session requests and sockets. */
async function visit(origin) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  await context.clock.install();
  const p = await context.newPage();
  const sessions = [];
  let sockets = 0;
  p.on('request', (r) => r.url().endsWith('/api/widget/session') && sessions.push(r.url()));
  p.on('websocket', () => sockets++);
  const message = p.waitForEvent('console', {
    predicate: (m) => m.type() === 'error' && m.text().startsWith('[parley]'),
    timeout: TIMEOUT,
  });
  message.catch(() => undefined); // awaited only by the tests that expect it
  await p.goto(origin + '/');
  const w = widget(p);
  // A queued 'open' loads the app at once (instead of when the browser is idle), as the JS API does for a page.
  await p.evaluate(() => window.Parley('open'));
  return { context, p, w, sessions, sockets: () => sockets, message };
}

test('an origin the site does not allow: one refused request, a clear console message, no widget, no retries', async () => {
  const host = await hostServer(page(SITE_KEY));
  const { context, p, sessions, sockets, message } = await visit(host.origin);
  const text = (await message).text();
  assert.ok(text.includes(host.origin), `the message names the page's origin: ${text}`);
  assert.ok(
    text.includes("allowed origins in the console's Settings page"),
    `the message says where to allow it: ${text}`,
  );
  await waitFor(
    () => p.locator('#parley-widget').evaluate((el) => getComputedStyle(el).display === 'none'),
    'the widget to hide',
  );
  // Ten minutes of the page's timers (every backoff would have fired by then), then a round trip to the page.
  await p.clock.runFor(10 * 60_000);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  assert.equal(sessions.length, 1, 'session requests');
  assert.equal(sockets(), 0, 'sockets');
  await Promise.all([context.close(), host.close()]);
});

test('an unknown site key: the console message names the key, no widget, no retries', async () => {
  const host = await hostServer(page('no-such-site'));
  const { context, p, sessions, message } = await visit(host.origin);
  assert.ok((await message).text().includes('"no-such-site"'), 'the message names the key');
  await waitFor(
    () => p.locator('#parley-widget').evaluate((el) => getComputedStyle(el).display === 'none'),
    'the widget to hide',
  );
  await p.clock.runFor(10 * 60_000);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  assert.equal(sessions.length, 1, 'session requests');
  await Promise.all([context.close(), host.close()]);
});

test('npm start on another port allows the origin it now serves', async () => {
  // The demo-ensure step of scripts/start.mjs, as if serving on the host's port: the demo site gains its origins.
  const host = await hostServer(page(SITE_KEY));
  const { site, token } = await ensureDemo(BASE, host.origin);
  const localhost = host.origin.replace('127.0.0.1', 'localhost');
  assert.ok(
    site.allowedOrigins.includes(host.origin) && site.allowedOrigins.includes(localhost),
    JSON.stringify(site.allowedOrigins),
  );
  assert.ok(site.allowedOrigins.includes(BASE), 'the first port stays allowed');
  // Twice changes nothing.
  const again = await ensureDemo(BASE, host.origin);
  assert.deepEqual(again.site.allowedOrigins, site.allowedOrigins);
  const { context, p, w } = await visit(host.origin);
  await w.waitOnline();
  assert.equal(await p.locator('#parley-widget').evaluate((el) => getComputedStyle(el).display), 'inline');
  const stored = (await api('/api/sites', { token })).body.sites.find((s) => s.id === site.id);
  assert.ok(stored.allowedOrigins.includes(host.origin));
  await Promise.all([context.close(), host.close()]);
});
