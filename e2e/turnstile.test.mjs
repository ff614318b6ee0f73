// Turnstile on a site that requires it. Stand-ins, because this machine cannot reach Cloudflare: the page's request
// for Cloudflare's script is answered by a fake of its documented explicit-render API (turnstile.render(el,
// {sitekey, callback, ...})), and the worker checks tokens with a local siteverify stand-in (scripts/siteverify-
// standin.mjs, started by e2e/run.mjs with Cloudflare's always-pass test secret, which accepts only the dummy token).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TURNSTILE_TEST } from '../scripts/siteverify-standin.mjs';
import {
  expectAttr,
  expectDelivered,
  expectCount,
  expectText,
  launch,
  openAgent,
  openHost,
  patchSettings,
  TIMEOUT,
  unique,
  widgetConfig,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';

/** A fake of Cloudflare's explicit-render API that passes every challenge with `token` (invisibly, like …BB keys). */
const fakeApi = (token) => `window.turnstile = {
  render(el, o) {
    if (!(el instanceof HTMLElement) && typeof el !== 'string') throw new Error('turnstile.render: no container');
    if (!o || !o.sitekey) throw new Error('turnstile.render: sitekey is required');
    window.__turnstileRendered = o;
    setTimeout(() => o.callback && o.callback(${JSON.stringify(token)}), 50);
    return 'cf-chl-widget-fake';
  },
  reset() {}, remove() {}, getResponse() { return ${JSON.stringify(token)}; }, isExpired() { return false; }, execute() {},
};`;

/** A new visitor's browser context whose requests for Cloudflare's script get the fake; `loads` counts them. */
async function visitorContext(token) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const loads = [];
  await context.route('https://challenges.cloudflare.com/**', (route) => {
    loads.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeApi(token) });
  });
  return { context, loads };
}

/** A workspace whose site requires Turnstile, its owner online. */
async function turnstileSite(label) {
  const ws = await freshWorkspace(label);
  await patchSettings(ws.token, ws.site.id, { turnstile: 'on' });
  assert.equal(
    (await widgetConfig(ws.site.key)).turnstileSiteKey,
    TURNSTILE_TEST.siteKey,
    'the config serves the site key',
  );
  return ws;
}

test('a new visitor passes Turnstile invisibly and chats; coming back, they are not challenged again', async () => {
  const ws = await turnstileSite('Turnstile');
  const { page: agentPage } = await openAgent(browser, ws);
  const { context, loads } = await visitorContext(TURNSTILE_TEST.dummyToken);
  const { page, w } = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');", context });
  await w.input.waitFor({ state: 'visible' });
  const text = unique('Human hello');
  await w.write(text);
  await expectDelivered(w.message('visitor', text), 'the message of a visitor who passed Turnstile');
  assert.deepEqual(loads, [SCRIPT], "Cloudflare's script loaded once, explicit render");
  const options = await page.evaluate(() => ({
    ...window.__turnstileRendered,
    callback: undefined,
    'error-callback': undefined,
    'timeout-callback': undefined,
  }));
  assert.equal(options.sitekey, TURNSTILE_TEST.siteKey);
  assert.equal(options.appearance, 'interaction-only', 'invisible unless Cloudflare needs the visitor');

  // The same visitor on another page: their visitor token is enough, Cloudflare's script is not even loaded.
  const again = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');", context });
  await expectCount(again.w.message('visitor', text), 1, 'the conversation on the next page');
  await again.w.input.waitFor({ state: 'visible' });
  assert.equal(loads.length, 1, 'a returning visitor is not challenged');
  await context.close();
  await agentPage.context().close();
});

test('a token siteverify rejects shows the failure, and no composer', async () => {
  const ws = await turnstileSite('Turnstile fail');
  // Not the dummy token: the always-pass test secret accepts nothing else, as a forged token would be refused.
  const { context } = await visitorContext('XXXX.FORGED.TOKEN.XXXX');
  const { w } = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');", context });
  await w.panel.waitFor({ state: 'visible' });
  const notice = w.page.locator('#parley-widget [data-parley="notice"]');
  await expectAttr(notice, 'data-code', 'turnstile_failed', 'the Turnstile notice');
  await expectText(
    notice,
    'We could not check that you are not a robot. Please reload the page to chat.',
    'the failure text',
  );
  assert.equal(await w.input.count(), 0, 'no composer for a visitor who failed Turnstile');
  await context.close();
});

test("a site without Turnstile never loads Cloudflare's script", async () => {
  const ws = await freshWorkspace('No turnstile');
  const { context, loads } = await visitorContext(TURNSTILE_TEST.dummyToken);
  const { w } = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');", context });
  // Online: the session is done (nobody of this workspace is online, so the panel shows the offline form).
  await w.waitOnline();
  assert.deepEqual(loads, []);
  await context.close();
});
