// Resolve and auto-reopen: the agent resolves in the console, the widget says so; the visitor writes again and
// the conversation is active again everywhere (console status, inbox row, widget), live.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agentApi, expectAttr, expectCount, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('resolve shows in the widget; the visitor writing again reopens it live in console and widget', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { c, page } = agent;
  const { w } = visitor;
  await w.open();
  const question = unique('Do you ship seeds to Norway?');
  await w.write(question);

  const id = await c.open(c.rowWith(question));
  const status = page.locator('[data-testid="status"]');
  const row = c.row(id);
  await page.locator('[data-testid="claim"]').click();
  await expectAttr(status, 'data-status', 'active', 'the status after claiming');
  await c.reply(unique('Yes, within a week'));

  const life = w.page.locator('#parley-widget [data-parley="conversation-state"]');
  assert.equal(await life.count(), 0, 'the widget shows a resolved/closed line on an active conversation');
  await page.locator('[data-testid="resolve"]').click();
  await expectAttr(status, 'data-status', 'resolved', 'the console status after resolving');
  await expectAttr(row, 'data-status', 'resolved', 'the inbox row after resolving');
  await expectAttr(life, 'data-status', 'resolved', "the widget's conversation state");
  await expectCount(w.message('system', 'Resolved by'), 1, 'the "Resolved by" line in the widget');
  // Reopen is what a resolved conversation offers; resolving again is not.
  await expectCount(page.locator('[data-testid="reopen"]'), 1, 'the reopen button');
  assert.equal(
    await page.locator('[data-testid="resolve"]').count(),
    0,
    'resolve is still offered on a resolved conversation',
  );

  const again = unique('One more question about Norway');
  await w.write(again);
  await expectCount(w.message('visitor', again), 1, 'the new visitor message in the widget');
  // Auto-reopen: it had an assignee, so it is active again, in the open view and in the inbox row.
  await expectAttr(status, 'data-status', 'active', 'the console status after the visitor wrote again');
  await expectAttr(row, 'data-status', 'active', 'the inbox row after the visitor wrote again');
  await expectCount(
    c.message('system', 'Reopened: the visitor wrote again'),
    1,
    'the reopen system message in the console',
  );
  await expectCount(c.message('visitor', again), 1, 'the new visitor message in the console');
  await expectCount(life, 0, "the widget's resolved line after writing again");
  await c.notReloaded();

  // The server agrees (the console is not just showing a local guess).
  const behind = await agentApi();
  await waitFor(
    async () => (await behind.conversation(id)).status === 'active',
    'the server to show the conversation active',
  );

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
