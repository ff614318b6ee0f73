// The console's own status in the top bar is the site socket's truth (issue 9, item 13): while that socket is
// down the bar says Connecting…/Offline (never Online) and hides the stale presence; back up, it says Online.
// The socket is cut with Playwright's WebSocket routing (the server is reached through it while allowed).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TIMEOUT, expectAttr, expectCount, launch, loginAgent, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('the top bar never says Online while the site socket is down', async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  let allow = true;
  const open = [];
  await context.routeWebSocket(/\/api\/sites\/[^/]+\/ws/, (ws) => {
    if (!allow) return ws.close({ code: 1011, reason: 'cut by the test' });
    ws.connectToServer();
    open.push(ws);
  });
  const page = await context.newPage();
  await loginAgent(page);
  const state = page.locator('[data-testid="my-status-state"]');
  const select = page.locator('[data-testid="my-status"]');
  const shown = () => select.evaluate((s) => s.selectedOptions[0]?.textContent ?? '');
  await expectAttr(state, 'data-state', 'online', 'the own status while connected');
  assert.equal(await shown(), 'Online');
  await expectCount(page.locator('[data-testid="presence"]'), 1, 'the presence while connected');

  // Cut: the site socket closes and every reconnect is refused.
  allow = false;
  open.splice(0).forEach((ws) => {
    ws.close({ code: 1011, reason: 'cut by the test' });
  });
  let seen;
  await waitFor(
    async () => ['connecting', 'offline'].includes((seen = await state.getAttribute('data-state'))),
    () => `the own status to leave "online" (it is ${seen})`,
  );
  assert.match(await shown(), /^(Connecting…|Offline, reconnecting)$/, 'the status select shows the real state');
  await expectCount(page.locator('[data-testid="presence"]'), 0, 'the stale presence while disconnected');
  assert.notEqual(
    await page.locator('[data-testid="site-connection"]').getAttribute('data-state'),
    'online',
    'the inbox badge agrees',
  );

  // Back: the next retry connects and the chosen status shows again.
  allow = true;
  await expectAttr(state, 'data-state', 'online', 'the own status after reconnecting');
  assert.equal(await shown(), 'Online');
  await context.close();
});
