// Issue 15: an owner adds a webhook on Settings → Webhooks, copies the secret shown once, a visitor writes, and
// the local receiver gets the signed delivery (checked with the documented function); the log shows it delivered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startWebhookReceiver } from '../scripts/webhook-receiver.mjs';
import { expectCount, launch, openAgent, TIMEOUT, waitFor } from './browser.mjs';
import { apiVisitor, freshWorkspace } from './clients.mjs';

let browser;
let receiver;
before(async () => {
  browser = await launch();
  receiver = await startWebhookReceiver();
});
after(async () => {
  await browser?.close();
  await receiver?.close();
});

test('a webhook added in the console receives signed events; its log shows them delivered', async () => {
  const ws = await freshWorkspace('Webhooks');
  const owner = await openAgent(browser, ws);
  const t = (id) => owner.page.locator(`[data-testid="${id}"]`);
  await t('nav-webhooks').click();
  await expectCount(t('webhooks-page'), 1, 'the Webhooks page');
  const url = `${receiver.url}/e2e-${ws.site.id}`;
  await t('webhook-url').fill(url);
  await t('webhook-add-submit').click();
  const secret = (await t('webhook-secret').locator('.mono').textContent({ timeout: TIMEOUT })).trim();
  assert.match(secret, /^whsec_/);
  await fetch(`${receiver.url}/_config/e2e-${ws.site.id}`, { method: 'POST', body: JSON.stringify({ secret }) });
  await expectCount(t('webhook-item'), 1, 'the new webhook in the list');

  const visitor = await apiVisitor(ws.site.key);
  await visitor.send('Hello from the e2e visitor');
  const got = await waitFor(async () => {
    const rs = await (await fetch(`${receiver.url}/_requests/e2e-${ws.site.id}`)).json();
    return rs.find((r) => r.body.data.message?.body === 'Hello from the e2e visitor') && rs;
  }, 'the message.created delivery');
  assert.ok(
    got.every((r) => r.valid),
    'every delivery verified with the documented function',
  );
  visitor.close();

  await t('webhook-log-toggle').click();
  await waitFor(
    async () => (await owner.page.locator('[data-testid="webhook-delivery"][data-status="delivered"]').count()) >= 1,
    'a delivered entry in the log',
  );
  await owner.context.close();
});
