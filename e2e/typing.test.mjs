// Typing indicators both ways: the visitor typing shows in the console and goes when they stop (clearing the
// input, or pausing); the agent typing shows in the widget and goes when they stop. "Goes" is checked before
// the receiving side's own expiry could hide it, so it proves the "typing off" frame, not a timeout.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectCount, expectDelivered, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** An unrefreshed indicator lives 8 s in both apps (client/constants.ts TYPING_TIMEOUT_MS): an explicit stop must beat it. */
const FAST = 4000;

/** Waits until `locator` is gone within `ms`, and says how long it took. */
async function goneWithin(locator, ms, what) {
  const start = Date.now();
  await waitFor(async () => (await locator.count()) === 0, what, ms);
  return Date.now() - start;
}

test('typing shows on the other side and stops', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w, page } = visitor;
  const { c } = agent;
  await w.open();
  const hello = unique('Typing test hello');
  await w.write(hello);
  await expectDelivered(w.message('visitor', hello), 'the first message');
  await c.open(c.rowWith(hello));
  const consoleTyping = agent.page.locator('[data-testid="typing"]');
  const widgetTyping = page.locator('#parley-widget [data-parley="typing"]');
  assert.equal(await consoleTyping.count(), 0, 'the console shows typing before anyone typed');

  // Visitor types → the console shows it; the visitor clears the input → it goes at once.
  await w.input.pressSequentially('Let me ch');
  await expectCount(consoleTyping, 1, 'the visitor typing in the console');
  await w.input.fill('');
  await goneWithin(consoleTyping, FAST, "the console's typing indicator to go once the visitor cleared the input");

  // Visitor types and pauses → it goes after their idle time (and sending clears it too).
  await w.input.pressSequentially('Actually');
  await expectCount(consoleTyping, 1, 'the visitor typing again');
  await goneWithin(consoleTyping, 15_000, "the console's typing indicator to go after the visitor paused");
  await w.input.pressSequentially(' one more thing');
  await expectCount(consoleTyping, 1, 'the visitor typing a third time');
  await w.input.press('Enter');
  await goneWithin(consoleTyping, FAST, "the console's typing indicator to go once the visitor sent");
  await expectCount(c.message('visitor', 'Actually one more thing'), 1, 'the sent message in the console');

  // Agent types → the widget shows it, with their name; the agent clears the composer → it goes.
  assert.equal(await widgetTyping.count(), 0, 'the widget shows typing before the agent typed');
  await c.composer.pressSequentially('Sure, go ');
  await expectCount(widgetTyping, 1, 'the agent typing in the widget');
  assert.match(await widgetTyping.textContent(), /Demo Agent/, 'the widget names who is typing');
  await c.composer.fill('');
  await goneWithin(widgetTyping, FAST, "the widget's typing indicator to go once the agent cleared the composer");

  // Agent types and sends → the reply replaces the indicator.
  await c.composer.pressSequentially('Go ahead');
  await expectCount(widgetTyping, 1, 'the agent typing again');
  await c.composer.press('Enter');
  await expectCount(w.message('agent', 'Go ahead'), 1, 'the reply in the widget');
  await goneWithin(widgetTyping, FAST, "the widget's typing indicator to go with the reply");
  // Nothing lingers on the console side either (the agent's own typing is never shown to the agent).
  assert.equal(await consoleTyping.count(), 0, 'the console shows typing after the exchange');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
