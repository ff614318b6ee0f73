// Rate limits, seen by the visitor: messages sent faster than the server's bucket (burst 5, then 1 a second) are
// refused; the widget shows the translated notice and marks the refused ones "Not sent" with Retry, which works
// once the visitor slows down. Nothing is dropped silently, nothing is retried in a loop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  expectAttr,
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

test('messages over the rate limit show the notice and can be retried', async () => {
  const agent = await openAgent(browser);
  const { w, context } = await openVisitor(browser);
  await w.open();
  const first = unique('Opening');
  await w.write(first);
  await expectDelivered(w.message('visitor', first), 'the opening message');
  // Ten more at typing speed: far beyond a burst of 5 refilled at 1 a second.
  const texts = Array.from({ length: 10 }, (_, i) => unique(`Fast ${i}`));
  for (const text of texts) await w.write(text);
  const notice = w.page.locator('#parley-widget [data-parley="notice"]');
  await expectAttr(notice, 'data-code', 'rate_limited', 'the rate-limit notice');
  await expectText(
    notice.locator('span'),
    'You are sending messages too quickly. Please wait a moment, then retry.',
    'the notice text',
  );
  const failed = w.page.locator('#parley-widget [data-parley="message"][data-sender="visitor"][data-state="failed"]');
  await expectCount(failed.first(), 1, 'a refused message marked not sent');
  // Retrying one at a time, as a visitor would after the notice (again while the bucket is still empty): each goes through.
  const refused = await failed.count();
  assert.ok(refused >= 1, 'at least one message refused');
  for (let i = 0; i < refused; i++) {
    const text = (await failed.first().locator('[data-parley="body"]').textContent()).trim();
    const bubble = w.message('visitor', text);
    await waitFor(async () => {
      const state = await bubble.getAttribute('data-state');
      if (state === 'failed') await bubble.locator('button').click();
      return state === 'sent' || state === 'read';
    }, `the retried message "${text}" to be delivered`);
  }
  await expectCount(failed, 0, 'refused messages left');
  await context.close();
  await agent.context.close();
});
