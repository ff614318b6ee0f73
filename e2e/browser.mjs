// Shared helpers of the e2e tests: the browser, the two UIs (widget and console) and the REST API.
// Every wait polls a condition with a deadline; nothing sleeps for a fixed time.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import { DEMO } from '../scripts/demo.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

/** The server started by e2e/run.mjs. */
export const BASE = process.env.PARLEY_URL;
export const SITE_KEY = process.env.PARLEY_SITE_KEY;
export { DEMO };
/** How long a UI change may take to show up (a realtime hop is milliseconds; CI machines are slow). */
export const TIMEOUT = 15_000;

if (!process.env.PARLEY_URL) throw new Error('PARLEY_URL is not set: run the e2e tests with `node e2e/run.mjs`');

/** Launches Chromium headless: the one e2e/run.mjs resolved (CHROMIUM_PATH, by default the npm package's). */
export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? (await chromiumPath()), args: CHROMIUM_ARGS });
}

/** A word nobody else in the shared demo inbox has written, so that a test finds its own rows and messages. */
export const unique = (label) => `${label} ${randomUUID().slice(0, 8)}`;

/**
 * Polls `check` until it returns a truthy value (returned) or the deadline passes (throws with `what`
 * and the last value seen, so a failure says what the page looked like).
 */
