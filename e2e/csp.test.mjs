// A strict Content-Security-Policy (no 'unsafe-inline' anywhere): on a customer's page that allows Parley's origin
// for scripts and connections only, the widget loads styled, in its corner, and chats without one violation; and
// Parley's own pages (the console, the demo page) send a strict policy of their own and respect it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE,
  TIMEOUT,
  api,
  expectCount,
  expectDelivered,
  expectText,
  launch,
  openAgent,
  unique,
  widget,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';
import { hostServer, watchCsp } from './hosts.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const NONCE = 'e2e-nonce-1234';
/** The policy docs/widget.md gives a host site, with this run's Parley origin. */
const hostPolicy = () =>
  `default-src 'none'; script-src ${BASE} 'nonce-${NONCE}'; connect-src ${BASE} ${BASE.replace(/^http/, 'ws')}; img-src blob:; ` +
  "style-src 'none'; base-uri 'none'; form-action 'none'";

test('the widget works on a host page with a strict CSP, without a single violation', async () => {
  const ws = await freshWorkspace('CSP');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict shop</title></head>
<body><h1>A shop with a strict policy</h1>
<script nonce="${NONCE}">window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };</script>
<script src="${BASE}/widget.js" data-site="${ws.site.key}" async></script></body></html>`;
  const host = await hostServer(html, { 'Content-Security-Policy': hostPolicy() });
  const allowed = await api(`/api/sites/${ws.site.id}`, {
    method: 'PATCH',
    token: ws.token,
    body: { allowedOrigins: [host.origin] },
  });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));

  const agent = await openAgent(browser, ws);
  const consoleViolations = await watchCsp(agent.context);
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  context.setDefaultTimeout(TIMEOUT);
  const violations = await watchCsp(context);
  const page = await context.newPage();
  await page.goto(host.origin + '/');
  const w = widget(page);
  await w.launcher.waitFor({ state: 'visible' });

  // Styled and in its corner: fixed, bottom right, the accent colour (not unstyled in the page's flow, top left).
  const launcher = await w.launcher.evaluate((el) => {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      position: cs.position,
      background: cs.backgroundColor,
      right: innerWidth - r.right,
      bottom: innerHeight - r.bottom,
      height: r.height,
    };
  });
  assert.deepEqual(
    launcher,
    { position: 'fixed', background: 'rgb(79, 70, 229)', right: 20, bottom: 20, height: 56 },
    'the launcher',
  );

  await w.open();
  const panel = await w.panel.evaluate((el) => ({
    position: getComputedStyle(el).position,
    width: el.getBoundingClientRect().width,
  }));
  assert.deepEqual(panel, { position: 'fixed', width: 380 }, 'the panel');
  const question = unique('Can I pay by invoice?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), 'the visitor message');
  const row = agent.c.rowWith(question);
  await expectCount(row, 1, 'the inbox row');
  await agent.c.open(row);
  const answer = unique('Yes, you can');
  await agent.c.reply(answer);
  await expectCount(w.message('agent', answer), 1, 'the reply in the widget');

  // The help center's on-demand chunk loads from Parley's origin and its styles are adopted, still without a violation.
  const made = await api('/api/articles', {
    method: 'POST',
    token: ws.token,
    body: { title: 'Paying by invoice', content: 'Invoices are **due** in 30 days.' },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  await page.locator('#parley-widget [data-parley="help-search"]').fill('invoice');
  const result = page.locator('#parley-widget [data-parley="help-result"]');
  await expectCount(result, 1, 'the help result');
  await result.click();
  const article = page.locator('#parley-widget [data-parley="help-article"]');
  await expectText(article.locator('strong'), 'due', 'the article in the panel');
  assert.equal(await article.evaluate((el) => getComputedStyle(el).overflowY), 'auto', "the chunk's styles apply");

  assert.deepEqual(violations, [], 'CSP violations on the host page');
  assert.deepEqual(consoleViolations, [], 'CSP violations in the console');
  await Promise.all([agent.context.close(), context.close(), host.close()]);
});

test("Parley's own pages send a strict CSP and keep to it", async () => {
  for (const path of ['/', '/login', '/conversations/x', '/demo/']) {
    const res = await fetch(BASE + path);
    const csp = res.headers.get('content-security-policy');
    await res.arrayBuffer();
    assert.ok(csp, `${path} has a Content-Security-Policy`);
    assert.match(csp, /script-src 'self'/, `${path}: scripts only from Parley`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${path}: nothing inline`);
  }
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const violations = await watchCsp(context);
  const page = await context.newPage();
  // The demo page and its widget under that policy.
  await page.goto(`${BASE}/demo/`);
  const w = widget(page);
  await w.open();
  await w.waitOnline();
  await expectText(page.locator('h1'), 'Acme Garden Supplies');
  assert.equal(
    await page.locator('h1').evaluate((el) => getComputedStyle(el.ownerDocument.body).fontFamily),
    'Georgia, serif',
    'the demo page is styled',
  );
  assert.deepEqual(violations, [], 'CSP violations on the demo page');
  await context.close();
});
