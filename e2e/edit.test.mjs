// Editing one's own message (docs/protocol.md "Editing"): the visitor edits in the widget and the agent in the
// console; each edit appears on both sides with "edited", in place, and only the agent can see the earlier text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  expectCount,
  expectDelivered,
  expectText,
  launch,
  openAgent,
  openVisitor,
  unique,
  waitFor,
} from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('the visitor edits their message: both sides show the new text with "edited", the agent sees the old one', async () => {
  const agent = await openAgent(browser);
  const { c, page } = agent;
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  await w.open();
  await w.waitOnline();
  const original = unique('My order 1234 never came');
  await w.write(original);
  const bubble = w.message('visitor', original);
  await expectDelivered(bubble, "the visitor's message");
  const seq = await bubble.getAttribute('data-seq');
  await c.open(c.rowWith(original));

  await bubble.locator('[data-parley="edit"]').click();
  await waitFor(async () => (await w.input.inputValue()) === original, 'the composer to hold the message');
  const fixed = unique('My order 5678 never came');
  await w.write(fixed);

  const inWidget = visitor.page.locator(`#parley-widget [data-parley="message"][data-seq="${seq}"]`);
  await expectText(inWidget.locator('[data-parley="body"]'), fixed, 'the edited message in the widget');
  await expectCount(inWidget.locator('[data-parley="edited"]'), 1, '"edited" in the widget');
  await expectCount(w.message('visitor', original), 0, 'the old text in the widget');
  await expectCount(w.messages, 1, 'one message in the widget (edited in place)');

  const inConsole = page.locator(`[data-testid="message"][data-seq="${seq}"]`);
  await expectText(inConsole.locator('[data-testid="body"]'), fixed, 'the edited message in the console');
  await expectCount(inConsole.locator('[data-testid="edited"]'), 1, '"edited" in the console');
  await inConsole.locator('[data-testid="message-revisions"]').click();
  await expectText(inConsole.locator('[data-testid="revision-body"]'), original, 'the earlier text for the agent');
  assert.equal(await visitor.page.locator('#parley-widget').getByText(original).count(), 0);
  await Promise.all([agent.context.close(), visitor.context.close()]);
});

test('the agent edits their reply in the console: the widget shows the new text with "edited", never the old', async () => {
  const agent = await openAgent(browser);
  const { c, page } = agent;
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  await w.open();
  await w.waitOnline();
  const question = unique('How much is my refund?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), "the visitor's question");
  await c.open(c.rowWith(question));
  const wrong = unique('Your refund is 10 EUR');
  await c.reply(wrong);
  const sent = c.message('agent', wrong);
  await expectCount(w.message('agent', wrong), 1, 'the reply in the widget');
  await waitFor(async () => (await sent.getAttribute('data-seq')) !== null, 'the reply to be stored');
  const seq = await sent.getAttribute('data-seq');

  await sent.hover();
  await sent.locator('[data-testid="message-edit"]').click();
  const input = page.locator('[data-testid="message-edit-input"]');
  await input.fill(unique('Your refund is 12 EUR'));
  const right = await input.inputValue();
  await input.press('Enter');

  const inConsole = page.locator(`[data-testid="message"][data-seq="${seq}"]`);
  await expectText(inConsole.locator('[data-testid="body"]'), right, 'the edited reply in the console');
  await expectCount(inConsole.locator('[data-testid="edited"]'), 1, '"edited" in the console');
  const inWidget = visitor.page.locator(`#parley-widget [data-parley="message"][data-seq="${seq}"]`);
  await expectText(inWidget.locator('[data-parley="body"]'), right, 'the edited reply in the widget');
  await expectCount(inWidget.locator('[data-parley="edited"]'), 1, '"edited" in the widget');
  await expectCount(w.message('agent', wrong), 0, 'the old text in the widget');
  await inConsole.locator('[data-testid="message-revisions"]').click();
  await expectText(inConsole.locator('[data-testid="revision-body"]'), wrong, 'the earlier text for the agent');
  await Promise.all([agent.context.close(), visitor.context.close()]);
});
