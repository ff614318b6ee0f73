// Issue 11: an admin blocks a visitor from the conversation view; the visitor's open widget says only that chat is
// unavailable and stops, stays so on the next page, the Blocked page counts the refusals, and lifting the block
// lets the visitor chat again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  consoleUi,
  expectAttr,
  expectCount,
  expectDelivered,
  expectText,
  launch,
  openAgent,
  openHost,
  TIMEOUT,
  unique,
  waitFor,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const UNAVAILABLE = 'Chat is unavailable.';

test("blocking from the conversation view closes the visitor's chat at once; lifting it restores chat", async () => {
  const ws = await freshWorkspace('Blocks');
  const agent = await openAgent(browser, ws);
  const c = consoleUi(agent.page);
  const t = (id) => agent.page.locator(`[data-testid="${id}"]`);

  // A visitor writes; the admin opens the conversation.
  const visitor = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');" });
  const { w } = visitor;
  await w.input.waitFor({ state: 'visible' });
  const text = unique('Spam spam');
  await w.write(text);
  await expectDelivered(w.message('visitor', text), 'the visitor message before the block');
  await c.open(c.rowWith(text));

  // Block this visitor, with a reason (visitor only: every local visitor shares 127.0.0.1).
  await t('block-visitor').click();
  await t('block-reason').fill('Spam <b>links</b>');
  await t('block-confirm').click();
  await expectCount(t('visitor-blocked'), 1, 'the blocked confirmation');

  // The open widget hears it on its socket: a neutral notice, no composer, and it does not reconnect.
  const notice = visitor.page.locator('#parley-widget [data-parley="notice"]');
  await expectAttr(notice, 'data-code', 'chat_unavailable', 'the widget notice');
  await expectText(notice, UNAVAILABLE, 'the neutral text');
  await expectCount(w.input, 0, 'the composer once blocked');
  assert.equal(await w.launcher.isVisible(), true, 'the launcher stays on the page');

  // The next page of the same visitor is refused too (a drop), and still says only that.
  const next = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');", context: visitor.context });
  const nextNotice = next.page.locator('#parley-widget [data-parley="notice"]');
  await expectAttr(nextNotice, 'data-code', 'chat_unavailable', 'the notice on the next page');
  assert.equal(await next.w.input.count(), 0, 'no composer on the next page');

  // The Blocked page lists the block with its reason as text and its drops.
  await t('nav-blocked').click();
  const row = agent.page.locator('[data-testid="blocked-row"][data-kind="visitor"]');
  await expectCount(row, 1, 'the visitor block');
  await waitFor(
    async () => Number(await row.locator('[data-testid="blocked-drops"]').textContent()) >= 1,
    'at least one drop counted',
  );
  assert.ok((await row.textContent({ timeout: TIMEOUT })).includes('Spam <b>links</b>'), 'the reason, as text');
  assert.equal(await row.locator('b').count(), 0, 'no markup from the reason');

  // Lift it: the visitor's next page chats again.
  await row.getByRole('button', { name: /^Lift block/ }).click();
  await expectCount(row, 0, 'the lifted block');
  const back = await openHost(browser, { siteKey: ws.site.key, script: "Parley('open');", context: visitor.context });
  await back.w.input.waitFor({ state: 'visible', timeout: TIMEOUT });
  const again = unique('Back again');
  await back.w.write(again);
  await expectDelivered(back.w.message('visitor', again), 'a message after the block is lifted');
  await visitor.context.close();
  await agent.context.close();
});
