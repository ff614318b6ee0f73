// Scenario b: with the panel closed, agent replies raise the launcher's unread badge; opening the panel clears it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  agentApi,
  api,
  expectAttr,
  expectCount,
  expectText,
  launch,
  openAgent,
  openVisitor,
  unique,
  expectDelivered,
} from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('unread badge counts agent replies while closed, clears on open, caps at 9+', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  await w.open();
  const question = unique('Do you ship to Norway?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), 'the first message');

  const row = agent.c.rowWith(question);
  await expectCount(row, 1, 'the inbox row');
  await agent.c.open(row);

  await w.close.click();
  await expectCount(w.panel, 0, 'the panel (closed)');
  await expectCount(w.badge, 0, 'the badge before any reply');

  await agent.c.reply(unique('Yes we do'));
  await expectText(w.badge, '1', 'the badge after one reply');
  await agent.c.reply(unique('Shipping takes 4 days'));
  await expectText(w.badge, '2', 'the badge after two replies');

  await w.launcher.click();
  await w.panel.waitFor({ state: 'visible' });
  await expectCount(w.badge, 0, 'the badge once the panel is open');
  await expectCount(w.messages.and(w.page.locator('[data-sender="agent"]')), 2, 'both replies in the panel');

  // Closing again must not bring the badge back: the replies were read.
  await w.close.click();
  await expectCount(w.panel, 0, 'the panel (closed again)');
  assert.equal(await w.badge.count(), 0, 'no badge for replies already read');

  // Past nine the badge is capped.
  for (let i = 1; i <= 10; i++) await agent.c.reply(unique(`Tip ${i}`));
  await expectText(w.badge, '9+', 'the badge after ten more replies');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});

test('a reply the agent deletes leaves the badge (and the unread event), also after a reload', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w, page } = visitor;
  await w.open();
  const question = unique('Is my parcel on its way?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), 'the first message');
  const id = await agent.c.open(agent.c.rowWith(question));
  await w.close.click();
  await expectCount(w.panel, 0, 'the panel (closed)');
  // What the page hears through Parley('on', 'unread').
  await page.evaluate(() => window.Parley('on', 'unread', (n) => (window.__unread = n)));

  await agent.c.reply(unique('Let me check'));
  const oops = unique('Oops, wrong customer');
  await agent.c.reply(oops);
  await expectText(w.badge, '2', 'the badge after two replies');
  const { token, messages } = await agentApi();
  const sent = (await messages(id)).find((m) => m.body === oops);
  const res = await api(`/api/conversations/${id}/messages/${sent.id}`, { method: 'DELETE', token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  await expectText(w.badge, '1', 'the badge once a reply is deleted');
  assert.equal(await page.evaluate(() => window.__unread), 1, 'the unread event says 1');

  // After a reload the count comes from the history, where the reply arrives deleted: still 1, never 2.
  await page.reload();
  await w.launcher.waitFor({ state: 'visible' });
  await w.launcher.hover();
  await expectText(w.badge, '1', 'the badge after a reload');
  await expectAttr(w.launcher, 'aria-label', 'Open chat, 1 unread', 'the launcher label after a reload');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
