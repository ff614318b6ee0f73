// Issue 14 item 5: several conversations per visitor. A visitor whose conversation was resolved starts a new one from
// the widget's list of conversations, then switches between the two.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  agentApi,
  api,
  expectAgentsOnline,
  expectAttr,
  expectCount,
  expectDelivered,
  launch,
  openAgent,
  openVisitor,
  unique,
} from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('a visitor with two conversations switches between them', async () => {
  const demo = await agentApi();
  const ann = await openAgent(browser);
  await expectAgentsOnline(demo.site.key);
  const { context, page, w } = await openVisitor(browser);
  try {
    const root = page.locator('#parley-widget');
    const p = (name) => root.locator(`[data-parley="${name}"]`);
    await w.open();
    const first = unique('My parcel is late');
    await w.write(first);
    await expectDelivered(w.message('visitor', first), 'the first question');
    const id = await ann.c.open(ann.c.rowWith(first));
    const resolved = await api(`/api/conversations/${id}/resolve`, { method: 'POST', token: demo.token });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    await expectAttr(p('conversation-state'), 'data-status', 'resolved', 'the resolved conversation');

    // The list (loaded on demand) offers a new conversation, since none is open.
    await p('history').click();
    await expectCount(p('conversation-item'), 1, 'one conversation in the list');
    await expectAttr(p('conversation-item'), 'data-status', 'resolved', 'its status');
    await p('new-conversation').click();
    await expectCount(w.message('visitor', first), 0, 'a new, empty conversation');
    const second = unique('Also, can I change my address?');
    await w.write(second);
    await expectDelivered(w.message('visitor', second), 'the second question');

    // Both in the list, newest first; switching shows each one's own messages.
    await p('history').click();
    const items = p('conversation-item');
    await expectCount(items, 2, 'two conversations in the list');
    await expectAttr(items.first(), 'data-status', 'waiting', 'the newest first');
    await expectAttr(items.first(), 'aria-current', 'true', 'the one shown marked');
    await items.nth(1).click();
    await expectCount(w.message('visitor', first), 1, 'the first conversation again');
    await expectCount(w.message('visitor', second), 0, 'without the second one');
    await p('history').click();
    await expectCount(items, 2, 'two conversations in the list');
    await items.first().click();
    await expectCount(w.message('visitor', second), 1, 'the second conversation again');
    await expectCount(w.message('visitor', first), 0, 'without the first one');
    // Still live: a reply in the second conversation arrives.
    const reply = unique('Yes, send us the new one');
    const id2 = await ann.c.open(ann.c.rowWith(second));
    assert.notEqual(id2, id, 'two conversations');
    await ann.c.reply(reply);
    await expectCount(w.message('agent', reply), 1, 'the reply in the second conversation');
  } finally {
    await Promise.all([context.close(), ann.context.close()]);
  }
});
