// Scenario a: a visitor on the demo page writes; the agent sees it arrive live, opens it and replies;
// the visitor sees the reply.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectCount, launch, openAgent, openVisitor, unique, expectDelivered } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('visitor message reaches the live inbox, agent reply reaches the widget', async () => {
  // The agent is already looking at the inbox: the conversation must arrive without a reload.
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  await visitor.w.open();
  await visitor.w.waitOnline();

  const question = unique('Hello, my seeds have not arrived');
  await visitor.w.write(question);
  const sent = visitor.w.message('visitor', question);
  await expectCount(sent, 1, 'the visitor bubble');
  await expectDelivered(sent, 'the acknowledged visitor message');

  const row = agent.c.rowWith(question);
  await expectCount(row, 1, 'the new inbox row');
  await agent.c.notReloaded();
  assert.equal(await row.getAttribute('data-unread'), 'true', 'a new visitor message is unread');

  await agent.c.open(row);
  await expectCount(agent.c.message('visitor', question), 1, 'the visitor message in the console');

  const answer = unique('Sorry about that, resending today');
  await agent.c.reply(answer);
  await expectCount(agent.c.message('agent', answer), 1, 'the reply in the console');
  await expectCount(visitor.w.message('agent', answer), 1, 'the reply in the widget');
  // The visitor's own message is still there once, under the reply.
  await expectCount(visitor.w.message('visitor', question), 1, 'the visitor bubble after the reply');
  await agent.c.notReloaded();

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
