// Scenario c: an archived conversation moves to the Archived tab and comes back to Active, live,
// when the visitor writes again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agentApi, expectCount, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('archive moves the row to Archived; a new visitor message brings it back to Active', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  await visitor.w.open();
  const first = unique('Where is my order?');
  await visitor.w.write(first);

  const { c } = agent;
  await expectCount(c.rowWith(first), 1, 'the inbox row');
  const id = await c.open(c.rowWith(first));
  await c.reply(unique('It left the warehouse'));
  await c.archive.click();
  await c.restore
    .waitFor({ state: 'visible' })
    .catch(() => assert.fail('[data-testid="restore"] did not replace Archive after archiving'));

  await c.tabActive.click();
  await expectCount(c.row(id), 0, 'the row in the Active tab after archiving');
  await c.tabArchived.click();
  await expectCount(c.row(id), 1, 'the row in the Archived tab');
  await c.tabActive.click();
  await expectCount(c.row(id), 0, 'the row in the Active tab');

  const again = unique('It still has not arrived');
  await visitor.w.write(again);
  await expectCount(c.row(id), 1, 'the row back in the Active tab, live');
  await expectCount(c.rowWith(again).and(c.row(id)), 1, 'the row previewing the new message');
  await c.notReloaded();
  await c.tabArchived.click();
  await expectCount(c.row(id), 0, 'the row in the Archived tab after the visitor wrote');

  const api = await agentApi();
  await waitFor(
    async () => (await api.conversation(id)).archivedAt == null,
    'the server to show the conversation unarchived',
  );

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
