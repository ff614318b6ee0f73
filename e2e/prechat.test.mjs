// Pre-chat form set to required: no composer until the visitor gave a name and a valid email; a bad email is
// flagged on its field; what they gave is what the agent's sidebar shows.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  expectAgentsOnline,
  expectAttr,
  expectCount,
  expectDelivered,
  expectText,
  launch,
  openAgent,
  openHost,
  patchSettings,
  unique,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('required pre-chat blocks the composer until a name and a valid email are given', async () => {
  const ws = await freshWorkspace('Prechat');
  await patchSettings(ws.token, ws.site.id, { preChat: 'required' });
  const agent = await openAgent(browser, ws);
  await expectAgentsOnline(ws.site.key);

  const { context, page, w } = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');" });
  const part = (name) => page.locator(`#parley-widget [data-parley="${name}"]`);
  const noComposer = async (when) => {
    assert.equal(await w.input.count(), 0, `the composer is shown ${when}`);
    assert.equal(await part('attach').count(), 0, `the attach button is shown ${when}`);
  };
  await w.panel.waitFor({ state: 'visible' });
  await part('prechat').waitFor({ state: 'visible' });
  await noComposer('before the pre-chat form was filled');

  // Empty: both fields are flagged, focus goes to the first one, nothing starts.
  await part('prechat-submit').click();
  await expectAttr(part('prechat-name'), 'aria-invalid', 'true', 'the empty name field');
  await expectAttr(part('prechat-email'), 'aria-invalid', 'true', 'the empty email field');
  assert.equal(
    await part('prechat-name').evaluate((el) => el.getRootNode().activeElement === el),
    true,
    'focus on the first invalid field',
  );
  await noComposer('after submitting an empty form');

  // A name and an invalid email: only the email is flagged, with its message tied to the field.
  const name = `Grace ${randomUUID().slice(0, 6)}`;
  await part('prechat-name').fill(name);
  await part('prechat-email').fill('grace-at-example');
  await part('prechat-submit').click();
  await expectAttr(part('prechat-email'), 'aria-invalid', 'true', 'the invalid email field');
  await expectAttr(part('prechat-email'), 'aria-describedby', 'prechat-email-err', 'the invalid email field');
  await page.locator('#parley-widget #prechat-email-err').waitFor({ state: 'visible' });
  assert.equal(await part('prechat-name').getAttribute('aria-invalid'), null, 'the valid name is flagged');
  await noComposer('with an invalid email');
  await part('prechat').waitFor({ state: 'visible' });

  // A valid email: the form gives way to the composer.
  const email = `grace-${randomUUID().slice(0, 6)}@customer.example`;
  await part('prechat-email').fill(email);
  await part('prechat-submit').click();
  await w.input.waitFor({ state: 'visible' });
  await expectCount(part('prechat'), 0, 'the pre-chat form once filled');
  const text = unique('Question after pre-chat');
  await w.write(text);
  await expectDelivered(w.message('visitor', text), 'the first message after pre-chat');

  // The agent sees who it is.
  const { c } = agent;
  const row = c.rowWith(text);
  await expectCount(row, 1, 'the inbox row');
  await c.open(row);
  await expectText(agent.page.locator('[data-testid="visitor-name"]'), name, 'the sidebar name');
  await expectText(agent.page.locator('[data-testid="visitor-email"]'), email, 'the sidebar email');
  await expectText(agent.page.locator('[data-testid="conversation-title"]'), name, 'the conversation title');

  await context.close();
  await agent.context.close();
});