export async function waitFor(check, what, timeout = TIMEOUT) {
  // `what` may be a string, or a function (sync or async) describing what the page looked like.
  const describe = async () =>
    typeof what === 'function'
      ? await Promise.resolve()
          .then(what)
          .catch((e) => e.message)
      : what;
  const deadline = Date.now() + timeout;
  let last;
  let error;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    try {
      last = await check();
      error = undefined;
      if (last) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${await describe()}` + (error ? `: ${error.message}` : ''),
      );
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** Waits until `locator` matches exactly `n` elements. */
export async function expectCount(locator, n, what = String(locator)) {
  await waitFor(
    async () => (await locator.count()) === n,
    async () => `${n} × ${what} (there are ${await locator.count()})`,
  );
}

/** Waits until `locator`'s attribute `name` equals `value`. */
export async function expectAttr(locator, name, value, what = String(locator)) {
  await waitFor(
    async () => (await locator.getAttribute(name, { timeout: 1000 })) === value,
    async () =>
      `${what} to have ${name}="${value}" (it has ${JSON.stringify(await locator.getAttribute(name, { timeout: 1000 }))})`,
  );
}

/** Waits until a visitor's own message is acknowledged: "sent", or already "read" by an agent who has it open. */
export async function expectDelivered(locator, what = String(locator)) {
  await waitFor(
    async () => ['sent', 'read'].includes(await locator.getAttribute('data-state', { timeout: 1000 })),
    async () =>
      `${what} to be delivered (data-state is ${JSON.stringify(await locator.getAttribute('data-state', { timeout: 1000 }))})`,
  );
}

/** Waits until `locator`'s text (trimmed) equals `text`. */
export async function expectText(locator, text, what = String(locator)) {
  let seen;
  await waitFor(
    async () => (seen = (await locator.textContent({ timeout: 1000 }))?.trim()) === text,
    `${what} to read ${JSON.stringify(text)}`,
  ).catch((e) => assert.fail(`${e.message} (it reads ${JSON.stringify(seen)})`));
}

// ---------------------------------------------------------------- the widget

/**
 * The widget on the demo page, seen from a fresh browser context (a new visitor).
 * Playwright's CSS engine pierces the open shadow root of #parley-widget.
 */
export async function openVisitor(browser) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  await gotoDemo(page);
  const w = widget(page);
  await w.launcher.waitFor({ state: 'visible', timeout: TIMEOUT });
  return { context, page, w };
}

/** Opens this run's demo page, served as `npm start` wrote it (the widget's script tag with this run's site key). */
export async function gotoDemo(page) {
  await page.goto(`${BASE}/demo/`);
  const key = await page.locator('script[data-site]').getAttribute('data-site');
  assert.equal(key, SITE_KEY, "the demo page embeds this run's site");
}

/** Locators of the widget's parts (selectors agreed with the widget's authors). */
export function widget(page) {
  const root = page.locator('#parley-widget');
  const p = (name) => root.locator(`[data-parley="${name}"]`);
  return {
    page,
    launcher: p('launcher'),
    badge: p('badge'),
    panel: p('panel'),
    status: p('status'),
    input: p('input'),
    send: p('send'),
    close: p('close'),
    messages: p('message'),
    /** Messages of one sender whose body contains `text`. */
    message: (sender, text) =>
      root
        .locator(`[data-parley="message"][data-sender="${sender}"]`)
        .filter({ has: page.locator('[data-parley="body"]', { hasText: text }) }),
    async open() {
      if (!(await this.panel.isVisible())) await this.launcher.click();
      await this.panel.waitFor({ state: 'visible', timeout: TIMEOUT });
    },
    /** Types and sends with Enter, as a visitor does. */
    async write(text) {
      await this.input.fill(text);
      await this.input.press('Enter');
      await waitFor(async () => (await this.input.inputValue()) === '', 'the widget input to clear after Enter');
    },
    async waitOnline() {
      await expectAttr(this.status, 'data-state', 'online', 'the widget status');
    },
  };
}

// ---------------------------------------------------------------- the console

/** Signs an agent (the demo agent by default) in through the console's login form and waits for the live inbox. */
export async function loginAgent(page, { email, password } = DEMO) {
  await page.goto(`${BASE}/login`);
  await page.locator('[data-testid="email"]').fill(email);
  await page.locator('[data-testid="password"]').fill(password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.locator('[data-testid="tab-active"]').waitFor({ state: 'visible', timeout: TIMEOUT });
  await waitForLive(page);
}

/** Waits until every live connection the console shows (inbox, open conversation) is up, so no event is missed. */
export async function waitForLive(page) {
  // site-connection: the inbox's site socket; connection: the open conversation's socket.
  const badges = page.locator('[data-testid="site-connection"], [data-testid="connection"]');
  await waitFor(async () => {
    const states = await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    return states.length > 0 && states.every((s) => s === 'online');
  }, 'the console\'s [data-testid="site-connection"] / [data-testid="connection"] to show data-state="online"');
}

/** A console in its own context, logged in as the demo agent (or as `credentials` {email, password}). */
export async function openAgent(browser, credentials = DEMO) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  await loginAgent(page, credentials);
  // A marker that a reload would wipe: proves that what the agent sees arrived live.
  await page.evaluate(() => (window.__e2eNoReload = true));
  return { context, page, c: consoleUi(page) };
}

/** Locators of the console's parts (selectors agreed with the console's authors). */
export function consoleUi(page) {
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  return {
    page,
    tabActive: t('tab-active'),
    tabArchived: t('tab-archived'),
    rows: t('conversation-row'),
    /** The inbox row whose preview (the last message) contains `text`. */
    rowWith: (text) =>
      t('conversation-row').filter({ has: page.locator('[data-testid="preview"]', { hasText: text }) }),
    row: (id) => page.locator(`[data-testid="conversation-row"][data-id="${id}"]`),
    messages: t('message'),
    message: (sender, text) =>
      page
        .locator(`[data-testid="message"][data-sender="${sender}"]`)
        .filter({ has: page.locator('[data-testid="body"]', { hasText: text }) }),
    composer: t('composer'),
    archive: t('archive'),
    restore: t('restore'),
    /** Opens a conversation from its inbox row; returns its id once the view is live. */
    async open(row) {
      const id = await row.getAttribute('data-id', { timeout: TIMEOUT });
      await row.click();
      await page.waitForURL((url) => url.pathname === `/conversations/${id}`, { timeout: TIMEOUT });
      await this.composer.waitFor({ state: 'visible', timeout: TIMEOUT });
      await waitForLive(page);
      return id;
    },
    async reply(text) {
      await this.composer.fill(text);
      await this.composer.press('Enter');
      await waitFor(async () => (await this.composer.inputValue()) === '', 'the console composer to clear after Enter');
    },
    async notReloaded() {
      assert.equal(await page.evaluate(() => window.__e2eNoReload), true, 'the console page was reloaded');
    },
  };
}

// ---------------------------------------------------------------- the REST API

/** A JSON call; widget routes need an allowed Origin, as a browser on the demo page sends. */
export async function api(path, { method = 'GET', body, token, origin } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(origin ? { Origin: origin } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The demo agent's token and site, for checks that look behind the UI. */
export async function agentApi() {
  const login = await api('/api/auth/login', { method: 'POST', body: { email: DEMO.email, password: DEMO.password } });
  assert.equal(login.status, 200, `login: ${JSON.stringify(login.body)}`);
  const { token } = login.body;
  const sites = await api('/api/sites', { token });
  const site = sites.body.sites.find((s) => s.key === SITE_KEY) ?? sites.body.sites[0];
  return {
    token,
    site,
    /** Every message of a conversation as the agent sees it (notes included), oldest first. */
    async messages(id) {
      const r = await api(`/api/conversations/${id}/messages?limit=100`, { token });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.messages;
    },
    async conversation(id) {
      return (await api(`/api/conversations/${id}`, { token })).body.conversation;
    },
  };
}

/** A visitor session made the way the widget makes it (Origin of the demo page). */
export function visitorSession(token) {
  return api('/api/widget/session', {
    method: 'POST',
    body: { siteKey: SITE_KEY, ...(token ? { token } : {}) },
    origin: BASE,
  });
}

// ---------------------------------------------------------------- host pages and site settings

/**
 * A host page of our own (own snippet, site key, CSS) in a fresh context, served from BASE's origin so that
 * `src="/widget.js"` resolves and the origin is one the sites allow. How: navigate to a same-origin URL that
 * loads no widget (an unknown /api/ path: a small JSON 404), then `page.setContent(html)`, which keeps the
 * origin. Not the demo page: document.open keeps the Window, so its `window.Parley` (already `loaded`) would
 * stop our loader. Not page.route on the document: Chromium then refuses loopback WebSockets.
 * `head` goes into <head>, `script` runs right after the snippet and before the widget's script tag (queued
 * calls), `body` is the page's own content.
 */
export async function openHost(
  browser,
  {
    siteKey = SITE_KEY,
    head = '',
    script = '',
    body = '<h1>Host page</h1><p>Some text.</p>',
    lang = 'en',
    context,
  } = {},
) {
  // `context`: the same visitor (their localStorage) on another page view; by default a new visitor.
  if (!context) {
    context = await browser.newContext();
    context.setDefaultTimeout(TIMEOUT);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/api/e2e-host-page`);
  await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>${head}</head><body>${body}
<script>window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };
${script}</script>
<script src="/widget.js" data-site="${siteKey}" async></script></body></html>`);
  assert.equal(new URL(page.url()).origin, BASE, "the host page keeps the server's origin");
  return { context, page, w: widget(page), errors };
}

/** Changes a site's widget settings (merged into the stored ones) as its owner; returns the site's settings. */
export async function patchSettings(token, siteId, settings) {
  const r = await api(`/api/sites/${siteId}`, { method: 'PATCH', token, body: { settings } });
  assert.equal(r.status, 200, `PATCH settings ${JSON.stringify(settings)}: ${JSON.stringify(r.body)}`);
  return r.body.site.settings;
}

/** The public widget config of a site, as the loader fetches it (no browser cache in Node). */
export async function widgetConfig(siteKey = SITE_KEY) {
  const r = await api(`/api/widget/config/${siteKey}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

/** Waits until the site's availability is `agentsOnline` (a console went online or away), as the widget will read it. */
export async function expectAgentsOnline(siteKey, online = true) {
  let last;
  await waitFor(
    async () => (last = (await widgetConfig(siteKey)).availability).agentsOnline === online,
    () => `agentsOnline to be ${online} for ${siteKey} (availability ${JSON.stringify(last)})`,
  );
}
