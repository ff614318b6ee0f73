// Scenario d: the visitor's connection drops and comes back; messages typed offline are sent exactly once,
// the agent's reply written meanwhile arrives exactly once, and the widget's seqs stay gapless.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  agentApi,
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

const statusIs = (w, state) => expectAttr(w.status, 'data-state', state, 'the widget status');
const deliveryIs = (bubble, state, what) => expectAttr(bubble, 'data-state', state, what);

test('offline messages are delivered once and nothing is lost or doubled after reconnecting', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  const { c } = agent;
  await w.open();
  const opening = unique('Hi, quick question');
  await w.write(opening);
  await expectDelivered(w.message('visitor', opening), 'the opening message');
  await statusIs(w, 'online');
  const id = await c.open(c.rowWith(opening));

  // Offline emulation: Chromium fires `offline` and stops all traffic, WebSockets included.
  await visitor.context.setOffline(true);
  await statusIs(w, 'offline');
  // One status line from one state: "Offline" alone, never "Offline · We are online".
  await expectText(w.status, 'Offline', 'the header status line while offline');
  assert.equal(await w.status.locator('[data-parley="availability"]').count(), 0, 'no availability line while offline');
  const queued = [unique('First while offline'), unique('Second while offline')];
  for (const text of queued) await w.write(text);
  for (const text of queued) {
    await expectCount(w.message('visitor', text), 1, `the queued bubble "${text}"`);
    await deliveryIs(w.message('visitor', text), 'sending', `the queued bubble "${text}"`);
  }

  const reply = unique('Sure, ask away');
  await c.reply(reply);
  await expectCount(c.message('agent', reply), 1, 'the reply in the console');
  // Still offline: nothing may have crossed in either direction.
  for (const text of queued)
    assert.equal(
      await c.message('visitor', text).count(),
      0,
      `"${text}" reached the agent while the visitor was offline`,
    );
  assert.equal(await w.message('agent', reply).count(), 0, 'the reply reached the widget while offline');

  await visitor.context.setOffline(false);
  await statusIs(w, 'online');
  for (const text of queued) {
    await expectDelivered(w.message('visitor', text), `"${text}" after reconnecting`);
    await expectCount(c.message('visitor', text), 1, `"${text}" in the console`);
  }
  await expectCount(w.message('agent', reply), 1, 'the reply in the widget after reconnecting');

  // A last round trip after everything settled: anything doubled by the resume would show by now.
  const last = unique('Go ahead');
  await c.reply(last);
  await expectCount(w.message('agent', last), 1, 'the last reply in the widget');
  for (const text of [opening, ...queued]) {
    await expectCount(w.message('visitor', text), 1, `"${text}" in the widget`);
    await expectCount(c.message('visitor', text), 1, `"${text}" in the console`);
  }
  await expectCount(w.message('agent', reply), 1, 'the offline-time reply in the widget');
  await expectCount(c.message('agent', reply), 1, 'the offline-time reply in the console');

  // The widget shows every message of the conversation once, in seq order, without gaps.
  const seqs = (await w.messages.evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')))).map(Number);
  const stored = (await (await agentApi()).messages(id)).filter((m) => m.kind !== 'note').map((m) => m.seq);
  assert.deepEqual(seqs, stored, 'widget seqs equal the stored conversation');
  assert.deepEqual(
    seqs,
    seqs.map((_, i) => seqs[0] + i),
    'widget seqs are contiguous and unique',
  );
  // The queued messages kept their writing order.
  const seqOf = async (text) => Number(await w.message('visitor', text).getAttribute('data-seq'));
  assert.ok((await seqOf(queued[0])) < (await seqOf(queued[1])), 'queued messages were sent in the order written');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
